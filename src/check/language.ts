import { frontMatterTexts } from "../content/frontMatterLines.ts";
import { proseLines } from "../content/codeFences.ts";
import { bodyProblem, documentsOf, fieldProblem, type Check, type Problem } from "./types.ts";

/**
 * The words that mark a sentence as English or Spanish: the short ones every sentence has, and
 * neither language shares ("no", "a" and "me" are both, so neither list has them).
 */
const markers: Record<string, ReadonlySet<string>> = {
  en: new Set([
    ...["the", "and", "you", "your", "of", "to", "is", "are", "with", "for", "it", "this", "that", "if", "or", "on", "in", "be", "will"],
    ...["can", "after", "before", "do", "not", "we", "us", "our", "have", "has", "from", "at", "by", "as", "an", "when", "they", "their"],
    ...["them", "what", "who", "how"],
  ]),
  es: new Set([
    ...["el", "la", "los", "las", "de", "del", "y", "o", "que", "en", "un", "una", "su", "sus", "para", "por", "con", "se", "es", "son"],
    ...["si", "le", "lo", "al", "más", "muy", "usted", "puede", "después", "antes", "cuando", "nos", "nuestro", "nuestra", "tiene", "hay"],
  ]),
};

const names: Record<string, string> = { en: "English", es: "Spanish" };

/** The other language `text` reads as, when it clearly does: six words or more, three of them the other's, twice its own. */
export function readsAs(text: string, lang: string): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 6 || !markers[lang]) return undefined;
  const own = words.filter((word) => markers[lang]!.has(word)).length;
  for (const [other, set] of Object.entries(markers)) {
    if (other === lang) continue;
    const theirs = words.filter((word) => set.has(word)).length;
    if (theirs >= 3 && theirs >= 2 * own + 2) return other;
  }
  return undefined;
}

/**
 * A sentence left in another language in a translation ("Después del tratamiento: Most people go
 * back to their usual day…", found by a clinician's QA): a patient who reads Spanish may not read
 * English, and a screen reader reads it with the page's voice. Body lines and front-matter texts;
 * the sources (titles of papers, in their own language) are left alone.
 */
export const checkLanguage: Check = ({ content }) =>
  documentsOf(content).flatMap((document) => {
    const said = (other: string, text: string) =>
      `reads as ${names[other]} in a ${names[document.lang] ?? document.lang} guide ("${text.trim().slice(0, 60)}…"): translate it. ` +
      "A patient who reads this guide's language may not read the other, and a screen reader reads it with this guide's voice";
    const problems: Problem[] = [];
    proseLines(document.body).forEach((line, index) => {
      const other = readsAs(line, document.lang);
      if (other) problems.push(bodyProblem(document, index + 1, "warning", "language", `this line ${said(other, line)}`));
    });
    const fields = frontMatterTexts(document as unknown as Record<string, unknown>, [
      "slug",
      "lang",
      "file",
      "body",
      "bodyLine",
      "fieldLines",
      "sources",
      "reviewer",
    ]);
    for (const { field, text } of fields) {
      const other = readsAs(text, document.lang);
      if (other) problems.push(fieldProblem(document, field, "warning", "language", `${field} ${said(other, text)}`));
    }
    return problems;
  });
