import { readJsonRecord } from "../shared/readJson.ts";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { withStagedFolder } from "../shared/stagedFolder.ts";
import { createHash } from "node:crypto";
import type { Content } from "../content/load.ts";
import { PrintManifest } from "../brochures/printManifest.ts";
import type { PrintCentreEntry, PrintCentreList, PublishedBrochure } from "../site/printCentreList.ts";
import { procedureFormats } from "../shared/formats.ts";
import { bookletPath, brochurePath } from "../shared/routes.ts";

/**
 * What the print centre lists: exactly the brochures published in the site now (files on disk),
 * with page counts from the print manifest.
 */
export async function publishedBrochures(content: Content, siteDir: string, brochuresDir: string): Promise<PrintCentreList> {
  const manifest = await PrintManifest.open(brochuresDir, siteDir, "");
  const folder = path.join(siteDir, "brochures");
  const files = (await readdir(folder, { recursive: true }).catch(() => [] as string[]))
    .filter((name) => name.endsWith(".pdf"))
    .map((name) => name.split(path.sep).join("/"));
  /** The file as listed, or undefined when it is not published. */
  const published = async (format: PublishedBrochure["format"], name: string): Promise<PublishedBrochure | undefined> => {
    if (!files.includes(name)) return undefined;
    const { size } = await stat(path.join(folder, name));
    const pages = manifest.pages(name) ?? (await countPages(path.join(folder, name)));
    return { format, path: `brochures/${name}`, pages, kilobytes: Math.max(1, Math.round(size / 1024)) };
  };
  const procedures: PrintCentreEntry[] = [];
  for (const procedure of content.procedures) {
    const brochures: PublishedBrochure[] = [];
    for (const format of procedureFormats) {
      const brochure = await published(format, brochurePath(procedure.slug, procedure.lang, format, content.clinic));
      if (brochure) brochures.push(brochure);
    }
    if (brochures.length > 0)
      procedures.push({ slug: procedure.slug, lang: procedure.lang, title: procedure.title, lastReviewed: procedure.lastReviewed, brochures });
  }
  const booklets: PrintCentreList["booklets"] = [];
  for (const lang of new Set(content.procedures.map((procedure) => procedure.lang))) {
    const booklet = await published("booklet", bookletPath(lang, content.clinic));
    if (booklet) booklets.push({ ...booklet, lang });
  }
  return { procedures, booklets };
}

/**
 * Writes the print centre pages (one per language) into the built site. They list files, so they
 * are made after the brochures, by a small second Eleventy run over the same templates.
 */
export async function writePrintCentre(options: {
  content: Content;
  contentDir: string;
  siteDir: string;
  basePath: string;
  entries: PrintCentreList;
  /** What the pages are made from besides the list (`pagesKey`), recorded with it for the next run. */
  madeFrom?: string;
}): Promise<void> {
  let pages: string[] = [];
  await withStagedFolder(
    { target: options.siteDir, purpose: "print-centre" },
    async (folder) => {
      // Loaded here: a build whose print centre is unchanged never pays for Eleventy.
      const { runEleventy } = await import("../site/build.ts");
      const site = { content: options.content, contentDir: options.contentDir, basePath: options.basePath, printCentreList: options.entries };
      await runEleventy(site, folder, (eleventy) => eleventy.write());
      pages = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith("index.html"));
    },
    async (folder) => {
      for (const page of pages) {
        await mkdir(path.dirname(path.join(options.siteDir, page)), { recursive: true });
        await rename(path.join(folder, page), path.join(options.siteDir, page));
      }
      if (options.madeFrom) {
        const stamp: PrintCentreStamp = { stamp: printCentreStamp(options.madeFrom, options.entries), pages };
        await writeFile(stampFile(options.siteDir), JSON.stringify(stamp));
      } else {
        // Written from another list (`brochures` prints some formats or guides): an earlier stamp no longer says what is there.
        await rm(stampFile(options.siteDir), { force: true });
      }
    },
  );
}

/** Page count read from the file, for a PDF the manifest knows nothing about (made by an older run). */
async function countPages(file: string): Promise<number | undefined> {
  const { loadPdf } = await import("../shared/pdfLib.ts");
  return loadPdf(await readFile(file)).then(
    (document) => document.getPageCount(),
    () => undefined,
  );
}

const stampFile = (siteDir: string) => `${siteDir}.print-centre`;
const readRecordedStamp = async (siteDir: string) => (await readJsonRecord<PrintCentreStamp>(stampFile(siteDir))) ?? {};
const printCentreStamp = (madeFrom: string, entries: PrintCentreList) => createHash("sha256").update(madeFrom).update(JSON.stringify(entries)).digest("hex");

/** What was written: a hash of what the pages are made from and the list, and the pages (a build interrupted after the site was swapped in has none). */
interface PrintCentreStamp {
  stamp: string;
  pages: string[];
}

/**
 * Whether the print centre in the site was made from what `madeFrom` says (the clinic, every guide's
 * front matter, the templates, Pamphlet: PrintViewReuse's `pagesKey`, which no guide's text changes),
 * lists exactly these brochures, and is still there (carried into a site built since: `printCentrePages`).
 */
export async function printCentreIsCurrent(siteDir: string, madeFrom: string, entries: PrintCentreList): Promise<boolean> {
  const recorded = await readRecordedStamp(siteDir);
  if (recorded.stamp !== printCentreStamp(madeFrom, entries) || !Array.isArray(recorded.pages)) return false;
  return recorded.pages.every((page) => existsSync(path.join(siteDir, page)));
}

/**
 * The print centre's pages as last written into the site in `siteDir` (relative to it). A new site
 * carries them over, so a rebuild whose list of brochures comes out the same (an edit to a guide's
 * text) need not write them again: measured, that second Eleventy run is 100–140 ms of such a rebuild.
 */
export async function printCentrePages(siteDir: string): Promise<string[]> {
  const { pages } = await readRecordedStamp(siteDir);
  return Array.isArray(pages) ? pages.filter((page): page is string => typeof page === "string") : [];
}
