import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { repoRoot } from "./helpers/fixtures.ts";

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
