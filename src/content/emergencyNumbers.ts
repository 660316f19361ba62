/**
 * The number a patient dials in a medical emergency, by ISO 3166 country code: the one table
 * pages, brochures and `pamphlet init` read. The European Union's 112 works in every member state
 * (and beside national numbers elsewhere in Europe); a clinic in a country not listed, or with a
 * local number it prefers, sets `emergency.number` in clinic.yaml.
 */
import type { Clinic } from "./clinicSchema.ts";
import { countryCode } from "./countryCode.ts";

const euroNumber = "112";
const europe = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "CH",
];

export const emergencyNumbers: Readonly<Record<string, string>> = {
  ...Object.fromEntries(europe.map((code) => [code, euroNumber])),
  US: "911",
  PR: "911",
  CA: "911",
  MX: "911",
  AR: "911",
  CO: "123",
  CL: "131",
  PE: "106",
  GB: "999",
  AU: "000",
  NZ: "111",
  ZA: "10177",
  IN: "112",
};

/**
 * Numbers besides its own that a country's emergency services answer (or, NHS 111, its urgent advice
 * line): a guide telling patients to call one of them is right (src/check/clinicDetails.ts).
 */
export const alsoAnswered: Readonly<Record<string, readonly string[]>> = { GB: ["112", "111"], IE: ["999"], AU: ["112"], NZ: ["112"] };

/** The emergency number for a country name or code as clinic.yaml writes it ("United Kingdom", "GB"), if known. */
export function emergencyNumberForCountry(country: string): string | undefined {
  const code = countryCode(country);
  return code ? emergencyNumbers[code] : undefined;
}

/** The clinic's emergency number: clinic.yaml's `emergency.number`, else its first location's country's. */
export const emergencyNumberOf = (clinic: Pick<Clinic, "emergency" | "locations">): string | undefined =>
  clinic.emergency?.number ?? emergencyNumberForCountry(clinic.locations[0]?.address.country ?? "");
