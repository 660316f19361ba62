import { mkdtemp, rename } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { removeFolder } from "../removeFolder.ts";
import Eleventy, { type UserConfig } from "@11ty/eleventy";
import { PamphletError } from "../content/errors.ts";
import { onInterrupt } from "../interrupt.ts";
import { writeAdmin } from "../editor/adminFiles.ts";
import { pamphletSite, type SiteOptions } from "./config.ts";
import { imageCacheDir } from "./paths.ts";
import { pagesDir } from "./pages.ts";
import { SearchIndex } from "./searchIndex.ts";

export interface BuildSiteOptions extends SiteOptions {
  /** Where the finished site lands, e.g. `output/site`. */
  siteDir: string;
  /** Runs the swap of the new site into place; the dev server holds requests meanwhile. */
  duringSwap?: (swap: () => Promise<void>) => Promise<void>;
}

/**
 * Builds the site into a staging folder next to `siteDir`, then swaps it into place, so a failed
 * build leaves the previous site whole and pages of deleted procedures disappear.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const staging = `${options.siteDir}.staging-${process.pid}`;
  const previous = `${options.siteDir}.previous-${process.pid}`;
  await removeFolder(staging);
  const forgetCleanup = onInterrupt(() => removeFolder(staging));
  let search: SearchIndex | undefined;
  try {
    search = await SearchIndex.start();
    await runEleventy(options, staging, (eleventy) => eleventy.write(), search.plugin);
    await search.write(staging);
    // The browser editor is published only when clinic.yaml asks for it (`editor:`); the dev server has its own.
    if (!options.dev && options.content.clinic.editor) await writeAdmin(staging, options.content.clinic, options.content.clinic.siteUrl);
    const swap = async () => {
      await rename(options.siteDir, previous).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
      await rename(staging, options.siteDir);
    };
    await (options.duringSwap ? options.duringSwap(swap) : swap());
  } finally {
    await search?.close();
    forgetCleanup();
    await removeFolder(staging);
    await removeFolder(previous);
  }
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
export async function runEleventy<T>(options: SiteOptions, outDir: string, run: (eleventy: Eleventy) => Promise<T>, plugin?: (eleventyConfig: UserConfig) => void): Promise<T> {
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
    throw ours ?? new PamphletError(`Building the site from ${path.resolve(options.contentDir)} failed: ${describe(error)}`, { cause: error });
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
