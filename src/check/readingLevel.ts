import { frontMatterTexts } from "../content/frontMatterLines.ts";
import { splitSections } from "../content/sections.ts";
import { readability, type Readability } from "./readability.ts";
import { bodyProblem, documentsOf, fieldProblem, type CheckContext, type DocumentSource, type Problem } from "./types.ts";

/** Targets when clinic.yaml sets none: grade 8 in English (AMA/NIH advice), INFLESZ 65 in Spanish. */
const defaultReadingTargets: Record<string, number> = { en: 8, es: 65 };

/** Fewer words than this and a score says little: shown, never warned about. */
const minimumWords = 30;
/** Front-matter texts shorter than this are labels ("About 30 minutes"), not prose. */
const minimumFieldWords = 8;

export interface ScoredPart {
  /** A section's heading, or a front-matter field as the writer names it. */
  name: string;
  line: number;
  score: number;
  ok: boolean;
  /** The hardest sentence, with its file line. */
  worst?: { text: string; line: number; score: number };
}

export interface ReadingLevel {
  file: string;
  slug: string;
  lang: string;
  formula: Readability["formula"];
  score: number;
  target: number;
  ok: boolean;
  /** Each `##` section of the body, in order. */
  sections: ScoredPart[];
  /** Each front-matter text long enough to be prose (summary, candidates, FAQ answers…). */
  fields: ScoredPart[];
}

/** The prose a patient reads on the page: the body and the FAQ answers. */
const readableText = (document: DocumentSource & { faq?: Array<{ answer: string }> }) =>
  [document.body, ...(document.faq ?? []).map((entry) => entry.answer)].join("\n\n");

// FAQ questions are headings in the patient's own words ("Do I need an ultrasound?"), not prose.
const isQuestion = (field: string) => field.endsWith("› question");
const notProse = ["lastReviewed", "reviewer", "kind", "sources", "category", "title"];

/**
 * Reading level per guide, per section and per front-matter text: a warning, naming the hardest
 * sentence and its line, for each part that misses the target.
 */
export function checkReadingLevel({ content }: CheckContext): { problems: Problem[]; levels: ReadingLevel[] } {
  const problems: Problem[] = [];
  const levels: ReadingLevel[] = [];
  for (const document of documentsOf(content)) {
    const result = readability(readableText(document), document.lang);
    if (!result) continue;
    const target = content.clinic.readingTargets?.[document.lang] ?? defaultReadingTargets[document.lang]!;
    const meets = (score: number) => (result.higherIsEasier ? score >= target : score <= target);
    const goal = result.higherIsEasier ? `at least ${target}` : `${target} or lower`;
    const score = (text: string, lineOf: (line: number) => number, name: string, line: number, minimum: number): ScoredPart | undefined => {
      const part = readability(text, document.lang);
      if (!part) return undefined;
      const hardest = part.hardest[0];
      return {
        name,
        line,
        score: part.score,
        ok: part.words < minimum || meets(part.score),
        ...(hardest ? { worst: { text: hardest.text, line: lineOf(hardest.line), score: hardest.score } } : {}),
      };
    };
    const sections = splitSections(document.body, document.lang).flatMap((section) => {
      const scored = score(
        section.markdown,
        (line) => document.bodyLine + section.line - 2 + line,
        section.heading,
        document.bodyLine + section.line - 1,
        minimumWords,
      );
      return scored ? [scored] : [];
    });
    const fields = frontMatterTexts(document as unknown as Record<string, unknown>, notProse).flatMap(({ field, text }) => {
      // A label ("Larger varicose veins, side branches and some main leg veins") has no full stop: not prose.
      const scored =
        !isQuestion(field) && text.split(/\s+/).length >= minimumFieldWords && /[.!?…]["”’)]*$/u.test(text.trim())
          ? score(text, () => document.fieldLines[field] ?? 1, field, document.fieldLines[field] ?? 1, minimumFieldWords)
          : undefined;
      return scored ? [scored] : [];
    });
    const ok = meets(result.score);
    levels.push({ file: document.file, slug: document.slug, lang: document.lang, formula: result.formula, score: result.score, target, ok, sections, fields });
    const worst = (part: ScoredPart) => (part.worst ? ` Hardest sentence: line ${part.worst.line} (${part.worst.score}): "${part.worst.text}"` : "");
    for (const section of sections.filter((part) => !part.ok)) {
      problems.push({
        ...bodyProblem(document, section.line - document.bodyLine + 1, "warning", "reading-level", ""),
        message: `section "${section.name}": ${result.formula} ${section.score}, target ${goal}: use shorter sentences and common words.${worst(section)}`,
      });
    }
    for (const field of fields.filter((part) => !part.ok)) {
      problems.push({
        ...fieldProblem(document, field.name, "warning", "reading-level", ""),
        message:
          `${field.name}: ${result.formula} ${field.score}, target ${goal}: ` +
          "patients read it on its own (on covers, cards and in the questions), so keep it short and plain",
      });
    }
    if (ok) continue;
    const hardest = result.hardest.map((sentence) => `line ${document.bodyLine + sentence.line - 1} (${sentence.score}): "${sentence.text}"`).join("; ");
    // At the title, which names the whole guide; at the body's start when the title is missing (a stand-in's, line 0).
    const where = document.fieldLines.title
      ? fieldProblem(document, "title", "warning", "reading-level", "")
      : bodyProblem(document, 1, "warning", "reading-level", "");
    problems.push({
      ...where,
      message: `reading level ${result.formula} ${result.score}, target ${goal}: use shorter sentences and common words. Hardest sentences: ${hardest}`,
    });
  }
  return { problems, levels };
}
