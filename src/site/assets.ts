import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { fontFilesDir, templatesDir } from "./paths.ts";

/** Typeface weights the site and brochures use; only the Latin subset (it covers English and Spanish). */
const fontFiles = ["400-normal", "400-italic", "700-normal"].map((style) => `atkinson-hyperlegible-next-latin-${style}.woff2`);

/** Stylesheets, bundled fonts and the content's images, copied as they are. */
export function assetsPlugin(eleventyConfig: UserConfig, { contentDir }: { contentDir: string }) {
  eleventyConfig.addPassthroughCopy({ [path.join(contentDir, "images")]: "images" });
  eleventyConfig.addPassthroughCopy({ [path.join(templatesDir, "css")]: "css" });
  eleventyConfig.addPassthroughCopy({ [path.join(templatesDir, "js")]: "js" });
  for (const file of fontFiles) {
    eleventyConfig.addPassthroughCopy({ [path.join(fontFilesDir, file)]: `fonts/${file}` });
  }
}
