import type { Content } from "../content/load.ts";
import { clinicFormats, guideFormats, procedureFormats } from "../brochures/formats.ts";
import { siteLanguages } from "../content/clinicSchema.ts";
import { bookletPath, bookletPrintUrl, brochurePath, languagePrefix, pageUrl, printUrl, procedureUrl } from "./urls.ts";

/**
 * Every page and file the built site has for this content (images aside), for checking links. The
 * brochures are those of clinic.yaml's `brochureFormats`: a link to another format's PDF would 404.
 */
export function siteRoutes({ clinic, procedures, pages }: Content): Set<string> {
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
