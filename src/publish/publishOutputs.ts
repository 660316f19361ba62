import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { filesUnder } from "../shared/filesUnder.ts";

/**
 * Copies the made files into the site so any static host serves them next to the pages that link
 * to them (`output/brochures` → `site/brochures`, `output/share` → `site/share`), and removes the
 * files of procedures that no longer exist from both places. A file is `<slug>.pdf`,
 * `<slug>.<format>.pdf`, `booklet.pdf` or `<slug>.png` / `home.png`, maybe under a language folder.
 * With `brochures` (a whole build's file names), any other brochure goes too: a format printed by an
 * earlier build is not kept up to date, so it must not stay where staff and patients find it.
 */
export async function publishOutputs(
  outDir: string,
  siteDir: string,
  slugs: readonly string[],
  { brochures }: { brochures?: readonly string[] } = {},
): Promise<void> {
  for (const folder of ["brochures", "share"]) {
    const current = (relative: string) => {
      const name = path.basename(relative);
      if (folder === "brochures" && brochures) return brochures.includes(relative.split(path.sep).join("/"));
      return ["booklet.pdf", "home.png"].includes(name) || slugs.includes(name.split(".")[0]!);
    };
    const made = path.join(outDir, folder);
    const published = path.join(siteDir, folder);
    for (const relative of await madeFilesUnder(made)) {
      if (!current(relative)) {
        await rm(path.join(made, relative), { force: true });
        continue;
      }
      await copyIfChanged(path.join(made, relative), path.join(published, relative));
    }
    for (const relative of await madeFilesUnder(published)) {
      if (/\.(pdf|png)$/.test(relative) && !current(relative)) await rm(path.join(published, relative), { force: true });
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
