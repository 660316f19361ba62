import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import Image from "@11ty/eleventy-img";
import { contentImageFile } from "../content/contentImageFile.ts";
import { printImage, printsFromCopy, webImages } from "./webImages.ts";
import { webCopiesUnder } from "./webCopyUrls.ts";
import { escapeRegExp } from "../shared/escapeRegExp.ts";

/**
 * Content images as Markdown writes them, `<img src="/images/…" alt="…">`, with the folder the site
 * is published under in front (Eleventy's HtmlBasePlugin has already added it when this runs).
 */
const contentImage = (basePath: string) => new RegExp(`<img src="${escapeRegExp(basePath)}(images\\/[^"]+)" alt="([^"]*)"(?: title="([^"]*)")?>`, "g");

/** What holds a guide's cover picture on its page (templates/pages/procedure.njk). */
const coverBox = '<div class="procedure__image">';

/** A content image's address in any `<img>` (a cover has its class first): what a print view or share card shows. */
const shownImage = (basePath: string) => new RegExp(`(<img\\b[^>]*?\\ssrc=")${escapeRegExp(basePath)}(images\\/[^"]+)"`, "g");

/** A print view's or share card's URL (`/print/…`, `/es/share/…`). */
const isPrintOrShare = (url: string) => /^(\/\w\w)?\/(print|share)\//.test(url);

/**
 * On the public pages, each content image becomes a `<picture>` in modern formats and a few widths
 * (@11ty/eleventy-img), with width and height set and loaded lazily. Print views and share cards show
 * the original file, never a web thumbnail; or, when it is wider than print needs or a WebP or AVIF,
 * its print copy (see printsFromCopy).
 *
 * The web copies (src/site/webImages.ts) are made in `cacheDir`, which outlives the build, and copied into the site's
 * `img/` after it. eleventy-img remembers, for the life of the process, which images it has made and
 * which folders it has created: made straight into a fresh staging folder, the dev server's second
 * build would find neither the files nor the folder.
 */
export function responsiveImagesPlugin(
  eleventyConfig: UserConfig,
  { contentDir, cacheDir, basePath = "/" }: { contentDir: string; cacheDir: string; basePath?: string },
) {
  const images = contentImage(basePath);
  const printed = shownImage(basePath);
  /** Each copy this build's pages show, with how to make it again (see eleventy.after). */
  const shown = new Map<string, () => Promise<unknown>>();

  // The cache may have been deleted since the last build (with the output folder): eleventy-img would not notice.
  eleventyConfig.on("eleventy.before", () => mkdir(cacheDir, { recursive: true }));

  eleventyConfig.addTransform("responsive-images", async function (html: string) {
    const url = this.page.url;
    if (!url || !String(this.page.outputPath).endsWith(".html")) return html;
    if (isPrintOrShare(url)) return withPrintCopies(html, url);
    const replacements = await Promise.all(
      [...html.matchAll(images)].map(async ({ 0: tag, 1: src, 2: alt, 3: title, index }) => {
        const file = contentImageFile(contentDir, src!);
        // Only the content's own images (check stops the build on any other): nothing else is read.
        if (!file) return [tag, tag] as const;
        const metadata = await webImages(file, cacheDir, url);
        for (const copy of Object.values(metadata).flat()) shown.set(copy.outputPath, () => webImages(file, cacheDir, url, { remake: true }));
        // A guide's cover, under its title, is in view as the page opens: fetched at once, not lazily.
        const cover = html.slice(Math.max(0, index - coverBox.length), index) === coverBox;
        const attributes: Record<string, string> = {
          alt: alt!,
          sizes: "(min-width: 48rem) 44rem, 100vw",
          loading: cover ? "eager" : "lazy",
          decoding: "async",
        };
        if (title) attributes.title = title;
        // The web copies' URLs (`/img/…`) get the folder too: HtmlBasePlugin has run already.
        return [tag, webCopiesUnder(Image.generateHTML(metadata, attributes), basePath)] as const;
      }),
    );
    return replacements.reduce((result, [tag, picture]) => result.replace(tag, picture), html);
  });

  async function withPrintCopies(html: string, url: string): Promise<string> {
    if (!html.includes(`${basePath}images/`)) return html; // no content picture in it: no need to read the page
    const replacements = await Promise.all(
      [...html.matchAll(printed)].map(async ([tag, start, src]) => {
        const file = contentImageFile(contentDir, src!);
        if (!file || !printsFromCopy(file)) return [tag, tag] as const;
        const copy = await printImage(file, cacheDir, url);
        shown.set(copy.outputPath, () => printImage(file, cacheDir, url, { remake: true }));
        return [tag, webCopiesUnder(`${start}${copy.url}"`, basePath)] as const;
      }),
    );
    // Only the pictures that have a copy: each replace copies the page (the booklet's is large, and most pictures have none).
    return replacements.filter(([tag, copy]) => copy !== tag).reduce((result, [tag, copy]) => result.replace(tag, copy), html);
  }

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs" || shown.size === 0) return;
    const imgDir = path.join(directories.output, "img");
    await mkdir(imgDir, { recursive: true });
    await Promise.all(
      [...shown].map(async ([copy, remake]) => {
        const target = path.join(imgDir, path.basename(copy));
        await copyFile(copy, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
          // Deleted from the cache after eleventy-img last made it in this process: make it again.
          await remake();
          await copyFile(copy, target);
        });
      }),
    );
  });
}
