import { phonePattern } from "./phoneNumbers.ts";

/**
 * The sample phone number `pamphlet init` writes for each country, in the country's own shape. Each
 * is fictional (a 555 or Ofcom drama number, or the like), and each is a placeholder `check` finds
 * (src/check/placeholders.ts): outside North America, a 555 pattern does not find them.
 */
export const samplePhones = {
  US: "(555) 010-0147",
  CA: "(613) 555-0147",
  GB: "0161 496 0147",
  IE: "01 555 0147",
  AU: "(03) 5550 0147",
  NZ: "09 555 0147",
  ES: "960 555 147",
} as const;

const samplePatterns = Object.values(samplePhones).map(phonePattern);

/** A phone number in `text` that is one of the samples (however it is written: see phonePattern), with where it starts. */
export function findSamplePhone(text: string): { text: string; index: number } | undefined {
  for (const pattern of samplePatterns) {
    const match = new RegExp(pattern).exec(text);
    if (match) return { text: match[0], index: match.index };
  }
  return undefined;
}
