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
  readonly #added: Array<Promise<pagefind.NewFileResponse | pagefind.NewFileResponse[]>> = [];

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
      if (url && String(this.page.outputPath).endsWith(".html") && searchable(html)) {
        added.push(index.addHTMLFile({ url, content: html }));
      }
      return html;
    });
  };

  /**
   * Pages carried into the new site unrendered (PrintViewReuse), read from the site in place: each
   * public one is indexed as it was when rendered. Called as rendering starts, so Pagefind indexes
   * them on another core meanwhile.
   */
  addPages(pages: Promise<ReadonlyArray<{ url: string; html: string }>>): void {
    const adding = pages.then((list) =>
      Promise.all(list.filter(({ html }) => searchable(html)).map(({ url, html }) => this.#index.addHTMLFile({ url, content: html }))),
    );
    adding.catch(() => undefined); // pages that could not be read fail the carry, which says why, before write() is reached
    this.#added.push(adding);
  }

  /** Indexes the pages of a site already written (the dev server's, when its search is first used). */
  async addSite(siteDir: string): Promise<void> {
    const { errors } = await this.#index.addDirectory({ path: siteDir });
    if (errors.length > 0) throw new PamphletError(`Indexing the site for search failed: ${errors.join("; ")}`);
  }

  /** Waits for every page to be indexed, then writes the index into `outputPath` (the site's `pagefind/`); returns the page count. */
  async write(outputPath: string): Promise<number> {
    const added = (await Promise.all(this.#added)).flat();
    const errors = added.flatMap((result) => result.errors);
    if (errors.length > 0) throw new PamphletError(`Indexing the site for search failed: ${errors.join("; ")}`);
    const written = await this.#index.writeFiles({ outputPath });
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

/** A public page: its main content is marked for the index (`data-pagefind-body`). */
const searchable = (html: string) => html.includes("data-pagefind-body");
