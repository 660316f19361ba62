import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Content } from "../content/load.ts";
import { PamphletError } from "../shared/errors.ts";
import { filesUnder } from "../shared/filesUnder.ts";
import { linkOrCopy } from "../shared/linkOrCopy.ts";
import type { printViews } from "./printViews.ts";

type PrintViews = ReturnType<typeof printViews>;

/**
 * The dev server's print views, rendered again only when what they are made from has changed: a
 * save of one guide re-renders that guide's views and its language's booklet, not every guide's
 * (print views are 82 of the shipped content's 114 dev pages).
 *
 * Each view's key covers everything its page is made from: its own data (the guide with its
 * Markdown, or the booklet's guides), and, the same for every view, every guide's front matter, the
 * clinic and its wording as loaded, and the size and time of every other file the dev server watches
 * (clinic.yaml, wording, images, Pamphlet's and the clinic's templates and styles), taken before the
 * content is read: a save while a build reads changes the next build's keys. A view whose key is
 * unchanged, and whose page is in the site in place, is not rendered: its page is linked into the new site.
 */
export class PrintViewReuse {
  /** The key of each print view page of the site in place, by URL. */
  #inPlace = new Map<string, string>();
  #planned = new Map<string, string>();
  #unchanged: string[] = [];
  /** Each watched file's size and time, as `begin` found them. */
  #sources: Map<string, string> | undefined;

  constructor(
    private readonly siteDir: string,
    private readonly watched: readonly string[],
  ) {}

  /** Notes the watched files as they are before a build reads the content. */
  async begin(): Promise<void> {
    const files = (await Promise.all(this.watched.map(filesUnder))).flat().map((file) => path.resolve(file));
    this.#sources = new Map(
      files.map((file) => {
        // (A file removed meanwhile is said to be gone: its removal brings another rebuild.)
        const stats = statSync(file, { throwIfNoEntry: false });
        return [file, `${stats?.size}\t${stats?.mtimeMs}`];
      }),
    );
  }

  /** The views to render; the pages of the others are carried over by `carry`. */
  plan(views: PrintViews, content: Content): PrintViews {
    const shared = this.#sharedKey(content);
    this.#planned = new Map();
    this.#unchanged = [];
    const toRender = <View extends { url: string }>(list: View[]) =>
      list.filter((view) => {
        const key = createHash("sha256").update(shared).update(JSON.stringify(view)).digest("hex");
        this.#planned.set(view.url, key);
        const unchanged = this.#inPlace.get(view.url) === key && existsSync(this.#page(this.siteDir, view.url));
        if (unchanged) this.#unchanged.push(view.url);
        return !unchanged;
      });
    return { portrait: toRender(views.portrait), trifold: toRender(views.trifold), aftercare: toRender(views.aftercare), booklet: toRender(views.booklet) };
  }

  /** Links (or, where the disk has no links, copies) the unchanged views' pages from the site in place into the new site (`folder`). */
  async carry(folder: string): Promise<void> {
    for (const url of this.#unchanged) {
      const source = this.#page(this.siteDir, url);
      await linkOrCopy(source, this.#page(folder, url)).catch((error: unknown) => {
        // The site in place went meanwhile (output/ deleted): the next build renders every view.
        this.#inPlace.clear();
        throw new PamphletError(`${source} went while the preview was being built: save again to build it.`, { cause: error });
      });
    }
  }

  /** The new site is in place: its views are the ones the next build compares with. */
  adopt(): void {
    this.#inPlace = this.#planned;
  }

  #page = (siteDir: string, url: string) => path.join(siteDir, ...url.split("/"), "index.html");

  /** What every view is made from besides its own data. A guide's Markdown is in its views' data, so its file is left out. */
  #sharedKey(content: Content): string {
    if (!this.#sources) throw new Error("PrintViewReuse.begin() must come before the content is read");
    const guides = new Set(content.procedures.map((procedure) => path.resolve(procedure.file)));
    const frontMatter = content.procedures.map(({ body: _, ...fields }) => fields);
    const hash = createHash("sha256").update(JSON.stringify({ frontMatter, clinic: content.clinic, wording: content.wording }));
    for (const [file, stats] of [...this.#sources].filter(([file]) => !guides.has(file))) {
      hash.update(`${file}\t${stats}\n`);
    }
    return hash.digest("hex");
  }
}
