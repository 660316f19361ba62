import type { UserConfig } from "@11ty/eleventy";
import { markdown } from "../markdown.ts";
import { cssString } from "./cssString.ts";
import { readableDate } from "./readableDate.ts";
import { telHref } from "./telHref.ts";

/** Nunjucks filters, each in its own file. */
export function filtersPlugin(eleventyConfig: UserConfig) {
  eleventyConfig.addFilter("markdown", (text: string) => markdown.render(text));
  eleventyConfig.addFilter("cssString", cssString);
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("telHref", telHref);
}
