import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Copies the made PDFs into the site (`<site>/brochures/`, same sub-folders) so any static host
 * serves them next to the pages that link to them, and removes PDFs of procedures that no longer
 * exist from both places. A PDF is `<slug>.pdf`, `<slug>.<format>.pdf` or `booklet.pdf`.
 */
export async function publishBrochures(brochuresDir: string, siteDir: string, slugs: readonly string[]): Promise<void> {
  const published = path.join(siteDir, "brochures");
  const current = (name: string) => name === "booklet.pdf" || slugs.includes(name.split(".")[0]!);
  for (const relative of await pdfsUnder(brochuresDir)) {
    if (!current(path.basename(relative))) {
      await rm(path.join(brochuresDir, relative), { force: true });
      continue;
    }
    await mkdir(path.dirname(path.join(published, relative)), { recursive: true });
    await copyFile(path.join(brochuresDir, relative), path.join(published, relative));
  }
  for (const relative of await pdfsUnder(published)) {
    if (!current(path.basename(relative))) await rm(path.join(published, relative), { force: true });
  }
}

async function pdfsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".pdf"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
