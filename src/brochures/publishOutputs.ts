import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { filesUnder } from "../filesUnder.ts";

/**
 * Copies the made files into the site so any static host serves them next to the pages that link
 * to them (`output/brochures` → `site/brochures`, `output/share` → `site/share`), and removes the
 * files of procedures that no longer exist from both places. A file is `<slug>.pdf`,
 * `<slug>.<format>.pdf`, `booklet.pdf` or `<slug>.png` / `home.png`, maybe under a language folder.
 */
export async function publishOutputs(outDir: string, siteDir: string, slugs: readonly string[]): Promise<void> {
  const current = (name: string) => ["booklet.pdf", "home.png"].includes(name) || slugs.includes(name.split(".")[0]!);
  for (const folder of ["brochures", "share"]) {
    const made = path.join(outDir, folder);
    const published = path.join(siteDir, folder);
    for (const relative of await madeFilesUnder(made)) {
      if (!current(path.basename(relative))) {
        await rm(path.join(made, relative), { force: true });
        continue;
      }
      await copyIfChanged(path.join(made, relative), path.join(published, relative));
    }
    for (const relative of await madeFilesUnder(published)) {
      if (/\.(pdf|png)$/.test(relative) && !current(path.basename(relative))) await rm(path.join(published, relative), { force: true });
    }
  }
}

/** PDFs and PNGs under `dir` (not the manifest or temporary files), as relative paths. */
async function madeFilesUnder(dir: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((file) => /\.(pdf|png)$/.test(file)).map((file) => path.relative(dir, file));
}

/** Copies unless the copy is already there: same size and not older than the original. */
async function copyIfChanged(from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (target && target.size === source.size && target.mtimeMs >= source.mtimeMs) return;
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
}
