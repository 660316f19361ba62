import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Content } from "../content/load.ts";
import { PamphletError } from "../shared/errors.ts";
import { linkOrCopy } from "../shared/linkOrCopy.ts";
import type { printViews } from "./printViews.ts";
import { webCopiesShownIn } from "./webCopyUrls.ts";
import { namedFiles, type SourceFiles } from "./siteFingerprint.ts";

type PrintViews = ReturnType<typeof printViews>;

/** The build's settings that shape every page besides the content (the folder it is published under is in the clinic's siteUrl). */
export interface BuildSettings {
  formats: readonly string[];
  dev: boolean;
}

/**
 * Print views, procedure pages and share cards rendered again only when what they are made from
 * has changed: a save of one guide re-renders that guide's views, page and card and its language's
 * booklet, not every guide's (these are 282 of the 288 pages of 40 guides). The dev server keeps the
 * keys in memory; `pamphlet build` records them beside the site for its next run (printViewRecord.ts).
 *
 * Each view's key covers everything its page is made from: its own data (the guide with its
 * Markdown, or the booklet's guides), and, the same for every view, every guide's front matter, the
 * clinic (its siteUrl holds the folder the site is published under) and its wording as loaded, the
 * build's settings (the formats it links to, dev or not), what Pamphlet itself is made of
 * (`madeWith`), and every other source file (clinic.yaml, wording, images, Pamphlet's and the
 * clinic's templates and styles: each one's bytes for `build`, its size and time for the dev
 * server), taken before the content is read: a save while a build reads changes the next build's
 * keys. A view whose key is unchanged, and whose page is in the site in place, is not rendered: its
 * page is linked into the new site.
 */
export class PrintViewReuse {
  /** The key of each such page of the site in place, by URL. */
  #inPlace: Map<string, string>;
  #planned = new Map<string, string>();
  #unchanged: string[] = [];
  #unchangedSitePages: string[] = [];
  /** The site pages to carry, as the site in place has them: read while the rest is rendered. */
  #carriedSitePages: Promise<CarriedPage[]> = Promise.resolve([]);
  /** Each source file, as `begin` found it, by its absolute path. */
  #sources: Map<string, string> | undefined;

  /**
   * `inPlace`: the keys of the site in place's views, as a build in another process recorded them.
   * `madeWith`: Pamphlet's code and dependencies (a fingerprint), when they may differ from that build's.
   */
  constructor(
    private readonly siteDir: string,
    private readonly watched: readonly string[],
    inPlace: ReadonlyMap<string, string> = new Map(),
    private readonly madeWith = "",
  ) {
    this.#inPlace = new Map(inPlace);
  }

  /** The keys of the site in place's views (since `adopt`): what a build records for the next. */
  get inPlace(): ReadonlyMap<string, string> {
    return this.#inPlace;
  }

  /**
   * Notes the source files as they are before a build reads the content: as `files` says (`build`
   * has read every byte already, and its keys last from one run to the next), else by each file's
   * size and time (the dev server, on every save).
   */
  async begin(files?: SourceFiles): Promise<void> {
    this.#sources = new Map(files ?? (await this.#stats()));
  }

  /** Each watched file, as SourceFiles names it, with its size and time in place of a hash of its bytes. */
  async #stats(): Promise<Array<[string, string]>> {
    return (await namedFiles(this.watched)).map(({ file, name }) => {
      // (A file removed meanwhile is said to be gone: its removal brings another rebuild.)
      const stats = statSync(file, { throwIfNoEntry: false });
      return [file, `${name}\t${stats?.size}\t${stats?.mtimeMs}`];
    });
  }

  /**
   * The views to render; the pages of the others are carried over by `carry`. The procedure pages
   * and their share cards (`site`) are planned the same way: measured on a one-edit rebuild of 40
   * guides, Eleventy took 560–600 ms against 700–760 ms when it rendered every guide's page and card.
   */
  plan<Site extends Record<string, Array<{ url: string }>>>(
    views: PrintViews,
    content: Content,
    settings: BuildSettings,
    site?: Site,
  ): { print: PrintViews; site: Site | undefined } {
    const shared = this.#sharedKey(content, settings);
    this.#planned = new Map();
    this.#unchanged = [];
    this.#unchangedSitePages = [];
    const toRender = <View extends { url: string }>(list: View[], unchangedOnes = this.#unchanged) =>
      list.filter((view) => {
        const key = createHash("sha256").update(shared).update(JSON.stringify(view)).digest("hex");
        this.#planned.set(view.url, key);
        const unchanged = this.#inPlace.get(view.url) === key && existsSync(this.#page(this.siteDir, view.url));
        if (unchanged) unchangedOnes.push(view.url);
        return !unchanged;
      });
    const print = {
      portrait: toRender(views.portrait),
      trifold: toRender(views.trifold),
      aftercare: toRender(views.aftercare),
      booklet: toRender(views.booklet),
    };
    const sitePlan = site && (Object.fromEntries(Object.entries(site).map(([name, list]) => [name, toRender(list, this.#unchangedSitePages)])) as Site);
    this.#unchanged.push(...this.#unchangedSitePages);
    this.#carriedSitePages = readPages(this.#unchangedSitePages.map((url) => ({ url, file: this.#page(this.siteDir, url) })));
    this.#carriedSitePages.catch(() => undefined); // awaited by carry, which says what failed
    return { print, site: sitePlan };
  }

  /** What every page is made from besides its own data (the key's shared part): no guide's text changes it. */
  pagesKey(content: Content, settings: BuildSettings): string {
    return this.#sharedKey(content, settings);
  }

  /** The site's own pages (`plan`'s `site`) that `carry` will bring over unrendered, as the site in place has them. */
  carriedSitePages(): Promise<readonly CarriedPage[]> {
    return this.#carriedSitePages;
  }

  /**
   * Links (or, where the disk has no links, copies) the unchanged views' pages from the site in place
   * into the new site (`folder`), with the copies of pictures they show (`img/…` under `basePath`, the
   * folder the site is published under: a site page's web copies, a print view's print copies, made as
   * a page is rendered, so not made for these).
   */
  async carry(folder: string, basePath = "/"): Promise<void> {
    const copies = async () => {
      const pages = this.#unchanged.map((url) => ({ source: this.#page(this.siteDir, url), target: this.#page(folder, url) }));
      const sitePages = await this.#carriedSitePages;
      const sitePageUrls = new Set(sitePages.map(({ url }) => url));
      const printViews = await readPages(this.#unchanged.filter((url) => !sitePageUrls.has(url)).map((url) => ({ url, file: this.#page(this.siteDir, url) })));
      const shown = new Set([...sitePages, ...printViews].flatMap(({ html }) => webCopiesShownIn(html, basePath)));
      const webCopies = [...shown]
        .map((name) => ({ source: path.join(this.siteDir, "img", name), target: path.join(folder, "img", name) }))
        .filter(({ target }) => !existsSync(target));
      // A web copy the site in place lacks fails here, as a missing page does: never a page with a hole.
      await linkOrCopy([...pages, ...webCopies]);
    };
    await copies().catch((error: unknown) => {
      // Whatever failed, the next build renders every view.
      this.#inPlace.clear();
      const { code, path: file = this.siteDir, message } = error as NodeJS.ErrnoException;
      // The site in place went meanwhile (output/ deleted), or the new one could not be written (a full disk).
      throw code === "ENOENT" && file.startsWith(`${this.siteDir}${path.sep}`) && !existsSync(file)
        ? new PamphletError(`${file} went while the site was being built over it: build again (save again, in the preview).`, { cause: error })
        : new PamphletError(`The unchanged print views could not be put in the new site (${message}): check that the output folder can be written to.`, {
            cause: error,
          });
    });
  }

  /** The new site is in place: its views are the ones the next build compares with. */
  adopt(): void {
    this.#inPlace = this.#planned;
  }

  #page = (siteDir: string, url: string) => path.join(siteDir, ...url.split("/"), "index.html");

  /** What every view is made from besides its own data. A guide's Markdown is in its views' data, so its file is left out. */
  #sharedKey(content: Content, settings: BuildSettings): string {
    if (!this.#sources) throw new Error("PrintViewReuse.begin() must come before the content is read");
    const guides = new Set(content.procedures.map((procedure) => path.resolve(procedure.file)));
    const frontMatter = content.procedures.map(({ body: _, ...fields }) => fields);
    const made = { frontMatter, clinic: content.clinic, wording: content.wording, settings, madeWith: this.madeWith };
    const hash = createHash("sha256").update(JSON.stringify(made));
    for (const [, named] of [...this.#sources].filter(([file]) => !guides.has(file))) hash.update(`${named}\n`);
    return hash.digest("hex");
  }
}

/** A page carried over unrendered, as the site in place has it. */
export interface CarriedPage {
  /** From the site's root, as the view has it. */
  url: string;
  html: string;
}

/** Each page's text, a few files open at a time (hundreds at once ran out of file descriptors under a low limit). */
async function readPages(pages: ReadonlyArray<{ url: string; file: string }>, atOnce = 8): Promise<CarriedPage[]> {
  const read: CarriedPage[] = [];
  let next = 0;
  const reader = async () => {
    for (let page = pages[next++]; page; page = pages[next++]) read.push({ url: page.url, html: await readFile(page.file, "utf8") });
  };
  await Promise.all(Array.from({ length: atOnce }, reader));
  return read;
}
