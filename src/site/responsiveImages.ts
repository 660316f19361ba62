import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import Image from "@11ty/eleventy-img";
import { PamphletError } from "../content/errors.ts";
import { displayPath } from "../content/sourceText.ts";

/** Content images as Markdown writes them: `<img src="/images/…" alt="…">`. */
const contentImage = /<img src="(\/images\/[^"]+)" alt="([^"]*)"(?: title="([^"]*)")?>/g;

/**
 * On the public pages, each content image becomes a `<picture>` in modern formats and a few widths
 * (@11ty/eleventy-img), with width and height set and loaded lazily. Print views and share cards keep
 * the original file, so brochures get the full-resolution image, never a web thumbnail.
 */
export function responsiveImagesPlugin(eleventyConfig: UserConfig, { contentDir }: { contentDir: string }) {
  eleventyConfig.addTransform("responsive-images", async function (html: string) {
    const url = this.page.url;
    if (!url || !String(this.page.outputPath).endsWith(".html") || /^(\/\w\w)?\/(print|share)\//.test(url)) return html;
    const replacements = await Promise.all(
      [...html.matchAll(contentImage)].map(async ([tag, src, alt, title]) => {
        const file = path.join(contentDir, decodeURIComponent(src!));
        const metadata = await Image(file, {
          widths: [480, 960, 1600],
          formats: ["avif", "webp", "auto"],
          outputDir: path.join(eleventyConfig.directories.output, "img"),
          urlPath: "/img/",
          svgShortCircuit: true,
        }).catch((error: Error) => {
          throw new PamphletError(`${displayPath(file)}: could not be read as an image (${error.message}), shown on ${url}. Save it again as a PNG, JPEG, WebP or SVG file.`, { cause: error });
        });
        const attributes: Record<string, string> = { alt: alt!, sizes: "(min-width: 48rem) 44rem, 100vw", loading: "lazy", decoding: "async" };
        if (title) attributes.title = title;
        return [tag, Image.generateHTML(metadata, attributes)] as const;
      }),
    );
    return replacements.reduce((result, [tag, picture]) => result.replace(tag, picture), html);
  });
}
