import { brochureFormats, type BrochureFormat } from "../shared/formats.ts";
import { UsageError } from "../shared/errors.ts";

/** `--formats letter,trifold` → the formats, in a stable order; unknown names are a usage error. */
export function parseFormats(text: string): BrochureFormat[] {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(brochureFormats as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(`--formats takes a comma-separated list of ${brochureFormats.join(", ")}; got "${text}"`);
  }
  return brochureFormats.filter((format) => names.includes(format));
}
