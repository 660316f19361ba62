import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import Image from "@11ty/eleventy-img";
import { contentImageFile } from "../content/contentImageFile.ts";
import { webImages } from "./webImages.ts";
import { webCopiesUnder } from "./webCopyUrls.ts";
import { escapeRegExp } from "../shared/escapeRegExp.ts";

/**
 * Content images as Markdown writes them, `<img src="/images/…" alt="…">`, with the folder the site
 * is published under in front (Eleventy's HtmlBasePlugin has already added it when this runs).
 */
const contentImage = (basePath: string) => new RegExp(`<img src="${escapeRegExp(basePath)}(images\\/[^"]+)" alt="([^"]*)"(?: title="([^"]*)")?>`, "g");

/**
 * On the public pages, each content image becomes a `<picture>` in modern formats and a few widths
 * (@11ty/eleventy-img), with width and height set and loaded lazily. Print views and share cards keep
 * the original file, so brochures get the full-resolution image, never a web thumbnail.
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
  /** Each web copy this build's pages show: the content image it was made from, and a page showing it. */
  const shown = new Map<string, { file: string; url: string }>();

  // The cache may have been deleted since the last build (with the output folder): eleventy-img would not notice.
  eleventyConfig.on("eleventy.before", () => mkdir(cacheDir, { recursive: true }));

  eleventyConfig.addTransform("responsive-images", async function (html: string) {
    const url = this.page.url;
    if (!url || !String(this.page.outputPath).endsWith(".html") || /^(\/\w\w)?\/(print|share)\//.test(url)) return html;
    const replacements = await Promise.all(
      [...html.matchAll(images)].map(async ([tag, src, alt, title]) => {
        const file = contentImageFile(contentDir, src!);
        // Only the content's own images (check stops the build on any other): nothing else is read.
        if (!file) return [tag, tag] as const;
        const metadata = await webImages(file, cacheDir, url);
        for (const copy of Object.values(metadata).flat()) shown.set(copy.outputPath, { file, url });
        const attributes: Record<string, string> = { alt: alt!, sizes: "(min-width: 48rem) 44rem, 100vw", loading: "lazy", decoding: "async" };
        if (title) attributes.title = title;
        // The web copies' URLs (`/img/…`) get the folder too: HtmlBasePlugin has run already.
        return [tag, webCopiesUnder(Image.generateHTML(metadata, attributes), basePath)] as const;
      }),
    );
    return replacements.reduce((result, [tag, picture]) => result.replace(tag, picture), html);
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs" || shown.size === 0) return;
    const imgDir = path.join(directories.output, "img");
    await mkdir(imgDir, { recursive: true });
    await Promise.all(
      [...shown].map(async ([copy, { file, url }]) => {
        const target = path.join(imgDir, path.basename(copy));
        await copyFile(copy, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
          // Deleted from the cache after eleventy-img last made it in this process: make it again.
          await webImages(file, cacheDir, url, { remake: true });
          await copyFile(copy, target);
        });
      }),
    );
  });
}
