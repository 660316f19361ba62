import { isBundledCharacter } from "./bundledCharacters.ts";
import type { Problem } from "../shared/problem.ts";

/** Invisible characters that change how text reads (bidi overrides) or are not text at all (NUL, other C0/C1 controls). */
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Words to use instead of a few characters writers reach for. */
const insteadOf: Record<string, string> = {
  "≥": `"at least" or "or more"`,
  "≤": `"at most" or "or less"`,
  "→": `"to" or "then"`,
  "←": `"from"`,
  µ: `"micro" (e.g. "mcg")`,
  "✓": `a list, or "yes"`,
  "✔": `a list, or "yes"`,
  "✗": `"no"`,
};

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The characters of `text` that cannot be printed as written, each once, with its index: controls, and
 * characters the bundled typeface lacks (any other font draws them, or a box: the PDF would then
 * depend on the machine that printed it).
 */
function unprintable(text: string): Array<{ character: string; index: number; control: boolean }> {
  const seen = new Set<string>();
  const found: Array<{ character: string; index: number; control: boolean }> = [];
  let index = 0;
  for (const character of text) {
    const at = index;
    index += character.length;
    if (seen.has(character) || character === "\t" || character === "\n" || character === "\r") continue;
    const control = controls.test(character);
    if (!control && isBundledCharacter(character.codePointAt(0)!)) continue;
    seen.add(character);
    found.push({ character, index: at, control });
  }
  return found;
}

function characterMessage(character: string, control: boolean): string {
  const instead = insteadOf[character] ? `write ${insteadOf[character]} instead` : "write it in words, or leave it out";
  return control
    ? `holds an invisible control character (${codePoint(character)}): ` +
        "it is no text, and may make the text read otherwise than it shows. Delete it (retype the words around it)"
    : `"${character}" (${codePoint(character)}) is not in the bundled typeface, so brochures would print it in another font or as a box: ${instead}`;
}

/**
 * Characters in Markdown text (starting at `firstLine`) that cannot be printed as written: control
 * characters (a NUL, a right-to-left override that makes a title read otherwise than it shows), and
 * characters the bundled typeface lacks (≥ → µ ✓, emoji, CJK). Each is named once, where it first appears.
 */
export function unprintableCharacters(file: string, text: string, firstLine = 1): Problem[] {
  const lines = text.split("\n");
  const seen = new Set<string>();
  return lines.flatMap((line, index) =>
    unprintable(line)
      .filter(({ character }) => !seen.has(character) && seen.add(character))
      .map(({ character, index: column, control }) => ({
        file,
        line: index + firstLine,
        column: column + 1,
        severity: "error" as const,
        rule: "characters",
        message: characterMessage(character, control),
      })),
  );
}

/**
 * The same for YAML's values (front matter, clinic.yaml), as YAML reads them: `"\u202E"` or `"\0"`
 * written as escapes are the characters themselves. Named at the value's line.
 */
export function unprintableValues(file: string, data: unknown, locate: (path: PropertyKey[]) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown, at: PropertyKey[]): void => {
    if (typeof value === "string") {
      for (const { character, control } of unprintable(value)) {
        if (seen.has(character)) continue;
        seen.add(character);
        problems.push({ file, ...locate(at), severity: "error", rule: "characters", message: characterMessage(character, control) });
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...at, index]));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
  };
  walk(data, []);
  return problems;
}

/** Longest run of characters without a space that a page can be trusted to hold (the longest English or Spanish words are under 40). */
const longestWord = 200;

/**
 * Words too long for any line: no page can hold them, so a brochure would overflow or, at some
 * hundreds of kilobytes, never finish laying out (reported as waiting for fonts and images).
 * Addresses are left out: pages break them where they can (src/site/filters/urlBreaks.ts).
 */
export function overlongWords(file: string, text: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  text.split("\n").forEach((line, index) => {
    const words = line.replace(/\]\([^)\s]*\)|<[^>\s]*>|\b(https?:\/\/|www\.|mailto:)\S*/g, (match) => " ".repeat(match.length));
    const long = new RegExp(`\\S{${longestWord + 1},}`, "u").exec(words);
    if (long) {
      problems.push({
        file,
        line: index + firstLine,
        column: long.index + 1,
        severity: "error",
        rule: "characters",
        message:
          `has a word of ${long[0].length.toLocaleString("en")} characters with no space ("${long[0].slice(0, 20)}…"): ` +
          "no page can hold it. Break it up with spaces",
      });
    }
  });
  return problems;
}
