import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { templatesDir } from "../shared/installPaths.ts";

/** Where Pamphlet's own page templates live. */
export const pagesDir = path.join(templatesDir, "pages");

/**
 * The site's own pages (home, procedure and print views, 404, clinic CSS) ship with Pamphlet in
 * `templates/pages/`, not in the clinic's content folder, so a clinic's content repository holds
 * only its words and data. They are added to Eleventy as virtual templates.
 */
export function pagesPlugin(eleventyConfig: UserConfig, { only, except = [] }: { only?: string[]; except?: string[] } = {}) {
  const wanted = (name: string) => name.endsWith(".njk") && (!only || only.includes(name)) && !except.includes(name);
  for (const name of readdirSync(pagesDir).filter(wanted)) {
    eleventyConfig.addTemplate(`pamphlet-${name}`, readFileSync(path.join(pagesDir, name), "utf8"));
  }
}
