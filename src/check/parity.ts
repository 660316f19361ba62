import { frontMatterTexts } from "../content/frontMatterLines.ts";
import { parseMarkdown } from "../content/markdown.ts";
import { splitSections } from "../content/sections.ts";
import { bodyProblem, fieldProblem, type Check, type Problem, type ProcedureSource } from "./types.ts";

/** Front-matter fields that are not text a translator writes. */
const notTranslated = ["lastReviewed", "reviewer", "kind", "sources", "category"];

/** The numbers a text states (1,4 and 1.4 are the same number); times of day and dates are written differently per language and left out. */
export const numbersIn = (text: string) => (text.replace(/\b\d{1,2}:\d{2}\b/g, "").match(/\d+(?:[.,]\d+)?/g) ?? []).map((number) => number.replace(",", "."));

/** What a translation has and its original lacks, or the reverse, as "3, 5" and "4". */
function difference(original: string[], translation: string[]): { missing: string[]; extra: string[] } {
  const left = [...translation];
  const missing = original.filter((number) => {
    const at = left.indexOf(number);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
  return { missing, extra: left };
}

/** A section's list items as the page shows them (read as markdown-it reads them: a pasted "•" bullet is one, a line in a code block is none). */
const listItems = (markdown: string) => parseMarkdown(markdown).filter((token) => token.type === "list_item_open").length;

/** Either file may be the one that changed: a section cut from the original must not be cut from its translation too. */
const whichIsRight = "check which one is right (either may have changed)";

/**
 * A translation says what its original says: the same numbers (doses, frequencies, days), the same
 * sections with as many list items (warning signs, emergency blocks), the same FAQ entries.
 */
export const checkParity: Check = ({ content }) => {
  const originals = new Map(
    content.procedures.filter((procedure) => procedure.lang === content.clinic.defaultLanguage).map((procedure) => [procedure.slug, procedure]),
  );
  return content.procedures.flatMap((translation) => {
    const original = originals.get(translation.slug);
    return original && translation.lang !== original.lang ? parityProblems(original, translation) : [];
  });
};

function parityProblems(original: ProcedureSource, translation: ProcedureSource): Problem[] {
  const problems: Problem[] = [];
  const originalName = original.file;
  const say = (numbers: { missing: string[]; extra: string[] }) =>
    [
      numbers.missing.length ? `lacks ${numbers.missing.join(", ")}` : "",
      numbers.extra.length ? `has ${numbers.extra.join(", ")} that ${originalName} does not` : "",
    ]
      .filter(Boolean)
      .join(" and ");
  const originalTexts = new Map(frontMatterTexts(original as unknown as Record<string, unknown>, notTranslated).map(({ field, text }) => [field, text]));
  for (const { field, text } of frontMatterTexts(translation as unknown as Record<string, unknown>, notTranslated)) {
    const numbers = difference(numbersIn(originalTexts.get(field) ?? ""), numbersIn(text));
    if (numbers.missing.length || numbers.extra.length)
      problems.push(
        fieldProblem(
          translation,
          field,
          "error",
          "parity",
          `${field}: ${say(numbers)} (numbers in ${originalName}'s ${field}): the two must say the same: ${whichIsRight}`,
        ),
      );
  }
  if ((original.faq?.length ?? 0) !== (translation.faq?.length ?? 0)) {
    problems.push(
      fieldProblem(
        translation,
        "faq",
        "error",
        "parity",
        `faq has ${translation.faq?.length ?? 0} questions, ${originalName} has ${original.faq?.length ?? 0}: ` +
          `the two must ask the same questions: ${whichIsRight}`,
      ),
    );
  }
  const originalSections = splitSections(original.body, original.lang);
  const sections = splitSections(translation.body, translation.lang);
  if (originalSections.length !== sections.length) {
    const originalHeadings = originalSections.map((section) => section.heading).join(", ");
    return [
      ...problems,
      bodyProblem(
        translation,
        1,
        "error",
        "parity",
        `has ${sections.length} ## sections, ${originalName} has ${originalSections.length} (${originalHeadings}): ` +
          `the two must have the same sections: ${whichIsRight}`,
      ),
    ];
  }
  sections.forEach((section, index) => {
    const source = originalSections[index]!;
    const numbers = difference(numbersIn(source.markdown), numbersIn(section.markdown));
    if (numbers.missing.length || numbers.extra.length) {
      problems.push(
        bodyProblem(
          translation,
          section.line,
          "error",
          "parity",
          `section "${section.heading}" ${say(numbers)} (numbers in "${source.heading}" of ${originalName}): the two must say the same: ${whichIsRight}`,
        ),
      );
    }
    const [items, sourceItems] = [listItems(section.markdown), listItems(source.markdown)];
    if (items !== sourceItems) {
      problems.push(
        bodyProblem(
          translation,
          section.line,
          "error",
          "parity",
          `section "${section.heading}" has ${items} list items, "${source.heading}" of ${originalName} has ${sourceItems}: ` +
            "a warning sign or step may be missing",
        ),
      );
    }
  });
  return problems;
}
