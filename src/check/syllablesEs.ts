/**
 * Syllables in a Spanish word, by the regular rules of Spanish: one per vowel group, plus one for
 * each hiatus (two strong vowels side by side; an accented í or ú is strong). The u of qu/gu before
 * e or i is silent, a silent h does not split vowels, and y is a vowel only at the end of a word.
 */
export function spanishSyllables(word: string): number {
  const text = word
    .toLowerCase()
    .replace(/(?<=[qg])u(?=[eéií])/g, "")
    .replace(/h/g, "")
    .replace(/y$/, "i");
  const strong = "aeoáéóíú";
  const vowels = `${strong}iuü`;
  let syllables = 0;
  let previous = "";
  for (const letter of text) {
    if (vowels.includes(letter)) {
      if (!vowels.includes(previous) || (strong.includes(previous) && strong.includes(letter))) syllables++;
    }
    previous = letter;
  }
  return Math.max(1, syllables);
}
