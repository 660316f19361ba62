import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import test from "ava";
import { siteArgs } from "./helpers/cli.ts";
import { fixtureSite, repoRoot } from "./helpers/fixtures.ts";

const run = promisify(execFile);

/** Preloaded into a process: records each module.register call (Eleventy's ESM cache buster is one) and prints them as it ends. */
const registrationSpy = `data:text/javascript,${encodeURIComponent(`import module from "node:module";
const registered = [];
const register = module.register;
module.register = (specifier, ...rest) => (registered.push(String(specifier)), register.call(module, specifier, ...rest));
process.on("exit", () => console.log("registered " + JSON.stringify(registered)));`)}`;

/** Runs `script` as a module with the spy, without Eleventy's switch set beforehand; resolves with its output. */
async function spied(script: string, preloads: string[] = []): Promise<{ stdout: string; registered: string | undefined }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.ELEVENTY_SKIP_ESM_RESOLVER;
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
  // The bundle itself, as scripts/pamphlet.js runs it when dist/ is current (so even when an edit to src/ left it stale).
  const bundle = pathToFileURL(path.join(repoRoot, "dist", "bundle", "entry.js")).href;
  const { stdout, registered } = await spied(`const { runCli } = await import(${JSON.stringify(bundle)});
process.exitCode = await runCli(${JSON.stringify(["build", "--formats", "letter", ...siteArgs(site)])});`);
  t.regex(stdout, /Site: .* built in/, "the site was built: Eleventy was loaded");
  t.is(registered, "[]");
});
