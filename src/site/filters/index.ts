import type { UserConfig } from "@11ty/eleventy";
import type { Clinic } from "../../content/clinicSchema.ts";
import { markdown } from "../markdown.ts";
import { procedureUrl } from "../urls.ts";
import { cssString } from "./cssString.ts";
import { readableDate } from "./readableDate.ts";
import { telHref } from "./telHref.ts";

/** Nunjucks filters, each in its own file. */
export function filtersPlugin(eleventyConfig: UserConfig, { clinic }: { clinic: Clinic }) {
  // Each body is shown in up to six views; render it once per build.
  const rendered = new Map<string, string>();
  eleventyConfig.addFilter("markdown", (text: string) => {
    if (!rendered.has(text)) rendered.set(text, markdown.render(text));
    return rendered.get(text);
  });
  eleventyConfig.addFilter("cssString", cssString);
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("telHref", telHref);
  eleventyConfig.addFilter("procedureUrl", (slug: string, lang: string) => procedureUrl(slug, lang, clinic));
}
