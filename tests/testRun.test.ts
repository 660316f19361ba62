import { spawn } from "node:child_process";
import { existsSync, readdirSync, readlinkSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import test, { type ExecutionContext } from "ava";
import { fixturesDir, repoRoot } from "./helpers/fixtures.ts";
import { commandLine, isAlive } from "./helpers/processes.ts";
import { until } from "./helpers/until.ts";

/** A copy of the ava-timeout fixture (a passes, b's hook outlives ava's timeout holding a Chromium, c passes), and .ci/tests run on it. */
async function ciOnFixture(t: ExecutionContext) {
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
  const child = spawn("bash", [path.join(repoRoot, ".ci", "tests"), project], { env });
  let text = "";
  child.stdout.on("data", (chunk) => (text += chunk));
  child.stderr.on("data", (chunk) => (text += chunk));
  const ended = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { child, ended, output: () => text, project, pidFile };
}

/** The processes working in `folder` (npm, ava and its workers). */
const runningIn = (folder: string) =>
  readdirSync("/proc").filter((pid) => {
    try {
      return /^\d+$/.test(pid) && isAlive(Number(pid)) && readlinkSync(`/proc/${pid}/cwd`) === folder;
    } catch {
      return false; // ended while we looked, or not ours to read
    }
  });

test.serial("a hook that passes ava's timeout: CI still counts every other file's results, and the hook's Chromium is gone", async (t) => {
  const ci = await ciOnFixture(t);
  await ci.ended;
  const output = ci.output();
  t.regex(output, /^ok \d+ - (c › )?c passes too$/m, "the file after the one that timed out still ran");
  t.regex(output, /b\.test\.mjs: the run failed/);
  t.true(output.indexOf("c passes too") < output.indexOf("# tests/b.test.mjs:"), "c ran beside b, not after it: a stuck file holds no other up");
  t.regex(output, /^# tests\/c\.test\.mjs: \d+ s$/m, "each file's time is said, as a TAP comment");
  t.is(output.trim().split("\n").at(-1), "3 passed, 1 failed", output);
  t.true(existsSync(ci.pidFile), "the hook had started Chromium");
  const pid = Number(await readFile(ci.pidFile, "utf8"));
  t.true(await until(() => !isAlive(pid), 15_000), "the Chromium of the timed-out hook is gone");
});

test.serial("CI stopped by a signal stops the files it was running, at once", async (t) => {
  const ci = await ciOnFixture(t);
  t.true(await until(() => existsSync(ci.pidFile), 60_000), "b's hook started its Chromium");
  t.true(runningIn(ci.project).length > 0, "the files' runs work in the project");
  ci.child.kill("SIGTERM");
  t.is(await Promise.race([ci.ended, sleep(15_000).then(() => "still running")]), 143);
  t.true(await until(() => runningIn(ci.project).length === 0, 15_000), `left running: ${runningIn(ci.project).map(Number).map(commandLine).join("; ")}`);
  const chromium = Number(await readFile(ci.pidFile, "utf8"));
  t.true(await until(() => !isAlive(chromium), 15_000), "b's Chromium is gone too");
  t.false(ci.output().includes("passed,"), "no count: the run did not finish");
});
