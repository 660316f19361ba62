import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../shared/installPaths.ts";
import type { CountryProfile } from "./countries.ts";

export const starterDir = path.join(projectRoot, "starter");

/** The sample category for the smallest veins, as the country names them. */
export const smallVeinsCategory = (country: CountryProfile) => (country.smallVeins === "spider" ? "Spider and small veins" : "Thread and small veins");

/** The commented clinic.yaml of a new clinic in `country`: starter/clinic.yaml with the country's values. */
export function clinicYaml(country: CountryProfile, name: string): string {
  const { address } = country;
  const values: Record<string, string> = {
    name: JSON.stringify(name),
    phone: country.phone,
    street: address.street,
    city: address.city,
    region: address.region ? `      region: ${address.region}\n` : "",
    postalCode: address.postalCode,
    country: country.name,
    hours: country.hours.map((line) => `      - days: ${line.days}\n        time: ${line.time}`).join("\n"),
    paper: country.paper,
    locale: country.englishLocale,
  };
  const text = readFileSync(path.join(starterDir, "clinic.yaml"), "utf8").replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  return country.smallVeins === "spider"
    ? text.replaceAll("Thread and small veins", smallVeinsCategory(country)).replaceAll("thread veins", "spider veins")
    : text;
}
