import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, symlink } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { siteArgs, startCli } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";

/**
 * Runs the CLI; if it has not ended after `patienceMs`, sends SIGTERM, and SIGKILL 10 s later.
 * Says how it ended: by itself (and its status), or only by a signal.
 */
async function runWithin(args: string[], patienceMs: number) {
  const run = startCli(args, /$^/);
  run.reached.catch(() => undefined);
  let signalled: "SIGTERM" | "SIGKILL" | undefined;
  const term = setTimeout(() => ((signalled = "SIGTERM"), run.child.kill("SIGTERM")), patienceMs);
  const kill = setTimeout(() => ((signalled = "SIGKILL"), run.child.kill("SIGKILL")), patienceMs + 10_000);
  const code = await run.exited;
  clearTimeout(term);
  clearTimeout(kill);
  return { code, signalled, output: run.output() };
}

test.serial("a FIFO named like a guide: check names it and ends, instead of waiting on it for ever", async (t) => {
  const site = await fixtureSite(t);
  execFileSync("mkfifo", [path.join(site.contentDir, "procedures", "pipe.md")]);
  const run = await runWithin(["check", "--content", site.contentDir], 60_000);
  t.is(run.signalled, undefined, `check ended by itself: ${run.output}`);
  t.is(run.code, 1, run.output);
  t.regex(run.output, /procedures\/pipe\.md.*is a FIFO \(named pipe\), not a file/);
  t.is(run.output.match(/pipe\.md/g)?.length, 1, "named once");
});

test.serial("a link to a FIFO anywhere in the content folder: build names it and ends; SIGTERM would end it too", async (t) => {
  const site = await fixtureSite(t);
  const fifo = path.join(site.root, "a-fifo");
  execFileSync("mkfifo", [fifo]);
  await mkdir(path.join(site.contentDir, "notes"));
  await symlink(fifo, path.join(site.contentDir, "notes", "draft.txt"));
  const run = await runWithin(["build", "--formats", "letter", ...siteArgs(site)], 60_000);
  t.not(run.signalled, "SIGKILL", `SIGTERM ended it: ${run.output}`);
  t.is(run.signalled, undefined, `build ended by itself: ${run.output}`);
  t.is(run.code, 1, run.output);
  t.regex(run.output, /notes\/draft\.txt.*is a link to a FIFO \(named pipe\), not a file/);
  t.false(existsSync(path.join(site.siteDir, "index.html")), "nothing was built");
});

for (const [command, where] of [
  ["dev", "content"],
  ["build", "content/images"],
  ["brochures", "content"],
] as const) {
  test.serial(`${command} --out inside ${where} is refused before anything is written (dev rebuilt in a loop, images/ republished old output)`, async (t) => {
    const site = await fixtureSite(t);
    await mkdir(path.join(site.contentDir, "images"), { recursive: true });
    const outDir = path.join(site.root, where, "out");
    const run = await runWithin([command, "--content", site.contentDir, "--out", outDir, ...(command === "dev" ? ["--port", "18731"] : [])], 30_000);
    t.is(run.signalled, undefined, `ended by itself: ${run.output}`);
    t.is(run.code, 2, run.output);
    t.regex(run.output, /--out .* is inside the content folder/);
    t.false(existsSync(outDir), "nothing written");
  });
}

test.serial("--content inside --out is refused: the build would replace the content", async (t) => {
  const site = await fixtureSite(t);
  const run = await runWithin(["build", "--content", site.contentDir, "--out", site.root], 30_000);
  t.is(run.code, 2, run.output);
  t.regex(run.output, /is inside the output folder/);
  t.false(existsSync(path.join(site.root, "site")));
});
