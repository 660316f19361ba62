import path from "node:path";
import * as pagefind from "pagefind";
import { PamphletError } from "../content/errors.ts";

/**
 * Builds the static search index (Pagefind) into `<site>/pagefind/`: plain files any static host
 * serves, searched in the browser, nothing sent anywhere. Only elements marked
 * `data-pagefind-body` (the public pages' main content) are indexed, one index per language.
 */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new PamphletError(`Could not start the search indexer (Pagefind): ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new PamphletError(`Indexing the site for search failed: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new PamphletError(`Writing the search index failed: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
}

/** Stops Pagefind's helper process so the command can exit. */
export const closeSearchIndexer = () => pagefind.close();
