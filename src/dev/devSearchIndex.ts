import { existsSync } from "node:fs";
import path from "node:path";
import { PamphletError } from "../shared/errors.ts";
import { isStopping } from "../shared/interrupt.ts";
import { swapInto, withStagedFolder } from "../shared/stagedFolder.ts";
import { SearchIndex } from "../site/searchIndex.ts";

/**
 * The dev preview's search index, written from the site in place when its search is first used
 * after a save, not on every save: Pagefind's process and its ~140 files were about 0.15 s of each
 * save's wait for the page, and a writer rarely searches the preview between two saves.
 * Staged and swapped in as the site is, so a signal or a failure leaves no half-written index.
 */
export async function writeDevSearchIndex(siteDir: string): Promise<void> {
  // A write begun once a signal's cleanups have started would have no cleanup of its own.
  if (isStopping()) throw new PamphletError("The search index was not written: Pamphlet is stopping.");
  if (!existsSync(siteDir)) throw new PamphletError(`${siteDir} is not there to index: save a file to build the preview again.`);
  const search = await SearchIndex.start();
  const target = path.join(siteDir, "pagefind");
  try {
    await search.addSite(siteDir);
    await withStagedFolder(
      { target, purpose: "staging", stopWriters: () => search.close() },
      async (folder) => void (await search.write(folder)),
      swapInto(target),
    );
  } finally {
    await search.close();
  }
}
