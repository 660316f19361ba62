import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Copies the made PDFs into the site (`<site>/brochures/`) so any static host serves them next to
 * the pages that link to them, and removes PDFs of procedures that no longer exist.
 */
export async function publishBrochures(brochuresDir: string, siteDir: string, slugs: readonly string[]): Promise<void> {
  const published = path.join(siteDir, "brochures");
  await mkdir(published, { recursive: true });
  const wanted = new Set(slugs.map((slug) => `${slug}.pdf`));
  for (const dir of [brochuresDir, published]) {
    const stale = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".pdf") && !wanted.has(name));
    await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
  }
  const made = (await readdir(brochuresDir).catch(() => [])).filter((name) => wanted.has(name));
  await Promise.all(made.map((name) => copyFile(path.join(brochuresDir, name), path.join(published, name))));
}
