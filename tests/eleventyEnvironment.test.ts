import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import test from "ava";
import { siteArgs } from "./helpers/cli.ts";
import { fixtureSite, repoRoot } from "./helpers/fixtures.ts";

const run = promisify(execFile);

test("loading the site build registers no loader hook of Eleventy's (its ESM cache buster), so later imports do not pass through one", async (t) => {
  const build = path.join(repoRoot, "src", "site", "build.ts");
  const script = `import module from "node:module";
const registered = [];
const register = module.register;
module.register = (specifier, ...rest) => (registered.push(String(specifier)), register.call(module, specifier, ...rest));
await import(${JSON.stringify(build)});
console.log(JSON.stringify(registered));`;
  const env = { ...process.env };
  delete env.ELEVENTY_SKIP_ESM_RESOLVER;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repoRoot, env });
  t.deepEqual(JSON.parse(stdout), []);
});

test("nor does `pamphlet build` as a clinic runs it (the compiled bundle, whose imports of packages come before its own code)", async (t) => {
  const site = await fixtureSite(t);
  const spy = `import module from "node:module";
const registered = [];
const register = module.register;
module.register = (specifier, ...rest) => (registered.push(String(specifier)), register.call(module, specifier, ...rest));
process.on("exit", () => console.log("registered " + JSON.stringify(registered)));`;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.ELEVENTY_SKIP_ESM_RESOLVER;
  // The bundle itself, as scripts/pamphlet.js runs it when dist/ is current (so even when an edit to src/ left it stale).
  const bundle = pathToFileURL(path.join(repoRoot, "dist", "bundle", "entry.js")).href;
  const command = `const { runCli } = await import(${JSON.stringify(bundle)});
process.exitCode = await runCli(${JSON.stringify(["build", "--formats", "letter", ...siteArgs(site)])});`;
  const args = ["--import", `data:text/javascript,${encodeURIComponent(spy)}`, "--input-type=module", "-e", command];
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, env });
  t.regex(stdout, /Site: .* built in/, "the site was built: Eleventy was loaded");
  t.is(/^registered (.*)$/m.exec(stdout)?.[1], "[]");
});
