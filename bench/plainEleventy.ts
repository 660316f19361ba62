import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";

/**
 * The baseline: plain Eleventy over the same Markdown files with a minimal layout (Eleventy's
 * defaults: markdown-it, front matter), writing `pagesPerProcedure` pages per file (default one):
 * given as many as Pamphlet writes per procedure (its page, print views and share card), the
 * like-for-like comparison.
 */
export async function plainEleventyBuild(contentDir: string, outDir: string, pagesPerProcedure = 1): Promise<void> {
  const layouts = path.join(path.dirname(outDir), "plain-layouts");
  await mkdir(layouts, { recursive: true });
  await writeFile(path.join(layouts, "page.njk"), "<!doctype html><html lang=en><title>{{ title }}</title><main>{{ content | safe }}</main></html>\n");
  const eleventy = new Eleventy(path.join(contentDir, "procedures"), outDir, {
    configPath: false,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.setLayoutsDirectory(path.relative(path.join(contentDir, "procedures"), layouts));
      eleventyConfig.addGlobalData("layout", "page.njk");
      if (pagesPerProcedure > 1) {
        eleventyConfig.addGlobalData(
          "views",
          Array.from({ length: pagesPerProcedure }, (_, index) => `view-${index}`),
        );
        eleventyConfig.addGlobalData("pagination", { data: "views", size: 1, alias: "view" });
        eleventyConfig.addGlobalData("permalink", "/{{ view }}/{{ page.fileSlug }}/");
      }
      eleventyConfig.setQuietMode(true);
      eleventyConfig.setUseGitIgnore(false);
    },
  });
  eleventy.disableLogger(); // its "Wrote 200 files" line would land in the middle of the bench's table
  await eleventy.write();
}
