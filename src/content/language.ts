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

/** The languages by name, as Pamphlet's messages (in English) say them. */
export const languageNames: Record<string, string> = { en: "English", es: "Spanish" };

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
 * The language a source is written in when it is clearly the other one, for its `lang` (a Spanish
 * guide citing an English paper: a screen reader then reads it with an English voice). A title has few
 * short words, so one of the other language's and none of its own will do; else undefined.
 */
export function sourceLanguage(written: string, lang: string): string | undefined {
  // Not words of either language: "et al." and authors' initials ("Lee Y, Kim O": Y and O read as Spanish).
  const source = written.replace(/(?<!\p{L})et al\.?/giu, " ").replace(/(?<!\p{L})\p{Lu}{1,3}(?!\p{L})/gu, " ");
  const clear = readsAs(source, lang);
  if (clear) return clear;
  const words = source.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (!markers[lang] || words.some((word) => markers[lang]!.has(word))) return undefined;
  return Object.keys(markers).find((other) => other !== lang && words.some((word) => markers[other]!.has(word)));
}
