import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readlinkSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import test from "ava";
import { startDevServer } from "../src/dev/devServer.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { until } from "./helpers/until.ts";

test.serial("a FIFO named like a guide: check names it and ends, instead of waiting on it for ever", async (t) => {
  const site = await fixtureSite(t);
  execFileSync("mkfifo", [path.join(site.contentDir, "procedures", "pipe.md")]);
  const run = await runPamphlet(["check", "--content", site.contentDir], { patienceMs: 60_000 });
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
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { patienceMs: 60_000 });
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
    const run = await runPamphlet([command, "--content", site.contentDir, "--out", outDir, ...(command === "dev" ? ["--port", "18731"] : [])], {
      patienceMs: 30_000,
    });
    t.is(run.signalled, undefined, `ended by itself: ${run.output}`);
    t.is(run.code, 2, run.output);
    t.regex(run.output, /--out .* is inside the content folder/);
    t.false(existsSync(outDir), "nothing written");
  });
}

test.serial("--content inside --out is refused: the build would replace the content", async (t) => {
  const site = await fixtureSite(t);
  const run = await runPamphlet(["build", "--content", site.contentDir, "--out", site.root], { patienceMs: 30_000 });
  t.is(run.code, 2, run.output);
  t.regex(run.output, /is inside the output folder/);
  t.false(existsSync(path.join(site.root, "site")));
});

/** Open file descriptors of this process whose target matches `pattern` (from /proc/self/fd). */
function openFiles(pattern: RegExp): string[] {
  return readdirSync("/proc/self/fd").flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return pattern.test(target) ? [target] : [];
    } catch {
      return [];
    }
  });
}

test.serial("dev server: downloads the client abandons do not keep their files open (descriptors leaked on every save)", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  // Large enough that the loopback socket cannot take it all at once: the stream is mid-file when the client leaves.
  await writeFile(path.join(site.contentDir, "images", "big.png"), randomBytes(8 * 1024 * 1024));
  const dev = await startDevServer({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site"), port: 0 });
  t.teardown(() => dev.close());
  const { port } = new URL(dev.origin);
  for (let i = 0; i < 10; i++) {
    await new Promise<void>((resolve) => {
      const request = http.get({ host: "127.0.0.1", port, path: "/images/big.png", headers: { host: "localhost" } }, (response) => {
        t.is(response.statusCode, 200);
        response.pause(); // read nothing, then go away
        // Not a wait for an event: 50 ms for the server to fill the paused socket, so it leaves mid-file.
        setTimeout(() => (request.destroy(), resolve()), 50);
      });
      request.on("error", () => resolve());
    });
  }
  const closed = await until(() => openFiles(/big\.png/).length === 0, 5000);
  t.deepEqual(openFiles(/big\.png/), [], "no descriptor left on the abandoned files");
  t.true(closed);
});
