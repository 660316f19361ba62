/**
 * clinic.yaml's `country`, written for patients ("United States", "España", "UK"), as its ISO 3166
 * two-letter code, read with the names Node's own Intl data gives in a few languages (the name a
 * clinic writes is usually in its own).
 */
const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z ]/g, "").replace(/\s+/g, " ").trim();

let codes: Map<string, string> | undefined;

function countryNames(): Map<string, string> {
  if (codes) return codes;
  codes = new Map([["usa", "US"], ["united states of america", "US"], ["uk", "GB"], ["great britain", "GB"], ["england", "GB"], ["scotland", "GB"], ["wales", "GB"], ["northern ireland", "GB"], ["estados unidos de america", "US"]]);
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const lang of ["en", "es", "fr", "de", "it", "pt"]) {
    const names = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
    for (const first of letters) {
      for (const second of letters) {
        // Old codes (DD, UK, YU) stand for today's country: keep only codes that are their own canonical form.
        const code = `${first}${second}`;
        const name = names.of(code);
        if (name && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}` && !codes.has(plain(name))) codes.set(plain(name), code);
      }
    }
  }
  return codes;
}

export function countryCode(country: string): string | undefined {
  const named = countryNames().get(plain(country));
  if (named) return named;
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && [...countryNames().values()].includes(code) ? code : undefined;
}
