import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import * as pagefind from "pagefind";
import { PamphletError } from "../shared/errors.ts";

/**
 * The static search index (Pagefind) in `<site>/pagefind/`: plain files any static host serves,
 * searched in the browser, nothing sent anywhere. Only the public pages' main content (marked
 * `data-pagefind-body`) is indexed, one index per language. Pages are handed to Pagefind as
 * Eleventy renders them: it indexes in its own process, on another core, while the rest of the
 * site is still being rendered.
 */
export class SearchIndex {
  readonly #index: pagefind.PagefindIndex;
  readonly #added: Array<Promise<pagefind.NewFileResponse>> = [];

  private constructor(index: pagefind.PagefindIndex) {
    this.#index = index;
  }

  static async start(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new PamphletError(`Could not start the search indexer (Pagefind): ${errors.join("; ")}`);
    return new SearchIndex(index);
  }

  /** An Eleventy transform that passes every public page on to the index, unchanged. */
  plugin = (eleventyConfig: UserConfig) => {
    const added = this.#added;
    const index = this.#index;
    eleventyConfig.addTransform("search-index", function (html: string) {
      const url = this.page.url;
      if (url && String(this.page.outputPath).endsWith(".html") && html.includes("data-pagefind-body")) {
        added.push(index.addHTMLFile({ url, content: html }));
      }
      return html;
    });
  };

  /**
   * Waits for every page to be indexed, then writes the index into the site; returns the page count.
   * `meanwhile` runs on this thread while Pagefind writes in its own process.
   */
  async write(siteDir: string, meanwhile?: () => void): Promise<number> {
    const added = await Promise.all(this.#added);
    const errors = added.flatMap((result) => result.errors);
    if (errors.length > 0) throw new PamphletError(`Indexing the site for search failed: ${errors.join("; ")}`);
    const writing = this.#index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    try {
      meanwhile?.();
    } catch (error) {
      await writing.catch(() => undefined);
      throw error;
    }
    const written = await writing;
    if (written.errors.length > 0) throw new PamphletError(`Writing the search index failed: ${written.errors.join("; ")}`);
    // Pagefind's ready-made search interfaces (about 430 KB): the site's own search.js replaces them.
    const unused = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
    for (const name of await readdir(written.outputPath)) if (unused.test(name)) await rm(path.join(written.outputPath, name));
    return added.length;
  }

  #closing: Promise<void> | undefined;

  /** Stops the indexer (its own process); safe to call again. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#index.deleteIndex().catch(() => undefined);
      await pagefind.close();
    })();
    return this.#closing;
  }
}
