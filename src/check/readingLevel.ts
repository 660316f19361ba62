import { readability, type Readability } from "./readability.ts";
import { bodyProblem, documentsOf, fieldProblem, type CheckContext, type DocumentSource, type Problem } from "./types.ts";

/** Targets when clinic.yaml sets none: grade 8 in English (AMA/NIH advice), INFLESZ 65 in Spanish. */
export const defaultReadingTargets: Record<string, number> = { en: 8, es: 65 };

export interface ReadingLevel {
  file: string;
  slug: string;
  lang: string;
  formula: Readability["formula"];
  score: number;
  target: number;
  ok: boolean;
}

/** The prose a patient reads on the page: the body and the FAQ answers. */
const readableText = (document: DocumentSource & { faq?: Array<{ answer: string }> }) =>
  [document.body, ...(document.faq ?? []).map((entry) => entry.answer)].join("\n\n");

/** Reading level per procedure; a warning, with the three hardest sentences, when one misses its target. */
export function checkReadingLevel({ content }: CheckContext): { problems: Problem[]; levels: ReadingLevel[] } {
  const problems: Problem[] = [];
  const levels: ReadingLevel[] = [];
  for (const procedure of documentsOf(content)) {
    const result = readability(readableText(procedure), procedure.lang);
    if (!result) continue;
    const target = content.clinic.readingTargets?.[procedure.lang] ?? defaultReadingTargets[procedure.lang]!;
    const ok = result.higherIsEasier ? result.score >= target : result.score <= target;
    levels.push({ file: procedure.file, slug: procedure.slug, lang: procedure.lang, formula: result.formula, score: result.score, target, ok });
    if (ok) continue;
    const hardest = result.hardest.map((sentence) => `line ${procedure.bodyLine + sentence.line - 1} (${sentence.score}): "${sentence.text}"`).join("; ");
    const goal = result.higherIsEasier ? `at least ${target}` : `${target} or lower`;
    // At the title, which names the whole guide; at the body's start when the title is missing (a stand-in's, line 0).
    const where = procedure.fieldLines.title ? fieldProblem(procedure, "title", "warning", "reading-level", "") : bodyProblem(procedure, 1, "warning", "reading-level", "");
    problems.push({
      ...where,
      message: `reading level ${result.formula} ${result.score}, target ${goal}: use shorter sentences and common words. Hardest sentences: ${hardest}`,
    });
  }
  return { problems, levels };
}
