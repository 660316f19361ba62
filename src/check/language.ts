import { frontMatterTexts } from "../content/frontMatterLines.ts";
import { proseLines } from "../content/codeFences.ts";
import { languageNames, readsAs } from "../content/language.ts";
import { bodyProblem, documentsOf, fieldProblem, type Check, type Problem } from "./types.ts";

/**
 * A sentence left in another language in a translation ("Después del tratamiento: Most people go
 * back to their usual day…", found by a clinician's QA): a patient who reads Spanish may not read
 * English, and a screen reader reads it with the page's voice. Body lines and front-matter texts;
 * the sources (titles of papers, in their own language) are left alone.
 */
export const checkLanguage: Check = ({ content }) =>
  documentsOf(content).flatMap((document) => {
    const said = (other: string, text: string) =>
      `reads as ${languageNames[other]} in a ${languageNames[document.lang] ?? document.lang} guide ("${text.trim().slice(0, 60)}…"): translate it. ` +
      "A patient who reads this guide's language may not read the other, and a screen reader reads it with this guide's voice";
    const problems: Problem[] = [];
    proseLines(document.body).forEach((line, index) => {
      const other = readsAs(line, document.lang);
      if (other) problems.push(bodyProblem(document, index + 1, "warning", "language", `this line ${said(other, line)}`));
    });
    const fields = frontMatterTexts(document as unknown as Record<string, unknown>, ["sources", "reviewer"]);
    for (const { field, text } of fields) {
      const other = readsAs(text, document.lang);
      if (other) problems.push(fieldProblem(document, field, "warning", "language", `${field} ${said(other, text)}`));
    }
    return problems;
  });
