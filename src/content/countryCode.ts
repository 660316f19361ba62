/**
 * clinic.yaml's `country`, written for patients ("United States", "España", "UK"), as its ISO 3166
 * two-letter code, read with the names Node's own Intl data gives in a few languages (the name a
 * clinic writes is usually in its own).
 */
import { foldText } from "./foldText.ts";

const plain = (text: string) =>
  foldText(text)
    .replace(/[^a-z ]/g, "")
    .replace(/\s+/g, " ")
    .trim();

const aliases = new Map([
  ["usa", "US"],
  ["united states of america", "US"],
  ["estados unidos de america", "US"],
  ["uk", "GB"],
  ["great britain", "GB"],
  ["england", "GB"],
  ["scotland", "GB"],
  ["wales", "GB"],
  ["northern ireland", "GB"],
]);
const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// Old codes (DD, UK, YU) stand for today's countries: only codes that are their own canonical form count.
const isCurrent = (code: string) => Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
// Keyed by the text as written: every page's address asks again, and folding it each time is work.
const found = new Map<string, string | undefined>();

export function countryCode(country: string): string | undefined {
  if (!found.has(country)) {
    const name = plain(country);
    found.set(country, aliases.get(name) ?? byName(name) ?? asCode(country));
  }
  return found.get(country);
}

/** Looked up language by language, stopping at the first match: reading every name costs a tenth of a second. */
function byName(name: string): string | undefined {
  for (const lang of ["en", "es", "fr", "de", "it", "pt"]) {
    const names = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
    for (const first of letters) {
      for (const second of letters) {
        const code = `${first}${second}`;
        const regionName = names.of(code);
        if (regionName && plain(regionName) === name && isCurrent(code)) return code;
      }
    }
  }
  return undefined;
}

function asCode(country: string): string | undefined {
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isCurrent(code) && new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code) ? code : undefined;
}
