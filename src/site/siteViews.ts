import { localize } from "../content/clinicSchema.ts";
import { siteLanguages } from "../shared/languages.ts";
import type { Content, PageSource, ProcedureSource } from "../content/load.ts";
import type { Language } from "../content/schema.ts";
import { groupByCategory, type ProcedureGroup } from "./groupByCategory.ts";
import type { TemplateStrings } from "./strings.ts";
import { languagePrefix, pageUrl, procedureUrl, shareImagePath, shareName, sharePageUrl } from "../shared/routes.ts";

/** One page of the public site: what the base layout needs to know about it. */
export interface SiteView {
  url: string;
  lang: Language;
  /** Same for a page and its translations; links them in the language switcher and hreflang. */
  routeKey: string;
  title: string;
  description: string;
  procedure?: ProcedureSource;
  page?: PageSource;
  /** Home: procedures grouped by category. Compare: every procedure. */
  groups?: Array<ProcedureGroup<Listed>>;
  listed?: Listed[];
  /** The link-preview card this page shows (`home` for every page but a procedure's), see routes.ts. */
  shareName?: string;
  /** That card's image, from the site's root: `/share/es/home.png`. */
  shareImage?: string;
}

/** A procedure as listed in one language: its own translation, or the default language's page when it has none. */
export interface Listed {
  procedure: ProcedureSource;
  url: string;
  /** Set when the listing falls back to another language's page. */
  fallbackLang?: Language;
}

export interface NavItem {
  url: string;
  label: string;
  routeKey: string;
}

export function siteViews(content: Content, strings: Record<string, TemplateStrings>) {
  const { clinic } = content;
  const languages = siteLanguages(clinic);
  const t = (lang: Language) => strings[lang] ?? strings[clinic.defaultLanguage]!;
  const prefix = (lang: Language) => languagePrefix(lang, clinic);

  const home: SiteView[] = languages.map((lang) => ({
    url: `${prefix(lang)}/`,
    lang,
    routeKey: "home",
    title: t(lang).home.title,
    description: localize(clinic.tagline, lang, clinic.defaultLanguage) || t(lang).home.intro,
    groups: groupByCategory(content, listedProcedures(content, lang), lang),
  }));
  const procedures: SiteView[] = content.procedures.map((procedure) => ({
    url: procedureUrl(procedure.slug, procedure.lang, clinic),
    lang: procedure.lang,
    routeKey: `procedure:${procedure.slug}`,
    title: procedure.title,
    description: procedure.summary,
    procedure,
  }));
  const pages: SiteView[] = content.pages.map((page) => ({
    url: pageUrl(page.slug, page.lang, clinic),
    lang: page.lang,
    routeKey: `page:${page.slug}`,
    title: page.title,
    description: page.summary,
    page,
  }));
  const compare: SiteView[] = languages.map((lang) => ({
    url: pageUrl("compare", lang, clinic),
    lang,
    routeKey: "compare",
    title: t(lang).compare.title,
    description: t(lang).compare.summary,
    listed: listedProcedures(content, lang),
  }));
  const contact: SiteView[] = languages.map((lang) => ({
    url: pageUrl("contact", lang, clinic),
    lang,
    routeKey: "contact",
    title: t(lang).contact.title,
    description: t(lang).contact.summary,
  }));
  const search: SiteView[] = languages.map((lang) => ({
    url: pageUrl("search", lang, clinic),
    lang,
    routeKey: "search",
    title: t(lang).search.title,
    description: t(lang).search.summary,
    listed: listedProcedures(content, lang),
  }));
  const printCentre: SiteView[] = languages.map((lang) => ({
    url: pageUrl("print-centre", lang, clinic),
    lang,
    routeKey: "print-centre",
    title: t(lang).printCentre.title,
    description: t(lang).printCentre.summary,
  }));
  const notFound: SiteView[] = languages.map((lang) => ({
    url: `${prefix(lang)}/404.html`,
    lang,
    routeKey: "404",
    title: t(lang).notFound.title,
    description: t(lang).notFound.text,
  }));

  /** Pages that are photographed into link-preview images (1200 × 630): each language's home and each procedure. */
  const all = [...home, ...procedures, ...pages, ...compare, ...contact, ...search, ...printCentre, ...notFound];
  for (const view of all) {
    view.shareName = shareName(view.procedure?.slug);
    view.shareImage = `/share/${shareImagePath(view.lang, view.shareName)}`;
  }
  const share: SiteView[] = [...home, ...procedures].map((view) => ({
    ...view,
    url: sharePageUrl(view.lang, view.shareName!),
    routeKey: `share:${view.routeKey}`,
  }));
  /** `alternates[routeKey][lang]` = URL of that page in that language. */
  const alternates: Record<string, Partial<Record<Language, string>>> = {};
  for (const view of all) (alternates[view.routeKey] ??= {})[view.lang] = view.url;

  const nav = Object.fromEntries(
    languages.map((lang): [Language, NavItem[]] => [
      lang,
      [
        { url: `${prefix(lang)}/`, label: t(lang).nav.treatments, routeKey: "home" },
        { url: pageUrl("compare", lang, clinic), label: t(lang).nav.compare, routeKey: "compare" },
        ...content.pages
          .filter((page) => page.lang === lang && page.navLabel)
          .map((page) => ({ url: pageUrl(page.slug, lang, clinic), label: page.navLabel!, routeKey: `page:${page.slug}` })),
        { url: pageUrl("contact", lang, clinic), label: t(lang).nav.contact, routeKey: "contact" },
        { url: pageUrl("search", lang, clinic), label: t(lang).nav.search, routeKey: "search" },
      ],
    ]),
  );
  return { home, procedures, pages, compare, contact, search, printCentre, notFound, share, all, alternates, nav, languages };
}

/**
 * The procedures a reader of `lang` sees: each in `lang` when it is translated, else the default
 * language's page (marked, so the link says it is in another language) rather than a missing page.
 */
function listedProcedures({ clinic, procedures }: Content, lang: Language): Listed[] {
  const own = procedures.filter((procedure) => procedure.lang === lang);
  const ownSlugs = new Set(own.map((procedure) => procedure.slug));
  const fallback = procedures.filter((procedure) => procedure.lang === clinic.defaultLanguage && !ownSlugs.has(procedure.slug));
  return [
    ...own.map((procedure) => ({ procedure, url: procedureUrl(procedure.slug, lang, clinic) })),
    ...fallback.map((procedure) => ({ procedure, url: procedureUrl(procedure.slug, procedure.lang, clinic), fallbackLang: procedure.lang })),
  ].sort((a, b) => a.procedure.title.localeCompare(b.procedure.title, lang));
}
