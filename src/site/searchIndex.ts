import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import * as pagefind from "pagefind";
import { PamphletError } from "../shared/errors.ts";
import { isStopping } from "../shared/interrupt.ts";

/**
 * The static search index (Pagefind) in `<site>/pagefind/`: plain files any static host serves,
 * searched in the browser, nothing sent anywhere. Only the public pages' main content (marked
 * `data-pagefind-body`) is indexed, one index per language. Pages are handed to Pagefind as
 * Eleventy renders them: it indexes in its own process, on another core, while the rest of the
 * site is still being rendered.
 */
export class SearchIndex {
  readonly #index: pagefind.PagefindIndex;
  readonly #added: Array<Promise<pagefind.NewFileResponse[]>> = [];

  private constructor(index: pagefind.PagefindIndex) {
    this.#index = index;
  }

  static async start(): Promise<SearchIndex> {
    quietPagefindStops();
    const notStarted = "Could not start the search indexer (Pagefind)";
    const { index, errors } = await pagefind.createIndex({}).catch(failed(notStarted));
    if (!index) throw new PamphletError(`${notStarted}: ${errors.join("; ")}`);
    return new SearchIndex(index);
  }

  /** An Eleventy transform that passes every public page on to the index, unchanged. */
  plugin = (eleventyConfig: UserConfig) => {
    const add = (url: string, html: string) => this.#waitFor(this.#add(url, html));
    eleventyConfig.addTransform("search-index", function (html: string) {
      const url = this.page.url;
      if (url && String(this.page.outputPath).endsWith(".html") && searchable(html)) add(url, html);
      return html;
    });
  };

  /**
   * Pages carried into the new site unrendered (PrintViewReuse), read from the site in place: each
   * public one is indexed as it was when rendered. Called as rendering starts, so Pagefind indexes
   * them on another core meanwhile. (Pages that could not be read fail the carry, which says why,
   * before write() is reached.)
   */
  addPages(pages: Promise<ReadonlyArray<{ url: string; html: string }>>): void {
    const adding = pages.then((list) => Promise.all(list.filter(({ html }) => searchable(html)).map(({ url, html }) => this.#add(url, html))));
    this.#waitFor(adding.then((added) => added.flat()));
  }

  /** A page handed to Pagefind; none once the index is closing, when Pagefind would only be started again for it. */
  async #add(url: string, html: string): Promise<pagefind.NewFileResponse[]> {
    return this.#closing ? [] : [await this.#index.addHTMLFile({ url, content: html })];
  }

  /**
   * Kept for write() to wait for and report. Until then a failure is no crash: a Ctrl-C reaches Pagefind's
   * process too, and every page still waiting is refused when it ends, while the signal's cleanups run.
   */
  #waitFor(adding: Promise<pagefind.NewFileResponse[]>): void {
    adding.catch(() => undefined);
    this.#added.push(adding);
  }

  /** Indexes the pages of a site already written (the dev server's, when its search is first used). */
  async addSite(siteDir: string): Promise<void> {
    const { errors } = await this.#index.addDirectory({ path: siteDir });
    if (errors.length > 0) throw new PamphletError(`Indexing the site for search failed: ${errors.join("; ")}`);
  }

  /** Waits for every page to be indexed, then writes the index into `outputPath` (the site's `pagefind/`); returns the page count. */
  async write(outputPath: string): Promise<number> {
    // Closed (a signal's cleanups): Pagefind would be started again, for nothing.
    if (this.#closing) throw new PamphletError("The search index was not written: its indexer was stopped.");
    const stopped = failed("The search indexer (Pagefind) stopped before the site's search index was written; build again");
    const added = (await Promise.all(this.#added).catch(stopped)).flat();
    const errors = added.flatMap((result) => result.errors);
    if (errors.length > 0) throw new PamphletError(`Indexing the site for search failed: ${errors.join("; ")}`);
    const written = await this.#index.writeFiles({ outputPath }).catch(stopped);
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
      // (On a signal Pagefind's process may have ended already: a message to it would only fail, noisily.)
      if (!isStopping()) await this.#index.deleteIndex().catch(() => undefined);
      await pagefind.close();
    })();
    return this.#closing;
  }
}

/**
 * Pagefind logs "Service stopped" and a stack trace to the console when its process ends under it:
 * as a terminal's Ctrl-C ends it beside Pamphlet, or when its binary cannot run. The error is kept
 * instead, for `failed` to give as the cause in Pamphlet's own words (a signal's cleanups say nothing).
 */
function quietPagefindStops(): void {
  pagefindStop = undefined;
  if (quieted) return;
  quieted = true;
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (args[0] === "Service stopped") pagefindStop ??= args[1];
    else error(...args);
  };
}
let quieted = false;
/** Why Pagefind's process ended under it, as it first logged since the index started. */
let pagefindStop: unknown;

/** A rejection of Pagefind's (an Error, or the text of one) as a PamphletError saying `what`, and why. */
const failed =
  (what: string) =>
  (error: unknown): never => {
    const cause = pagefindStop ?? error;
    throw new PamphletError(`${what}: ${cause instanceof Error ? cause.message : String(cause)}.`, { cause });
  };

/** A public page: its main content is marked for the index (`data-pagefind-body`). */
const searchable = (html: string) => html.includes("data-pagefind-body");
