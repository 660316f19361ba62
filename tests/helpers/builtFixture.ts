import { rmSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ExecutionContext } from "ava";
import { runPamphlet, siteArgs, type CliRun } from "./cli.ts";
import { fixtureSite, type FixtureSite } from "./fixtures.ts";

/** One build per fixture and arguments in this test file's process, kept until it ends. */
const builds = new Map<string, Promise<{ site: FixtureSite; run: CliRun }>>();
const kept: string[] = [];
process.once("exit", () => kept.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * A private copy of `tests/fixtures/sites/<name>` built by `pamphlet build <args>`, as if the test
 * had built it itself: the fixture is built once per test file, and each caller gets a copy of
 * content and output with their times kept and the recorded content folder its own, so the next
 * build of the copy sees nothing changed. `run` is that one build's output; a failed build is
 * returned as it is, never copied.
 */
export async function builtFixtureSite(t: ExecutionContext, args: string[], name = "basic"): Promise<{ site: FixtureSite; run: CliRun }> {
  const key = JSON.stringify([name, args]);
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      const site = await fixtureSite({ teardown: () => undefined }, name);
      kept.push(site.root);
      return { site, run: await runPamphlet(["build", ...args, ...siteArgs(site)]) };
    })();
    builds.set(key, build);
  }
  const built = await build;
  if (built.run.code !== 0) return built;
  const root = await mkdtemp(path.join(os.tmpdir(), `pamphlet-${name}-`));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await cp(built.site.root, root, { recursive: true, preserveTimestamps: true });
  const site = moved(built.site, built.site.root, root);
  // The only files that name the folders: the site's record of its content folder, and the stamp's `check` reminder.
  for (const file of [`${site.siteDir}.fingerprint`, path.join(site.outDir, ".build-stamp.json")]) {
    await writeFile(file, (await readFile(file, "utf8")).replaceAll(built.site.root, root));
  }
  return { site, run: built.run };
}

const moved = (site: FixtureSite, from: string, to: string): FixtureSite =>
  Object.fromEntries(Object.entries(site).map(([key, value]) => [key, to + value.slice(from.length)])) as unknown as FixtureSite;

/** builtFixtureSite for a test that needs only the built copy: the build must have succeeded. */
export async function builtSite(t: ExecutionContext, args: string[], name = "basic"): Promise<FixtureSite> {
  const { site, run } = await builtFixtureSite(t, args, name);
  t.is(run.code, 0, run.output);
  return site;
}
