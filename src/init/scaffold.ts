import { constants, lstatSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PamphletError } from "../shared/errors.ts";
import { clinicYaml, smallVeinsCategory, starterDir } from "./clinicYaml.ts";
import { countries } from "./countries.ts";
import { sampleGuide, sampleGuideSlug, sampleImage } from "./sampleGuide.ts";
import { clinicPackageJson } from "./packageJson.ts";

export const hosts = ["github", "netlify", "cloudflare"] as const;
export type Host = (typeof hosts)[number];

export interface ScaffoldOptions {
  dir: string;
  /** ISO code, one of `countries`. */
  country: string;
  host: Host;
}

const publishing: Record<Host, string> = {
  github:
    "`.github/workflows/publish.yml` publishes with GitHub Pages. " +
    "Once: in the repository's Settings → Pages, choose \"GitHub Actions\" as the source, and set `siteUrl` in clinic.yaml to the site's address.",
  netlify:
    "`.github/workflows/publish.yml` publishes to Netlify. " +
    "Once: create the site in Netlify and add the secrets NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID to the repository " +
    "(the workflow's first lines say where to find them).",
  cloudflare:
    "`.github/workflows/publish.yml` publishes to Cloudflare Pages. " +
    "Once: create a Pages project and add the secrets CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID to the repository (the workflow's first lines say how).",
};

/**
 * Writes a new clinic into `dir`: clinic.yaml for its country, one sample guide and its images, a
 * package.json (or Pamphlet's scripts added to the one there), .gitignore, a README for staff and a
 * CI workflow for `host`. Refuses, before writing anything, when any of those files exists.
 * Returns the files written, relative to `dir`.
 */
export async function scaffoldClinic({ dir, country: code, host }: ScaffoldOptions): Promise<{ written: string[]; notes: string[]; installFrom?: string }> {
  const country = countries[code]!;
  const name = `${titleCase(path.basename(path.resolve(dir)))} Vein Clinic`;
  const guide = await sampleGuide(smallVeinsCategory(country), country.smallVeins);
  const fill = (text: string) =>
    text.replace(
      /\{(name|guide|publishing|project)\}/g,
      (_, key: string) => ({ name, guide: sampleGuideSlug, publishing: publishing[host], project: slugOf(path.basename(path.resolve(dir))) })[key]!,
    );
  const files: Array<[string, string | { copy: string }]> = [
    ["content/_data/clinic.yaml", clinicYaml(country, name)],
    [`content/procedures/${sampleGuideSlug}.md`, guide.text],
    ["content/images/logo.svg", { copy: sampleImage("logo.svg") }],
    ...guide.images.map((image): [string, { copy: string }] => [`content/images/${image}`, { copy: sampleImage(image) }]),
    [".gitignore", await readFile(path.join(starterDir, "gitignore"), "utf8")],
    ["README.md", fill(await readFile(path.join(starterDir, "README.md"), "utf8"))],
    [".github/workflows/publish.yml", fill(await readFile(path.join(starterDir, "workflows", `${host}.yml`), "utf8"))],
  ];
  // lstat, not exists: a link (even to nothing) is there too, and writing through it would land elsewhere.
  const existing = files.map(([file]) => file).filter((file) => isThere(path.join(dir, file)));
  if (existing.length > 0) throw refusal(dir, existing);
  const packageFile = path.join(dir, "package.json");
  const packageJson = await clinicPackageJson(packageFile, name);
  try {
    for (const [file, body] of files) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      if (typeof body === "string") await writeFile(target, body, { flag: "wx" });
      else await copyFile(body.copy, target, constants.COPYFILE_EXCL);
    }
  } catch (error) {
    // Something appeared while init wrote: still never overwrite.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw refusal(dir, [path.relative(dir, (error as NodeJS.ErrnoException).path ?? "")]);
    throw error;
  }
  await writeFile(packageFile, packageJson.text);
  return { written: [...files.map(([file]) => file), "package.json"], notes: packageJson.notes, installFrom: packageJson.installFrom };
}

const isThere = (file: string) => Boolean(lstatSync(file, { throwIfNoEntry: false }));

const refusal = (dir: string, existing: string[]) =>
  new PamphletError(
    `${path.resolve(dir)} already has ${existing.join(", ")}: init writes a new clinic and never overwrites a file. ` +
      "Choose an empty folder (npx pamphlet init my-clinic), or move these away.",
  );

// Letters of any script: a folder named "Ünïcode Клиника" is "Ünïcode Клиника Vein Clinic", and its project "unicode".
const titleCase = (word: string) =>
  word
    .replace(/[-_]+/g, " ")
    .replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
    .replace(/ (Vein )?Clinic$/i, "");
const slugOf = (word: string) =>
  word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "clinic";
