import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import test from "ava";
import { siteArgs } from "./helpers/cli.ts";
import { fixtureSite, repoRoot } from "./helpers/fixtures.ts";

const run = promisify(execFile);

/** The bundle itself, as scripts/pamphlet.js runs it when dist/ is current (so even when an edit to src/ left it stale). */
const bundledEntry = pathToFileURL(path.join(repoRoot, "dist", "bundle", "entry.js")).href;

/** Preloaded into a process: records each module.register call (Eleventy's ESM cache buster is one) and prints them as it ends. */
const registrationSpy = `data:text/javascript,${encodeURIComponent(`import module from "node:module";
const registered = [];
const register = module.register;
module.register = (specifier, ...rest) => (registered.push(String(specifier)), register.call(module, specifier, ...rest));
process.on("exit", () => console.log("registered " + JSON.stringify(registered)));`)}`;

/** Runs `script` as a module with the spy, without Eleventy's switch set beforehand (or set to `switchSet`); resolves with its output. */
async function spied(script: string, preloads: string[] = [], switchSet?: string): Promise<{ stdout: string; registered: string | undefined }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.ELEVENTY_SKIP_ESM_RESOLVER;
  if (switchSet !== undefined) env.ELEVENTY_SKIP_ESM_RESOLVER = switchSet;
  const args = [...preloads.flatMap((preload) => ["--import", preload]), "--import", registrationSpy, "--input-type=module", "-e", script];
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, env });
  return { stdout, registered: /^registered (.*)$/m.exec(stdout)?.[1] };
}

test("loading the site build registers no loader hook of Eleventy's (its ESM cache buster), so later imports do not pass through one", async (t) => {
  const build = path.join(repoRoot, "src", "site", "build.ts");
  // tsx first: its own hooks are registered before the spy is there to see them.
  const { registered } = await spied(`await import(${JSON.stringify(build)});`, ["tsx"]);
  t.deepEqual(JSON.parse(registered!), []);
});

test("nor does `pamphlet build` as a clinic runs it (the compiled bundle, whose imports of packages come before its own code)", async (t) => {
  const site = await fixtureSite(t);
  // The switch left unset, and set empty (Eleventy would then register its hook, whose file the bundle does not hold).
  for (const switchSet of [undefined, ""]) {
    const { stdout, registered } = await spied(
      `const { runCli } = await import(${JSON.stringify(bundledEntry)});
process.exitCode = await runCli(${JSON.stringify(["build", "--force", "--formats", "letter", ...siteArgs(site)])});`,
      [],
      switchSet,
    );
    t.regex(stdout, /Site: .* built in/, `the site was built: Eleventy was loaded (switch ${JSON.stringify(switchSet)})`);
    t.is(registered, "[]");
  }
});

test("the bundle holds Eleventy and eleventy-img themselves: their 400 or so files are not found and read one by one", async (t) => {
  const bundle = path.join(repoRoot, "dist", "bundle");
  const code = await Promise.all((await readdir(bundle)).filter((name) => name.endsWith(".js")).map((name) => readFile(path.join(bundle, name), "utf8")));
  t.false(
    code.some((file) => /\bfrom\s*"@11ty\/eleventy(-img)?"|import\("@11ty\/eleventy(-img)?"\)/.test(file)),
    "no import of Eleventy or eleventy-img is left to Node",
  );
});

test("the path fix for ~/clinic and ~/clinic-content patches the very eleventy-utils Eleventy loads: there is one copy", (t) => {
  const fromEleventy = createRequire(createRequire(path.join(repoRoot, "package.json")).resolve("@11ty/eleventy"));
  const fromPamphlet = createRequire(path.join(repoRoot, "src", "site", "eleventyPathFix.ts"));
  t.is(fromEleventy.resolve("@11ty/eleventy-utils"), fromPamphlet.resolve("@11ty/eleventy-utils"));
});
