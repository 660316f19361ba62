import { sectionHeadings, splitSections, type Section, type SectionKey } from "../content/sections.ts";
import { closestWord } from "../shared/closestWord.ts";
import { procedureKinds } from "../content/schema.ts";
import { adviceWords, findClaims } from "./claimWords.ts";
import { proseLines } from "../content/codeFences.ts";
import { safetyContent } from "./safetyContent.ts";
import { bodyProblem, fieldProblem, type Check, type Problem, type ProcedureSource } from "./types.ts";

/**
 * Patient safety, by kind of procedure: the warnings and reasons not to treat its guide must state
 * (safetyContent.ts), and advice that can harm ("bed rest", "stop your blood thinner").
 */
export const checkRequiredSafety: Check = ({ content }) =>
  content.procedures.flatMap((procedure) => [...(content.clinic.release ? [] : withoutKind(procedure, false)), ...riskyAdvice(procedure)]);

/**
 * For `build` and `dev` too: a guide that leaves out a warning its kind must state is not published.
 * Its brochures take their sections by heading: a renamed "When to call us" printed a take-home sheet
 * with no warning signs at all. Once released, a guide with no `kind` (nothing to check it by) too.
 * (Before release, a guide with no kind, and advice that can harm, are check's.)
 */
export const checkSafetyStatements: Check = ({ content }) =>
  content.procedures.flatMap((procedure) => [...(content.clinic.release ? withoutKind(procedure, true) : []), ...missingSafety(procedure)]);

/** A guide with no kind: nothing says which warnings it must state. An error once released. */
function withoutKind(procedure: ProcedureSource, released: boolean): Problem[] {
  if (procedure.kind) return [];
  return [
    fieldProblem(
      procedure,
      "title",
      released ? "error" : "warning",
      "safety",
      `no "kind": add kind: one of ${procedureKinds.join(", ")}, so check can tell which warnings and reasons not to treat this guide must state` +
        (released ? " (clinic.yaml says release: true)" : ""),
    ),
  ];
}

/** The warnings and reasons not to treat that a guide's kind requires and it does not state. */
function missingSafety(procedure: ProcedureSource): Problem[] {
  if (!procedure.kind) return [];
  const sections = splitSections(procedure.body, procedure.lang);
  const headings = sectionHeadings[procedure.lang] ?? sectionHeadings.en!;
  // Only the section itself, with its ### sub-sections: the aftercare sheet and the tri-fold print a section
  // by its heading, so signs moved under a "## Emergency signs" of their own were on neither.
  const textOf = (keys: SectionKey[]) =>
    sections
      .filter((section) => section.key && keys.includes(section.key))
      .map((section) => section.markdown.replace(/[*_`]/g, ""))
      .join("\n")
      .toLowerCase();
  return safetyContent[procedure.kind].flatMap((item) => {
    const patterns = item.patterns[procedure.lang] ?? item.patterns.en!;
    if (patterns.every((pattern) => pattern.test(textOf(item.sections)))) return [];
    const where = item.sections.map((key) => `"## ${headings[key]}"`).join(" or ");
    const at = sections.find((section) => section.key === item.sections[0]);
    // A misspelt heading ("## When to cal us") is why the section is missing: said where it is (found by the editor QA).
    const misspelt = at
      ? undefined
      : nearMiss(
          sections,
          item.sections.map((key) => headings[key]),
        );
    const message =
      `this guide (kind: ${procedure.kind}) must state ${item.what}: add it to ${where}` +
      (misspelt ? ` (if it is under "## ${misspelt.heading}", write the heading as "## ${misspelt.meant}")` : "");
    const line = at?.line ?? misspelt?.line;
    return [line ? bodyProblem(procedure, line, "error", "safety", message) : fieldProblem(procedure, "kind", "error", "safety", message)];
  });
}

/** A section whose heading is a near miss of one of `wanted` ("When to cal us"), with the heading it likely means. */
function nearMiss(sections: Section[], wanted: string[]): { heading: string; meant: string; line: number } | undefined {
  for (const section of sections.filter((candidate) => !candidate.key)) {
    const meant = closestWord(section.heading, wanted);
    if (meant) return { heading: section.heading, meant, line: section.line };
  }
  return undefined;
}

function riskyAdvice(procedure: ProcedureSource): Problem[] {
  const words = adviceWords(procedure.lang);
  if (!words) return [];
  return proseLines(procedure.body).flatMap((line, index) =>
    findClaims(line, words).map((found) =>
      bodyProblem(
        procedure,
        index + 1,
        "error",
        "safety",
        `"${found.found}" is advice that can harm: lying still raises the risk of a blood clot, and stopping a blood thinner can cause one. ` +
          'Say what to do instead (e.g. "walk every day", "keep taking your medicines unless your doctor says otherwise")',
        found.index + 1,
      ),
    ),
  );
}
