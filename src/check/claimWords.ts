import { readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { sourcesDir } from "../shared/installPaths.ts";
import { wholeWords } from "./wholeWords.ts";

/** What kind of claim a phrase makes; each gets its own advice. */
export type ClaimKind = "absolute" | "promotional" | "permanence";
const kinds: ClaimKind[] = ["absolute", "promotional", "permanence"];

interface ClaimWords {
  negations: string[];
  phrases: Map<string, ClaimKind>;
  /**
   * Words or phrases that, earlier in the clause with no "because" between, make an absolute claim an
   * honest statement of how often ("usually harmless", "most people have no side effects").
   */
  hedges?: string[];
  /** Words that end a hedge's reach: what follows them is a reason, said as fact ("You may drive home because it is painless"). */
  reasons?: string[];
  /** Phrases that claim unless a noun follows them ("gone for good", "closed for good after one session"; not "for good blood flow"). */
  beforeANoun?: string[];
  /** Words that, after such a phrase, go on with the claim rather than name a noun. */
  notNouns?: string[];
  /** Words that, a few words before advice, advise against it ("Avoid bed rest", "Avoid long periods of bed rest"). */
  against?: string[];
  /** Words that, opening a clause before such a word, make it a purpose ("To avoid bruising, …"). */
  purpose?: string[];
  /** Words after a phrase, in its clause, that make advice safe ("only if your doctor tells you", "is not needed"). */
  unless?: string[];
}

const loaded = new Map<string, ClaimWords | undefined>();

/**
 * The word list of a language (`claimWords/<lang>.yaml`), with the clinic's own phrases added as
 * absolute claims; undefined for a language with no list.
 */
export function claimWords(lang: string, clinicPhrases: readonly string[] = []): ClaimWords | undefined {
  if (!loaded.has(lang)) loaded.set(lang, readList(lang));
  const list = loaded.get(lang);
  if (!list)
    return clinicPhrases.length > 0 ? { negations: [], phrases: new Map(clinicPhrases.map((phrase) => [phrase.toLowerCase(), "absolute"])) } : undefined;
  if (clinicPhrases.length === 0) return list;
  const phrases = new Map(list.phrases);
  for (const phrase of clinicPhrases) if (!phrases.has(phrase.toLowerCase())) phrases.set(phrase.toLowerCase(), "absolute");
  return { ...list, phrases };
}

const advice = new Map<string, ClaimWords | undefined>();

/** Advice that can harm a patient ("bed rest", "stop your blood thinner"), from the same file's `riskyAdvice`; negations work the same. */
export function adviceWords(lang: string): ClaimWords | undefined {
  if (!advice.has(lang)) {
    const data = readData(lang);
    advice.set(
      lang,
      data
        ? {
            // "Avoid bed rest" advises against it, as "do not" does.
            negations: lowerCase(data.negations ?? []),
            phrases: new Map((data.riskyAdvice ?? []).map((phrase) => [String(phrase).toLowerCase(), "absolute" as const])),
            against: lowerCase(data.adviceAgainst ?? []),
            purpose: lowerCase(data.advicePurpose ?? []),
            unless: lowerCase(data.adviceUnless ?? []),
          }
        : undefined,
    );
  }
  return advice.get(lang);
}

function readData(lang: string): Record<string, unknown[]> | undefined {
  try {
    return YAML.parse(readFileSync(path.join(sourcesDir, "check", "claimWords", `${lang}.yaml`), "utf8")) as Record<string, unknown[]>;
  } catch (error) {
    // A language with no word lists of its own; any other failure is Pamphlet's, and said.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function readList(lang: string): ClaimWords | undefined {
  const data = readData(lang);
  if (!data) return undefined;
  const phrases = new Map<string, ClaimKind>();
  for (const kind of kinds) for (const phrase of data[kind] ?? []) phrases.set(String(phrase).toLowerCase(), kind);
  return {
    negations: lowerCase(data.negations ?? []),
    phrases,
    hedges: lowerCase(data.hedges ?? []),
    reasons: lowerCase(data.reasons ?? []),
    beforeANoun: lowerCase(data.beforeANoun ?? []),
    notNouns: lowerCase(data.notNouns ?? []),
  };
}

const lowerCase = (words: unknown[]) => words.map((word) => String(word).toLowerCase());

export interface FoundClaim {
  found: string;
  kind: ClaimKind;
  /** 0-based position in the text. */
  index: number;
}

const clauseBreak = /[,;:—–()]|\s-\s|(?<![\p{L}])(?:and|but|although|however|y|e|pero|aunque|sino)(?![\p{L}])/giu;
const sentenceEnd = /[.!?¿¡]/u;
/** How far back, in words, a negation still governs a claim ("we cannot promise that it is painless"). */
const negationReach = 8;

/**
 * The claims in a text, each unless it is negated earlier in its own clause ("No treatment is
 * risk-free") or sits in a question ("Is it painless?"). A negation inside the phrase itself ("no
 * risk") does not count: it is part of the claim.
 */
export function findClaims(written: string, words: ClaimWords): FoundClaim[] {
  const { text, at } = asRead(written);
  const pattern = patternOf(words);
  const found: FoundClaim[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = lastIndexOf(text.slice(0, match.index), sentenceEnd) + 1;
    const after = text.slice(match.index + match[0].length);
    const end = after.search(sentenceEnd);
    if (end >= 0 && after[end] === "?") continue;
    if (text.slice(start, match.index).includes("¿")) continue;
    const sentence = text.slice(start, match.index);
    let clause = sentence.slice(lastIndexOf(sentence, clauseBreak) + 1);
    // A clause joined by "or" goes on with the one before ("You may have some pain, or no pain at all").
    if (/^\s*(or|o|u)\s/i.test(clause)) {
      const earlier = sentence.slice(0, sentence.length - clause.length - 1);
      clause = `${earlier.slice(lastIndexOf(earlier, clauseBreak) + 1)} ${clause}`;
    }
    const before = (
      clause
        .toLowerCase()
        .replace(/’/g, "'")
        .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
    ).slice(-negationReach);
    if (before.some((word) => words.negations.includes(word) || (word.endsWith("n't") && words.negations.length > 0))) continue;
    const phrase = match[0].toLowerCase();
    const kind = words.phrases.get(phrase) ?? "absolute";
    if (kind === "absolute" && hedged(clause, words)) continue;
    const restOfClause = after.slice(0, Math.max(0, firstIndexOf(after, clauseBreak)));
    const next = /^\s*([\p{L}]+)/u.exec(restOfClause)?.[1]?.toLowerCase();
    if (words.beforeANoun?.includes(phrase) && next !== undefined && !words.notNouns?.includes(next)) continue;
    if (words.against?.length && advisedAgainst(clause, words)) continue;
    if (words.unless?.length && wholeWords(words.unless, "iu").test(restOfClause)) continue;
    found.push({ found: match[0], kind, index: at[match.index] ?? match.index });
  }
  return found;
}

/**
 * Whether a word among the last few of `clause` (the words before advice) advises against it ("Avoid
 * long periods of bed rest", "Try to avoid…"): not one that opens the clause as a purpose ("To avoid
 * bruising, stay in bed", "Para evitar hematomas…"), which gives the advice.
 */
function advisedAgainst(clause: string, words: ClaimWords): boolean {
  const all = clause.toLowerCase().match(/\p{L}+/gu) ?? [];
  const reach = 4;
  for (let index = Math.max(0, all.length - reach); index < all.length; index++) {
    if (!words.against?.includes(all[index]!)) continue;
    const purpose = index === 1 && words.purpose?.includes(all[0]!);
    if (!purpose) return true;
  }
  return false;
}

/** Whether a hedge in `clause` (the words before a claim) governs it: no reason word ("because") after the hedge. */
function hedged(clause: string, words: ClaimWords): boolean {
  if (!words.hedges?.length) return false;
  const hedge = [...clause.matchAll(wholeWords(words.hedges))].at(-1);
  if (!hedge) return false;
  const between = clause.slice(hedge.index + hedge[0].length);
  return !(words.reasons?.length && wholeWords(words.reasons, "iu").test(between));
}

/**
 * A text as a reader reads it: Markdown's emphasis marks left out ("completely *safe*" is "completely
 * safe") and a typed apostrophe as the plain one the word lists use ("doesn’t hurt"). `at` maps each
 * position back to the text as written, for the column reported.
 */
function asRead(written: string): { text: string; at: number[] } {
  let text = "";
  const at: number[] = [];
  const isWord = (index: number) => /[\p{L}\p{N}]/u.test(written[index] ?? "");
  for (let index = 0; index < written.length; index++) {
    const character = written[index]!;
    if (character === "*") continue;
    if (character === "_") {
      // A run of underscores (`_`, `__`) at a word's edge is emphasis; inside a word (a file name) it is not.
      let end = index;
      while (written[end] === "_") end++;
      if (isWord(index - 1) !== isWord(end)) {
        index = end - 1;
        continue;
      }
    }
    text += character === "’" ? "'" : character;
    at.push(index);
  }
  return { text, at };
}

/** Each word list's pattern, longest phrase first, made once: check calls findClaims for every line. */
const patterns = new WeakMap<ClaimWords, RegExp>();
function patternOf(words: ClaimWords): RegExp {
  if (!patterns.has(words)) patterns.set(words, wholeWords([...words.phrases.keys()].sort((a, b) => b.length - a.length)));
  return patterns.get(words)!;
}

/** Where the clause or sentence that `text` starts in ends: its first clause break or sentence end, else its length. */
function firstIndexOf(text: string, pattern: RegExp): number {
  const breakAt = text.search(new RegExp(pattern.source, pattern.flags.replace("g", "")));
  const endAt = text.search(sentenceEnd);
  const ends = [breakAt, endAt].filter((index) => index >= 0);
  return ends.length > 0 ? Math.min(...ends) : text.length;
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`)))
    last = match.index + match[0].length - 1;
  return last;
}
