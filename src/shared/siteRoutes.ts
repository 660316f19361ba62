import { clinicFormats, guideFormats, procedureFormats, type BrochureFormat, type Paper } from "./formats.ts";
import { siteLanguages } from "./languages.ts";
import { bookletPath, bookletPrintUrl, brochurePath, languagePrefix, pageUrl, printUrl, procedureUrl } from "./routes.ts";

/** What the site's routes depend on: the clinic's languages and paper, and each guide and page by its name. */
export interface RoutedContent {
  clinic: { defaultLanguage: string; languages?: readonly string[]; paper: Paper; brochureFormats?: readonly BrochureFormat[] };
  procedures: ReadonlyArray<{ slug: string; lang: string; formats?: readonly BrochureFormat[] }>;
  pages: ReadonlyArray<{ slug: string; lang: string }>;
}

/**
 * Every page and file the built site has for this content (images aside), for checking links. The
 * brochures are those of clinic.yaml's `brochureFormats`: a link to another format's PDF would 404.
 */
export function siteRoutes({ clinic, procedures, pages }: RoutedContent): Set<string> {
  const routes = new Set<string>();
  const published = clinicFormats(clinic);
  for (const lang of siteLanguages(clinic)) {
    const prefix = languagePrefix(lang, clinic);
    for (const route of ["/", "/404.html", "/compare/", "/contact/"]) routes.add(`${prefix}${route}`);
  }
  for (const page of pages) routes.add(pageUrl(page.slug, page.lang, clinic));
  for (const procedure of procedures) {
    routes.add(procedureUrl(procedure.slug, procedure.lang, clinic));
    for (const format of procedureFormats) {
      routes.add(printUrl(procedure.slug, procedure.lang, format, clinic));
      if (guideFormats(procedure, published).includes(format)) routes.add(`/brochures/${brochurePath(procedure.slug, procedure.lang, format, clinic)}`);
    }
    routes.add(bookletPrintUrl(procedure.lang, clinic));
    if (guideFormats(procedure, published).includes("booklet")) routes.add(`/brochures/${bookletPath(procedure.lang, clinic)}`);
  }
  return routes;
}

/** Element ids every procedure page has besides its headings. */
export const pageIds = ["main", "glance-title", "faq-title", "contact-title"];
