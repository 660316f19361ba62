import type { Clinic } from "../../content/clinicSchema.ts";
import { countryCode } from "../../content/countryCode.ts";

type Address = Clinic["locations"][number]["address"];

/**
 * The town line of an address, in the order its country writes it: "Maple Grove, MN 55311" (US,
 * Canada), "Reading RG1 5AQ" (UK, Ireland: no county), "46005 Valencia" (most of the world, postal
 * code first, with the region when it is not the town's own name). A country Pamphlet cannot
 * name keeps the US order it always had.
 */
export function addressLine({ city, region, postalCode, country }: Address): string {
  const code = countryCode(country);
  if (code === undefined || ["US", "CA", "AU", "PH"].includes(code)) return `${city}, ${region} ${postalCode}`;
  if (["GB", "IE"].includes(code)) return `${city} ${postalCode}`;
  return region.trim().toLowerCase() === city.trim().toLowerCase() ? `${postalCode} ${city}` : `${postalCode} ${city}, ${region}`;
}
