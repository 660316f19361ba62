import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { repoRoot } from "./helpers/fixtures.ts";

test("pamphlet turns on Node's compile cache where Node has one (22.1 and later)", async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pamphlet-compile-cache-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  // This machine's Node may have no compile cache: a stand-in records each call.
  const record = path.join(dir, "calls.txt");
  const standIn = path.join(dir, "stand-in.mjs");
  await writeFile(
    standIn,
    `import module from "node:module";
import { appendFileSync } from "node:fs";
module.enableCompileCache = (...args) => {
  appendFileSync(${JSON.stringify(record)}, JSON.stringify(args) + "\\n");
  return { status: 1 };
};`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", standIn, path.join(repoRoot, "scripts", "pamphlet.js"), "--help"], {
    cwd: repoRoot,
  });
  t.regex(stdout, /^Usage: pamphlet/);
  t.is(await readFile(record, "utf8"), "[]\n", "called once, with Node's own folder");
});
