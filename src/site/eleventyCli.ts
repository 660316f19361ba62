import type { UserConfig } from "@11ty/eleventy";
import { loadContentOrThrow } from "../content/load.ts";
import { pamphletSite } from "./config.ts";
import { imageCacheDir } from "../shared/installPaths.ts";

/**
 * The config behind `.eleventy.js`, for running Eleventy's own CLI (`npx @11ty/eleventy --serve`).
 * Content is validated first, exactly as `pamphlet build` does.
 */
export function eleventyConfigForContent(contentDir: string, siteDir: string) {
  return async (eleventyConfig: UserConfig) => {
    const content = await loadContentOrThrow(contentDir);
    pamphletSite({ content, contentDir, imageCacheDir: imageCacheDir(siteDir) })(eleventyConfig);
  };
}
