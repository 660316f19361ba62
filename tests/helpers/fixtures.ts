import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ExecutionContext } from "ava";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const fixturesDir = path.join(repoRoot, "tests", "fixtures");

export interface FixtureSite {
  root: string;
  contentDir: string;
  outDir: string;
  siteDir: string;
  brochuresDir: string;
}

/** Something that runs cleanups when done: a test's `t`, or `hookCleanups()` for before/after hooks. */
type Teardown = Pick<ExecutionContext, "teardown">;

/** For `test.before`: collect cleanups there, run them in `test.after.always`. */
export function hookCleanups() {
  const cleanups: Array<() => unknown> = [];
  return { teardown: (fn: () => unknown) => void cleanups.push(fn), run: () => Promise.all(cleanups.map((fn) => fn())) };
}

/** A private copy of `tests/fixtures/sites/<name>` in a temporary folder, removed after the test. */
export async function fixtureSite(t: Teardown, name = "basic"): Promise<FixtureSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), `pamphlet-${name}-`));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  const contentDir = path.join(root, "content");
  await cp(path.join(fixturesDir, "sites", name), contentDir, { recursive: true });
  const outDir = path.join(root, "output");
  return { root, contentDir, outDir, siteDir: path.join(outDir, "site"), brochuresDir: path.join(outDir, "brochures") };
}

/** Front matter that passes the schema; override or drop (`undefined`) fields to make bad input. */
export function procedureText(fields: Record<string, unknown> = {}, body = "## What it is\n\nA short test body.\n"): string {
  const base: Record<string, unknown> = {
    title: "Test procedure",
    summary: "A test procedure used by the test suite to build pages.",
    category: "Spider and small veins",
    duration: "About 30 minutes",
    downtime: "None",
    sessions: "One",
    resultsTimeline: "A few weeks",
    candidates: "Test patients only.",
    veinsTreated: "Small veins",
    anaesthesia: "None needed",
    lastReviewed: "2026-10-01",
    reviewer: "Dr. Test Reviewer (fixture)",
  };
  const merged = { ...base, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value)}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

export async function writeProcedure(site: FixtureSite, slug: string, text: string): Promise<string> {
  const file = path.join(site.contentDir, "procedures", `${slug}.md`);
  await writeFile(file, text);
  return file;
}

/** A fixture with enough procedures (ten) that printing its brochures lasts a few seconds. */
export async function biggerSite(t: Teardown): Promise<FixtureSite> {
  const site = await fixtureSite(t);
  for (let i = 1; i <= 8; i++) await writeProcedure(site, `extra-${i}`, procedureText({ title: `Extra procedure ${i}` }));
  return site;
}
