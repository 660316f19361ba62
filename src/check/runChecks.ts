import { loadContent, type Content } from "../content/load.ts";
import { hasErrors, sortProblems, type Problem } from "../shared/problem.ts";
import { checkClaims } from "./claims.ts";
import { checkClinicDetails } from "./clinicDetails.ts";
import { checkCoverImages } from "./coverImages.ts";
import { checkDuplicateTitles } from "./duplicateTitles.ts";
import { draftFreshness, releaseFreshness } from "./freshness.ts";
import { checkHeadingLevels } from "./headingLevels.ts";
import { checkImageFolder } from "./imageFolder.ts";
import { checkLanguage } from "./language.ts";
import { checkLinks, checkRefusedAddresses } from "./links.ts";
import { checkRequiredSafety, checkSafetyStatements } from "./requiredSafety.ts";
import { checkPlaceholders, releasePlaceholders } from "./placeholders.ts";
import { checkParity } from "./parity.ts";
import { checkStaleTranslations } from "./staleTranslations.ts";
import { checkReadingLevel, type ReadingLevel } from "./readingLevel.ts";
import { checkSections } from "./sections.ts";
import { checkSignOff } from "./signOff.ts";
import { checkInstallSource } from "./installSource.ts";
import { checkSources } from "./sources.ts";
import { checkTemplateOverrides } from "./templateOverrides.ts";
import { checkTranslations } from "./translations.ts";
import type { Check, CheckContext } from "./types.ts";

/**
 * Checks the build (and the dev server) also runs: a broken link or missing image (in the text or the cover) must not reach a
 * page or a brochure; a writer who renames a procedure hears that its translation lost its pair, and
 * one who copies a procedure, that it still has the original's title; a guide missing a warning its kind must state is not
 * published. Under release: true, sample details and overdue reviews too.
 */
const buildChecks: Check[] = [
  checkLinks,
  checkCoverImages,
  checkImageFolder,
  checkTranslations,
  checkDuplicateTitles,
  checkSafetyStatements,
  releasePlaceholders,
  releaseFreshness,
];
/** Editorial checks for `pamphlet check`. */
const editorialChecks: Check[] = [
  checkSections,
  checkSources,
  checkHeadingLevels,
  checkClaims,
  checkRequiredSafety,
  checkParity,
  checkStaleTranslations,
  checkSignOff,
  checkLanguage,
  draftFreshness,
  checkClinicDetails,
  checkTemplateOverrides,
  checkInstallSource,
  checkRefusedAddresses,
];
/** Run by `check` only when not already among the build checks (it is there under release: true). */
const draftChecks: Check[] = [(context) => (context.content.clinic.release ? [] : checkPlaceholders(context))];

export interface CheckReport {
  problems: Problem[];
  readingLevels: ReadingLevel[];
}

/**
 * `pamphlet check`: the schema, and every other check too, even when some front matter failed (on
 * stand-ins for those guides: one mistyped field must not hide a broken link in the same run).
 */
export async function runChecks(contentDir: string, today = new Date()): Promise<CheckReport> {
  const loaded = await loadContent(contentDir);
  const content = loaded.content ?? loaded.checkable;
  if (!content) return { problems: loaded.problems, readingLevels: [] };
  const context: CheckContext = { content, contentDir, today };
  const reading = checkReadingLevel(context);
  const found = [
    ...loaded.problems,
    ...withoutStandIns([...[...buildChecks, ...editorialChecks, ...draftChecks].flatMap((check) => check(context)), ...reading.problems]),
  ];
  return { problems: sortProblems(found), readingLevels: loaded.content ? reading.levels.sort((a, b) => a.file.localeCompare(b.file)) : [] };
}

/** What a check said of a stand-in's empty field (line 0) is not about anything the writer wrote. */
const withoutStandIns = (problems: Problem[]) => problems.filter((problem) => problem.line !== 0);

/** What `check` adds to a build's own checks, reading level aside (claims, sections, freshness…). */
export const editorialFindings = (content: Content, contentDir: string, today = new Date()): Problem[] =>
  editorialChecks.flatMap((check) => check({ content, contentDir, today }));

/**
 * The editorial findings, as one line that says to run `check`, or undefined: `build` and `dev` do
 * not stop on them, but a writer who never runs `check` should still hear of a "guaranteed" before
 * publishing it.
 */
export function checkReminder(found: Problem[], checkCommand = "npm run check"): string | undefined {
  const errors = found.filter((problem) => problem.severity === "error").length;
  const warnings = found.length - errors;
  if (found.length === 0) return undefined;
  const rules = [...new Set(found.map((problem) => problem.rule))].join(", ");
  const counts = `${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return `${checkCommand} finds ${counts} (${rules}) that this build does not stop on: run it before publishing.`;
}

/** What build, brochures and dev load: the schema-checked content, refused when a build check finds an error. */
export async function loadForBuild(contentDir: string): Promise<{ content?: Content; problems: Problem[] }> {
  const loaded = await loadContent(contentDir);
  const content = loaded.content ?? loaded.checkable;
  if (!content) return loaded;
  const context: CheckContext = { content, contentDir, today: new Date() };
  const problems = sortProblems([...loaded.problems, ...withoutStandIns(buildChecks.flatMap((check) => check(context)))]);
  return loaded.content && !hasErrors(problems) ? { content: loaded.content, problems } : { problems };
}
