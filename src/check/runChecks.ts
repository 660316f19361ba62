import { loadContent } from "../content/load.ts";
import type { Problem } from "../content/problem.ts";
import { checkClaims } from "./claims.ts";
import { checkDuplicateTitles } from "./duplicateTitles.ts";
import { checkFreshness } from "./freshness.ts";
import { checkLinks } from "./links.ts";
import { checkReadingLevel, type ReadingLevel } from "./readingLevel.ts";
import { checkSections } from "./sections.ts";
import { checkTranslations } from "./translations.ts";
import type { Check, CheckContext } from "./types.ts";

/**
 * Checks the build (and the dev server) also runs: a broken link or missing image must not reach a
 * page or a brochure; a writer who renames a procedure hears that its translation lost its pair, and
 * one who copies a procedure, that it still has the original's title.
 */
export const buildChecks: Check[] = [checkLinks, checkTranslations, checkDuplicateTitles];
/** Editorial checks for `pamphlet check`. */
const editorialChecks: Check[] = [checkSections, checkClaims, checkFreshness];

export interface CheckReport {
  problems: Problem[];
  readingLevels: ReadingLevel[];
}

/** `pamphlet check`: schema first; when the content loads, every other check too. */
export async function runChecks(contentDir: string, today = new Date()): Promise<CheckReport> {
  const { content, problems } = await loadContent(contentDir);
  if (!content) return { problems, readingLevels: [] };
  const context: CheckContext = { content, contentDir, today };
  const reading = checkReadingLevel(context);
  const found = [...problems, ...[...buildChecks, ...editorialChecks].flatMap((check) => check(context)), ...reading.problems];
  return { problems: sortProblems(found), readingLevels: reading.levels.sort((a, b) => a.file.localeCompare(b.file)) };
}

export const sortProblems = (problems: Problem[]) =>
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

/** What build, brochures and dev load: the schema-checked content, refused when a build check finds an error. */
export async function loadForBuild(contentDir: string): Promise<Awaited<ReturnType<typeof loadContent>>> {
  const loaded = await loadContent(contentDir);
  if (!loaded.content) return loaded;
  const context: CheckContext = { content: loaded.content, contentDir, today: new Date() };
  const problems = sortProblems([...loaded.problems, ...buildChecks.flatMap((check) => check(context))]);
  return problems.some((problem) => problem.severity === "error") ? { problems } : { content: loaded.content, problems };
}
