import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import test from "ava";
import { until } from "./helpers/until.ts";

const source = (file: string) => new URL(`../src/shared/${file}`, import.meta.url).href;

/**
 * A process that writes file after file with writeFileAtomic, as a print run does, and says so on
 * stdout after each one. A signal can land at any point of a write, or between two.
 */
const writer = `
import { writeFileAtomic } from ${JSON.stringify(source("writeAtomic.ts"))};
import { exitCleanlyOnSignals, onInterrupt } from ${JSON.stringify(source("interrupt.ts"))};
exitCleanlyOnSignals();
// Another cleanup that takes a while, as closing Chromium does: the writes go on meanwhile.
onInterrupt(() => new Promise((resolve) => setTimeout(resolve, 300)));
const bytes = new Uint8Array(2 * 1024 * 1024).fill(37);
for (let file = 0; ; file++) {
  // A failed write is reported and the run goes on, as a print run does.
  await writeFileAtomic(process.argv[2] + "/out-" + (file % 4) + ".pdf", bytes).catch(() => undefined);
  process.stdout.write("wrote " + file + "\\n");
}
`;

test.serial("a signal during a run of atomic writes leaves no temporary file, however the writes and the cleanup interleave", async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pamphlet-interrupted-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const script = path.join(dir, "writer.mts");
  await writeFile(script, writer);
  for (let run = 0; run < 6; run++) {
    const out = path.join(dir, `run-${run}`);
    const child = spawn(process.execPath, ["--import", "tsx", script, out], { stdio: ["ignore", "pipe", "pipe"] });
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ? 143 : code)));
    // Some runs are stopped at the first write, others once writing is in full swing.
    t.true(await until(() => said.split("\n").length > 1 + run, 30_000, { everyMs: 5 }), `run ${run} wrote`);
    child.kill("SIGTERM");
    t.is(await exited, 143, `run ${run} ended by the signal`);
    const left = (await readdir(out)).filter((name) => name.endsWith(".tmp"));
    t.deepEqual(left, [], `run ${run}: no temporary file`);
  }
});

test.serial("once a signal has begun the cleanups, an error they cause is not printed raw; Pamphlet's own messages still are", async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pamphlet-interrupted-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const script = path.join(dir, "failing.mts");
  await writeFile(
    script,
    [
      `import { exitCleanlyOnSignals, isStopping, onInterrupt } from ${JSON.stringify(source("interrupt.ts"))};`,
      `import { PamphletError } from ${JSON.stringify(source("errors.ts"))};`,
      `import { fail } from ${JSON.stringify(new URL("../src/cli/main.ts", import.meta.url).href)};`,
      "exitCleanlyOnSignals();",
      "// A cleanup that takes a while, as closing Chromium does: the command fails meanwhile.",
      "onInterrupt(() => new Promise((resolve) => setTimeout(resolve, 1000)));",
      'process.kill(process.pid, "SIGINT");',
      "while (!isStopping()) await new Promise((resolve) => setTimeout(resolve, 5));",
      'fail(new Error("a file under the staging folder the cleanup removed"));',
      'fail(new PamphletError("Stopped before the new files were put in the site: what was there is unchanged."));',
      "",
    ].join("\n"),
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"] });
  let said = "";
  child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal === "SIGINT" ? 130 : code)));
  t.is(await exited, 130, said);
  t.regex(said, /Stopping \(SIGINT\)…/);
  t.regex(said, /Stopped before the new files were put in the site/);
  t.notRegex(said, /staging folder the cleanup removed/);
});
