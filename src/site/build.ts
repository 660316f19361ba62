import "./eleventyEnvironment.ts";
import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { linkOrCopy } from "../shared/linkOrCopy.ts";
import { removeFolder } from "../shared/removeFolder.ts";
import Eleventy, { type UserConfig } from "@11ty/eleventy";
import { PamphletError } from "../shared/errors.ts";
import { swapInto, withStagedFolder } from "../shared/stagedFolder.ts";
import { writeAdmin } from "../editor/adminFiles.ts";
import { pamphletSite, type SiteOptions } from "./config.ts";
import { imageCacheDir } from "../shared/installPaths.ts";
import { mergedTemplatesDir, nameTemplateSources } from "./clinicOverrides.ts";
import { pagesDir } from "./pages.ts";
import { SearchIndex } from "./searchIndex.ts";

export interface BuildSiteOptions extends SiteOptions {
  /** Where the finished site lands, e.g. `output/site`. */
  siteDir: string;
  /**
   * Folders of the previous site carried into the new one before the swap (`brochures`, `share`):
   * files published beside the pages that a later step updates, so they are never missing meanwhile.
   */
  carryOver?: readonly string[];
  /**
   * Pages of the previous site (relative to it) carried into the new one, not rendered by this build:
   * the print centre's, which a later step writes again only when what they show changed.
   */
  carryPages?: readonly string[];
  /** Runs the swap of the new site into place; the dev server holds requests meanwhile. */
  duringSwap?: (swap: () => Promise<void>) => Promise<void>;
}

/**
 * Builds the site into a staging folder next to `siteDir`, then swaps it into place, so a failed
 * build leaves the previous site whole and pages of deleted procedures disappear.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  let search: SearchIndex | undefined;
  // Pagefind writes from its own process: a signal stops it before the staging folder is removed.
  const staging = { target: options.siteDir, purpose: "staging", stopWriters: () => search?.close() ?? Promise.resolve() } as const;
  await withStagedFolder(
    staging,
    async (folder) => {
      try {
        // The dev server writes its search index only when its search is used (devSearchIndex.ts), not on every save.
        search = options.dev ? undefined : await SearchIndex.start();
        await runEleventy(options, folder, (eleventy) => eleventy.write(), search && indexing(search, options.printViewReuse));
        await options.printViewReuse?.carry(folder, options.basePath);
        await search?.write(path.join(folder, "pagefind"));
      } finally {
        await search?.close();
      }
      // The browser editor is published only when clinic.yaml asks for it (`editor:`); the dev server has its own.
      if (!options.dev && options.content.clinic.editor) await writeAdmin(folder, options.content.clinic, options.content.clinic.siteUrl);
      for (const carried of options.carryOver ?? []) await carry(path.join(options.siteDir, carried), path.join(folder, carried));
      await linkOrCopy(
        (options.carryPages ?? [])
          .map((page) => ({ source: path.join(options.siteDir, page), target: path.join(folder, page) }))
          .filter(({ source, target }) => existsSync(source) && !existsSync(target)),
      );
    },
    swapInto(options.siteDir, adoptingPrintViews(options)),
  );
}

/** The search index's plugin: every page rendered, and every page carried over unrendered (indexed as rendering starts, once planned). */
function indexing(search: SearchIndex, reuse: BuildSiteOptions["printViewReuse"]) {
  return (eleventyConfig: UserConfig) => {
    search.plugin(eleventyConfig);
    if (reuse) eleventyConfig.on("eleventy.before", () => search.addPages(reuse.carriedSitePages()));
  };
}

/** The caller's swap, after which the dev server's print views are those of the new site: at once, before anything else can fail. */
function adoptingPrintViews({ duringSwap, printViewReuse }: BuildSiteOptions): BuildSiteOptions["duringSwap"] {
  if (!printViewReuse) return duringSwap;
  return async (swap) => {
    const swapAndAdopt = async () => {
      await swap();
      printViewReuse.adopt();
    };
    await (duringSwap ? duringSwap(swapAndAdopt) : swapAndAdopt());
  };
}

/**
 * Copies the files of a folder of the previous site into the staging one: hard links where it can
 * (fast, no space), else copies. Never a page, nor over a file the new build made: the share cards
 * live beside their images, and the old cards (a summary since edited, a guide since removed) were
 * copied over the new ones, so an edited card's image was found unchanged and never made again.
 */
async function carry(from: string, to: string): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".html"))
    .map((entry) => ({ source: path.join(entry.parentPath, entry.name), target: path.join(to, path.relative(from, entry.parentPath), entry.name) }));
  await linkOrCopy(files.filter(({ target }) => !existsSync(target)));
}

/** Renders every page in memory, without writing pages: `[{ url, content }]`. Tests use it. */
export async function renderSite(options: SiteOptions): Promise<Array<{ url: string; content: string }>> {
  // Web copies of images are still made: in a temporary folder, never in the content folder.
  const scratch = await mkdtemp(path.join(os.tmpdir(), "pamphlet-render-"));
  try {
    return await runEleventy(options, path.join(scratch, "site"), (eleventy) => eleventy.toJSON());
  } finally {
    await removeFolder(scratch);
  }
}

/**
 * One Eleventy run over Pamphlet's configuration (plus `plugin`), its errors reported as Pamphlet's.
 * `outDir` is a staging folder beside the site's, so both share one image cache.
 */
export async function runEleventy<T>(
  options: SiteOptions,
  outDir: string,
  run: (eleventy: Eleventy) => Promise<T>,
  plugin?: (eleventyConfig: UserConfig) => void,
): Promise<T> {
  const eleventy = new Eleventy(options.contentDir, outDir, {
    configPath: false,
    quietMode: true,
    pathPrefix: options.basePath ?? "/",
    config(eleventyConfig: UserConfig) {
      // Its "[11ty] Benchmark … slow filter" warnings bypass disableLogger(): they are for Eleventy's own CLI, not a writer.
      eleventyConfig.benchmarkManager.get("Configuration").setIsVerbose(false);
      // Eleventy keeps compiled layouts for the life of the process, with the filters (and so the clinic.yaml)
      // of the run that compiled them; only its own watcher clears them. The dev server builds many times in one process.
      eleventyConfig.setUseTemplateCache(false);
      pamphletSite({ ...options, imageCacheDir: imageCacheDir(outDir) })(eleventyConfig);
      if (plugin) eleventyConfig.addPlugin(plugin);
    },
  });
  // Pamphlet reports progress and errors itself; Eleventy's own "Wrote N files" line would come between them.
  eleventy.disableLogger();
  try {
    return await run(eleventy);
  } catch (error) {
    // A problem Pamphlet itself found while rendering (e.g. an unreadable image) already says what and where.
    const ours = causes(error).find((cause) => cause instanceof PamphletError);
    // Eleventy names the laid-over copy of a template: the writer hears of the file to edit.
    const said = nameTemplateSources(describe(error), options.contentDir, mergedTemplatesDir(imageCacheDir(outDir)));
    throw ours ?? new PamphletError(`Building the site from ${path.resolve(options.contentDir)} failed: ${said}`, { cause: error });
  }
}

/** The error and the errors it wraps: Eleventy keeps them in `cause` or in its own `originalError`. */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error; current = current.cause ?? (current as { originalError?: unknown }).originalError) chain.push(current);
  return chain;
}

/** The messages of the error and the errors it wraps, each once: a message another already contains is left out. */
function describe(error: unknown): string {
  const messages = [...new Set(causes(error).map((cause) => namePageFiles(cause.message.replace(/\s+/g, " ").trim())))];
  return messages.filter((message) => !messages.some((other) => other !== message && other.includes(message))).join(" → ");
}

/** Eleventy names Pamphlet's own pages by their virtual path (`./content/pamphlet-print.njk`): name the real file. */
const namePageFiles = (message: string) => message.replace(/[^\s()]*\/pamphlet-([\w.-]+\.njk)/g, (_, name: string) => path.join(pagesDir, name));
