import { readFile } from "node:fs/promises";
import path from "node:path";
import { installedFromOutside } from "../shared/installedFromOutside.ts";
import { pamphletScripts } from "../cli/commandLine.ts";
import { PamphletError } from "../shared/errors.ts";
import { projectRoot } from "../shared/installPaths.ts";

const scripts = Object.fromEntries(pamphletScripts.map((command) => [command, `pamphlet ${command}`]));

export interface ClinicPackage {
  text: string;
  /** What the clinic should know: scripts kept as they were, a Pamphlet its CI cannot install. */
  notes: string[];
  /** The tarball to install Pamphlet from, when package.json does not name it yet. */
  installFrom?: string;
}

/**
 * The clinic's package.json: a new one with Pamphlet's scripts, or, when one is there (`npm install`
 * of a tarball made it), the same with Pamphlet's scripts added where the name is free. Nothing
 * already in it changes. Pamphlet is never added as `pamphlet@^version`: npm has no Pamphlet, so
 * that would install whatever someone else publishes under the name; where package.json does not
 * name it, the clinic is told to install the tarball.
 */
export async function clinicPackageJson(file: string, name: string): Promise<ClinicPackage> {
  const { version } = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")) as { version: string };
  const tarball = `./pamphlet-${version}.tgz`;
  const notPublished =
    `Pamphlet is not on npm yet: put its tarball in this folder and run npm install ${tarball}, ` +
    "so package.json names it and the publish workflow's npm ci finds it too";
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing === undefined) {
    const fresh = {
      name: name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
      private: true,
      scripts,
    };
    return { text: `${JSON.stringify(fresh, null, 2)}\n`, notes: [notPublished], installFrom: tarball };
  }
  let parsed: { scripts?: Record<string, string>; dependencies?: Record<string, string> };
  try {
    parsed = JSON.parse(existing) as typeof parsed;
  } catch (error) {
    throw new PamphletError(`${file} is not valid JSON (${(error as Error).message}): fix it, then run init again.`, { cause: error });
  }
  const notes: string[] = [];
  const kept = Object.entries(scripts).filter(([script, command]) => parsed.scripts?.[script] !== undefined && parsed.scripts[script] !== command);
  if (kept.length > 0) {
    const names = kept.map(([script]) => `"${script}"`).join(", ");
    const first = kept[0]![0];
    notes.push(`package.json keeps its own ${names} script${kept.length > 1 ? "s" : ""}: run npx pamphlet ${first} (not npm run ${first}) for Pamphlet's`);
  }
  parsed.scripts = { ...scripts, ...parsed.scripts };
  const spec = parsed.dependencies?.pamphlet;
  const outside = spec && installedFromOutside(spec);
  if (!spec) notes.push(notPublished);
  else if (outside) notes.push(outside);
  return { text: `${JSON.stringify(parsed, null, 2)}\n`, notes, ...(spec ? {} : { installFrom: tarball }) };
}
