import type { UserConfig } from "@11ty/eleventy";
import { localize, type Clinic, type Localized } from "../../content/clinicSchema.ts";
import { emergencyNumberOf } from "../../content/emergencyNumbers.ts";
import { nextReviewDate, reviewMonths } from "../../content/nextReview.ts";
import type { ProcedureSource } from "../../content/load.ts";
import type { Language } from "../../content/schema.ts";
import { renderMarkdown } from "../../content/markdown.ts";
import { clinicJsonLd, faqJsonLd, jsonForHtml, procedureJsonLd } from "../structuredData.ts";
import { brochurePath, procedureUrl } from "../../shared/routes.ts";
import type { ProcedureFormat } from "../../shared/formats.ts";
import { addressLine, countryName } from "./addressLine.ts";
import { sourceLanguage } from "../../content/language.ts";
import { aftercareBlocks } from "./aftercareBlocks.ts";
import { cssString } from "./cssString.ts";
import { printLinks } from "./printLinks.ts";
import { readableDate } from "./readableDate.ts";
import { telHref } from "./telHref.ts";
import { urlBreaks } from "./urlBreaks.ts";

/** Nunjucks filters, each in its own file. */
export function filtersPlugin(eleventyConfig: UserConfig, { clinic }: { clinic: Clinic }) {
  // Each body is shown in up to six views; render it once per build.
  const rendered = new Map<string, string>();
  eleventyConfig.addFilter("markdown", (text: string) => {
    if (!rendered.has(text)) rendered.set(text, renderMarkdown(text));
    return rendered.get(text);
  });
  eleventyConfig.addFilter("cssString", cssString);
  eleventyConfig.addFilter("readableDate", (isoDate: string, lang: string) => readableDate(isoDate, clinic.locales?.[lang as Language] ?? lang));
  // Open Graph's language_TERRITORY, from clinic.yaml's locale (en-GB → en_GB); US when it names no territory.
  eleventyConfig.addFilter("ogLocale", (lang: string) => {
    const locale = clinic.locales?.[lang as Language];
    return (locale?.includes("-") ? locale : `${lang}-US`).replace("-", "_");
  });
  eleventyConfig.addFilter("telHref", telHref);
  eleventyConfig.addFilter("addressLine", addressLine);
  eleventyConfig.addFilter("sourceLang", (source: string, lang: string) => sourceLanguage(source, lang) ?? "");
  eleventyConfig.addFilter("countryName", (country: string, lang: string) => countryName(country, lang, clinic.defaultLanguage));
  eleventyConfig.addFilter("urlBreaks", urlBreaks);
  eleventyConfig.addFilter("procedureUrl", (slug: string, lang: string) => procedureUrl(slug, lang, clinic));
  eleventyConfig.addFilter("printLinks", (html: string, slug: string, lang: string, keepFragments = false) =>
    printLinks(html, clinic.siteUrl, procedureUrl(slug, lang, clinic), keepFragments),
  );
  eleventyConfig.addFilter("brochurePath", (slug: string, lang: string, format: ProcedureFormat) => brochurePath(slug, lang, format, clinic));
  eleventyConfig.addFilter("procedureJsonLd", (procedure: ProcedureSource) => jsonForHtml(procedureJsonLd(procedure, clinic)));
  eleventyConfig.addFilter("faqJsonLd", (procedure: ProcedureSource) => jsonForHtml(faqJsonLd(procedure, clinic) ?? {}));
  // Every page carries it and it depends only on the language (hours and country are read from
  // clinic.yaml's text): made once per language per build.
  const clinicData = new Map<string, string>();
  eleventyConfig.addFilter("clinicJsonLd", (lang: string) => {
    if (!clinicData.has(lang)) clinicData.set(lang, jsonForHtml(clinicJsonLd(clinic, lang)));
    return clinicData.get(lang);
  });
  eleventyConfig.addFilter("nextReview", (lastReviewed: string) => nextReviewDate(lastReviewed, reviewMonths(clinic)));
  eleventyConfig.addFilter("emergencyNumber", (of: Clinic) => emergencyNumberOf(of) ?? "");
  eleventyConfig.addFilter("aftercareBlocks", aftercareBlocks);
  eleventyConfig.addFilter("localize", (value: Localized | undefined, lang: string) => localize(value, lang, clinic.defaultLanguage));
}
