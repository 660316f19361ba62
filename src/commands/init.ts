import path from "node:path";
import { createInterface } from "node:readline/promises";
import { UsageError } from "../shared/errors.ts";
import { countryCode } from "../content/countryCode.ts";
import { countries, countryCodes } from "../init/countries.ts";
import { hosts, scaffoldClinic, type Host } from "../init/scaffold.ts";

export interface InitOptions {
  country?: string;
  host?: string;
}

/** `pamphlet init [dir]`: a new clinic in `dir` (default: here), for `--country` (asked on a terminal) and `--host`. */
export async function runInit(words: string[], options: InitOptions): Promise<number> {
  if (words.length > 1) throw new UsageError(`init takes one folder; got ${words.join(" ")}`);
  const dir = words[0] ?? ".";
  const host = (options.host ?? "github") as Host;
  if (!hosts.includes(host)) throw new UsageError(`--host must be one of ${hosts.join(", ")}; got "${options.host}"`);
  const country = readCountry(options.country ?? (await askCountry()));
  const { written, notes, installFrom } = await scaffoldClinic({ dir, country, host });
  const here = path.relative(process.cwd(), path.resolve(dir));
  const into = here ? `cd ${here} && ` : "";
  const { name: countryName, paper } = countries[country]!;
  const list = written.map((file) => `  ${file}`).join("\n");
  console.log(`A new clinic (${countryName}, brochures on ${paper === "a4" ? "A4" : "letter"} paper) in ${path.resolve(dir)}:\n${list}`);
  for (const note of notes) console.log(`\nNote: ${note}.`);
  console.log(
    `\nNext: ${into}npm install${installFrom ? ` ${installFrom}` : ""} && npx pamphlet setup && npx pamphlet build\n` +
      "Then fill in content/_data/clinic.yaml, and preview with npx pamphlet dev. README.md says the rest.",
  );
  return 0;
}

function readCountry(given: string): string {
  const code = countryCode(given.trim());
  if (code && countries[code]) return code;
  throw new UsageError(
    `--country "${given}" is not one Pamphlet has defaults for; use one of ${countryCodes.join(", ")} (or the closest, then edit clinic.yaml)`,
  );
}

/** The country, asked on a terminal; "US" when nobody can answer (a script, CI), said so. */
async function askCountry(): Promise<string> {
  if (!process.stdin.isTTY) {
    const others = countryCodes.filter((code) => code !== "US" && code !== "GB").join(", ");
    console.log(`No --country given: using US (letter paper, 911). Write --country GB (or ${others}) for another.`);
    return "US";
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`Country of the clinic (${countryCodes.join(", ")}) [US]: `);
    return answer.trim() || "US";
  } finally {
    prompt.close();
  }
}
