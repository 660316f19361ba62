import type { Clinic } from "../../content/clinicSchema.ts";
import { countryCode } from "../../content/countryCode.ts";

type Address = Clinic["locations"][number]["address"];

/**
 * The town line of an address, in the order its country writes it: "Reading RG1 5AQ" (UK,
 * Ireland: no county), "46005 Valencia" (continental Europe and Latin America: postal code first,
 * with the region when it is not the town's own name), else "Maple Grove, MN 55311", the order
 * Pamphlet always used (the US and its territories, Canada, Australia, and any country not listed).
 */
export function addressLine({ city, region, postalCode, country }: Address): string {
  const code = countryCode(country) ?? "";
  if (townPostcode.has(code)) return `${city} ${postalCode}`;
  if (!postcodeTown.has(code)) return region ? `${city}, ${region} ${postalCode}` : `${city} ${postalCode}`;
  return !region || region.trim().toLowerCase() === city.trim().toLowerCase() ? `${postalCode} ${city}` : `${postalCode} ${city}, ${region}`;
}

/**
 * clinic.yaml's `country` on a page in `lang`: as the clinic wrote it on its own language's pages,
 * and in `lang` on the others ("Estados Unidos" on the Spanish pages, not "United States", which a
 * screen reader there reads with a Spanish voice), when the name is one Pamphlet can read.
 */
export function countryName(country: string, lang: string, defaultLanguage: string): string {
  const code = countryCode(country);
  return lang === defaultLanguage || !code ? country : (new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? country);
}

const townPostcode = new Set(["GB", "IE"]);
const postcodeTown = new Set([
  "ES",
  "FR",
  "DE",
  "IT",
  "PT",
  "NL",
  "BE",
  "LU",
  "AT",
  "CH",
  "DK",
  "SE",
  "NO",
  "FI",
  "IS",
  "PL",
  "CZ",
  "SK",
  "HU",
  "SI",
  "HR",
  "GR",
  "MX",
  "AR",
  "CL",
  "CO",
  "PE",
  "UY",
  "PY",
  "EC",
  "BO",
  "VE",
  "CR",
  "GT",
  "DO",
]);
