import { syllable } from "syllable";
import { proseSentences, wordsOf, type Sentence } from "./proseText.ts";
import { spanishSyllables } from "./syllablesEs.ts";

/**
 * Reading ease per language:
 * - English: Flesch–Kincaid grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59 (lower is easier).
 * - Spanish: Szigriszt-Pazos (INFLESZ) = 206.835 − 62.3 × syllables/word − words/sentence (higher is easier;
 *   55–65 "normal", 65–80 "bastante fácil").
 */
export interface Readability {
  formula: "Flesch–Kincaid grade" | "Szigriszt-Pazos (INFLESZ)";
  score: number;
  /** Whether a higher score is easier. */
  higherIsEasier: boolean;
  sentences: number;
  words: number;
  /** The hardest sentences, hardest first, each with its own score. */
  readonly hardest: ReadonlyArray<Readonly<Sentence & { score: number }>>;
}

interface Counts {
  sentences: number;
  words: number;
  syllables: number;
}

/**
 * `compute` worked out once per key: a guide repeats its words, and check reads every guide again
 * on each save in the dev server, where a save changes one guide. At `limit` keys (a long dev
 * session), the old ones go.
 */
function remembered<T>(compute: (key: string) => T, limit = Number.POSITIVE_INFINITY): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    if (known.size >= limit) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

const formulas = {
  en: {
    formula: "Flesch–Kincaid grade" as const,
    higherIsEasier: false,
    syllables: remembered((word: string) => Math.max(1, syllable(word))),
    score: ({ sentences, words, syllables }: Counts) => 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59,
  },
  es: {
    formula: "Szigriszt-Pazos (INFLESZ)" as const,
    higherIsEasier: true,
    syllables: remembered(spanishSyllables),
    score: ({ sentences, words, syllables }: Counts) => 206.835 - 62.3 * (syllables / words) - words / sentences,
  },
};

/** Each text's scores, by language, worked out once (readonly: the same result goes to every caller). */
const scorers = new Map(
  Object.entries(formulas).map(([lang, formula]) => [lang, remembered((text): Readonly<Readability> | undefined => score(text, formula), 2000)]),
);

export function readability(text: string, lang: string): Readonly<Readability> | undefined {
  return scorers.get(lang)?.(text);
}

function score(text: string, formula: (typeof formulas)[keyof typeof formulas]): Readability | undefined {
  const sentences = proseSentences(text);
  const counted = sentences.map((sentence) => {
    const words = wordsOf(sentence.text);
    return { sentence, counts: { sentences: 1, words: words.length, syllables: words.reduce((sum, word) => sum + formula.syllables(word), 0) } };
  });
  const total = counted.reduce(
    (sum, { counts }) => ({ sentences: sum.sentences + 1, words: sum.words + counts.words, syllables: sum.syllables + counts.syllables }),
    { sentences: 0, words: 0, syllables: 0 },
  );
  if (total.words === 0) return undefined;
  // List fragments ("Wear loose clothes") add their words to the word-length term only: counted as
  // sentences, ten three-word items would make a page of long sentences look easy.
  const whole = counted.filter(({ sentence }) => !sentence.fragment);
  const sentenceWords = whole.reduce((sum, { counts }) => sum + counts.words, 0);
  const scored =
    whole.length > 0 ? { sentences: whole.length, words: total.words, syllables: total.syllables, perSentence: sentenceWords / whole.length } : undefined;
  const hardness = (score: number) => (formula.higherIsEasier ? -score : score);
  const hardest = counted
    .filter(({ counts }) => counts.words > 0)
    .map(({ sentence, counts }) => ({ ...sentence, score: round(formula.score(counts)) }))
    .sort((a, b) => hardness(b.score) - hardness(a.score))
    .slice(0, 3);
  const score = scored ? formula.score({ sentences: total.words / scored.perSentence, words: total.words, syllables: total.syllables }) : formula.score(total);
  return { formula: formula.formula, score: round(score), higherIsEasier: formula.higherIsEasier, sentences: whole.length, words: total.words, hardest };
}

const round = (value: number) => Math.round(value * 10) / 10;
