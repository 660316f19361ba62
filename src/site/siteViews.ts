import { localize } from "../content/clinicSchema.ts";
import { siteLanguages } from "../shared/languages.ts";
import type { Content, PageSource, ProcedureSource } from "../content/load.ts";
import type { Language } from "../content/schema.ts";
import { groupByCategory, type ProcedureGroup } from "./groupByCategory.ts";
import type { TemplateStrings } from "../shared/strings.ts";
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

  /** A view with the link-preview card it shows: its procedure's own, or its language's home card. */
  const view = (fields: Omit<SiteView, "shareName" | "shareImage">): SiteView => {
    const name = shareName(fields.procedure?.slug);
    return { ...fields, shareName: name, shareImage: `/share/${shareImagePath(fields.lang, name)}` };
  };
  /** One of Pamphlet's own pages in every language, titled from the strings catalogue. */
  const perLanguage = (routeKey: string, url: (lang: Language) => string, text: (lang: Language) => { title: string; description: string }, listed = false) =>
    languages.map((lang) => view({ url: url(lang), lang, routeKey, ...text(lang), ...(listed ? { listed: listedProcedures(content, lang) } : {}) }));

  const home = languages.map((lang) =>
    view({
      url: `${prefix(lang)}/`,
      lang,
      routeKey: "home",
      title: t(lang).home.title,
      description: localize(clinic.tagline, lang, clinic.defaultLanguage) || t(lang).home.intro,
      groups: groupByCategory(content, listedProcedures(content, lang), lang),
    }),
  );
  const procedures = content.procedures.map((procedure) =>
    view({
      url: procedureUrl(procedure.slug, procedure.lang, clinic),
      lang: procedure.lang,
      routeKey: `procedure:${procedure.slug}`,
      title: procedure.title,
      description: procedure.summary,
      procedure,
    }),
  );
  const pages = content.pages.map((page) =>
    view({ url: pageUrl(page.slug, page.lang, clinic), lang: page.lang, routeKey: `page:${page.slug}`, title: page.title, description: page.summary, page }),
  );
  /** Pamphlet's own page `name` in every language, titled and summed up from its group of the strings catalogue. */
  const ownPage = (name: "compare" | "contact" | "search" | "print-centre", text: (lang: Language) => { title: string; summary: string }, listed = false) =>
    perLanguage(
      name,
      (lang) => pageUrl(name, lang, clinic),
      (lang) => ({ title: text(lang).title, description: text(lang).summary }),
      listed,
    );
  const compare = ownPage("compare", (lang) => t(lang).compare, true);
  const contact = ownPage("contact", (lang) => t(lang).contact);
  const search = ownPage("search", (lang) => t(lang).search, true);
  const printCentre = ownPage("print-centre", (lang) => t(lang).printCentre);
  const notFound = perLanguage(
    "404",
    (lang) => `${prefix(lang)}/404.html`,
    (lang) => ({ title: t(lang).notFound.title, description: t(lang).notFound.text }),
  );

  const all = [...home, ...procedures, ...pages, ...compare, ...contact, ...search, ...printCentre, ...notFound];
  /** Pages that are photographed into link-preview images (1200 × 630): each language's home and each procedure. */
  const share: SiteView[] = [...home, ...procedures].map((card) => ({
    ...card,
    url: sharePageUrl(card.lang, card.shareName!),
    routeKey: `share:${card.routeKey}`,
  }));
  /** `alternates[routeKey][lang]` = URL of that page in that language. */
  const alternates: Record<string, Partial<Record<Language, string>>> = {};
  for (const { routeKey, lang, url } of all) (alternates[routeKey] ??= {})[lang] = url;

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
