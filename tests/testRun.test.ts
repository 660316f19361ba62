import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import test from "ava";
import { fixturesDir, repoRoot } from "./helpers/fixtures.ts";
import { isAlive } from "./helpers/processes.ts";
import { until } from "./helpers/until.ts";

test.serial("a hook that passes ava's timeout: CI still counts every other file's results, and the hook's Chromium is gone", async (t) => {
  const project = await mkdtemp(path.join(os.tmpdir(), "pamphlet-ava-timeout-"));
  t.teardown(() => rm(project, { recursive: true, force: true }));
  await cp(path.join(fixturesDir, "ava-timeout"), project, { recursive: true });
  await symlink(path.join(repoRoot, "node_modules"), path.join(project, "node_modules"));
  const pidFile = path.join(project, "browser.pid");
  const env = {
    ...process.env,
    PAMPHLET_LAUNCH_BROWSER: pathToFileURL(path.join(repoRoot, "src", "brochures", "launchBrowser.ts")).href,
    PAMPHLET_BROWSER_PID_FILE: pidFile,
  };
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("bash", [path.join(repoRoot, ".ci", "tests"), project], { env });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", () => resolve(text));
  });
  t.regex(output, /^ok \d+ - (c › )?c passes too$/m, "the file after the one that timed out still ran");
  t.regex(output, /b\.test\.mjs: the run failed/);
  t.regex(output, /^# tests\/c\.test\.mjs: \d+ s$/m, "each file's time is said, as a TAP comment");
  t.is(output.trim().split("\n").at(-1), "3 passed, 1 failed", output);
  t.true(existsSync(pidFile), "the hook had started Chromium");
  const pid = Number(await readFile(pidFile, "utf8"));
  t.true(await until(() => !isAlive(pid), 15_000), "the Chromium of the timed-out hook is gone");
});
