import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ExecutionContext } from "ava";
import { runPamphlet, siteArgs, type CliRun } from "./cli.ts";
import { biggerSite, fixtureSite, type FixtureSite } from "./fixtures.ts";

/** One build per fixture and arguments in this test file's process, kept until it ends. */
const builds = new Map<string, Promise<{ site: FixtureSite; run: CliRun }>>();
const builtRoots: string[] = [];
process.once("exit", () => builtRoots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * A private copy of `tests/fixtures/sites/<name>` (or of biggerSite's, `bigger`) built by `pamphlet build <args>`, as if the test
 * had built it itself: the fixture is built once per test file, and each caller gets a copy of
 * content and output, their times kept to the nanosecond (`cp -a`; Node's copy keeps milliseconds)
 * and the folders the build recorded made the copy's, so the next build of the copy takes the quick
 * way as it would in the original. `run` is that one build's output. A failed build throws: a test
 * going on would change the build every other test copies.
 */
export async function builtFixtureSite(t: ExecutionContext, args: string[], name = "basic"): Promise<{ site: FixtureSite; run: CliRun }> {
  const key = JSON.stringify([name, args]);
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      const kept = { teardown: () => undefined }; // removed when the process ends
      const site = await (name === "bigger" ? biggerSite(kept) : fixtureSite(kept, name));
      builtRoots.push(site.root);
      return { site, run: await runPamphlet(["build", ...args, ...siteArgs(site)]) };
    })();
    builds.set(key, build);
  }
  const built = await build;
  if (built.run.code !== 0) throw new Error(`pamphlet build ${args.join(" ")} of the ${name} fixture failed (${built.run.code}):\n${built.run.output}`);
  const root = await mkdtemp(path.join(os.tmpdir(), `pamphlet-${name}-`));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await promisify(execFile)("cp", ["-a", `${built.site.root}/.`, root]);
  const site = moved(built.site, built.site.root, root);
  // The files that name the folders: the site's record of its content, the build stamp (its places, its `check` reminder).
  for (const file of [`${site.siteDir}.fingerprint`, path.join(site.outDir, ".build-stamp.json")]) {
    await writeFile(file, (await readFile(file, "utf8")).replaceAll(built.site.root, root));
  }
  return { site, run: built.run };
}

/** builtFixtureSite for a test that needs only the built copy. */
export async function builtSite(t: ExecutionContext, args: string[], name = "basic"): Promise<FixtureSite> {
  return (await builtFixtureSite(t, args, name)).site;
}

const moved = (site: FixtureSite, from: string, to: string): FixtureSite =>
  Object.fromEntries(Object.entries(site).map(([key, value]) => [key, to + value.slice(from.length)])) as unknown as FixtureSite;
