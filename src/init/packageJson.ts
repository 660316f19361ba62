import { readFile } from "node:fs/promises";
import { PamphletError } from "../content/errors.ts";
import { projectRoot } from "../site/paths.ts";
import path from "node:path";

const scripts = { build: "pamphlet build", dev: "pamphlet dev", check: "pamphlet check", serve: "pamphlet serve" };

/**
 * The clinic's package.json: a new one naming Pamphlet as a dependency, or, when one is there
 * (`npm install pamphlet` made it), the same with Pamphlet's scripts added where the name is free.
 * Nothing already in it changes.
 */
export async function clinicPackageJson(file: string, name: string): Promise<string> {
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing === undefined) {
    const { version } = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")) as { version: string };
    const fresh = { name: name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""), private: true, scripts, dependencies: { pamphlet: `^${version}` } };
    return `${JSON.stringify(fresh, null, 2)}\n`;
  }
  let parsed: { scripts?: Record<string, string> };
  try {
    parsed = JSON.parse(existing) as typeof parsed;
  } catch (error) {
    throw new PamphletError(`${file} is not valid JSON (${(error as Error).message}): fix it, then run init again.`, { cause: error });
  }
  parsed.scripts = { ...scripts, ...parsed.scripts };
  return `${JSON.stringify(parsed, null, 2)}\n`;
}
