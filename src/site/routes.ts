import type { Content } from "../content/load.ts";
import { procedureFormats } from "../brochures/formats.ts";
import { siteLanguages } from "../content/clinicSchema.ts";
import { bookletPath, bookletPrintUrl, brochurePath, languagePrefix, pageUrl, printUrl, procedureUrl } from "./urls.ts";

/** Every page and file the built site has for this content (images aside), for checking links. */
export function siteRoutes({ clinic, procedures, pages }: Content): Set<string> {
  const routes = new Set<string>();
  for (const lang of siteLanguages(clinic)) {
    const prefix = languagePrefix(lang, clinic);
    for (const route of ["/", "/404.html", "/compare/", "/contact/"]) routes.add(`${prefix}${route}`);
  }
  for (const page of pages) routes.add(pageUrl(page.slug, page.lang, clinic));
  for (const procedure of procedures) {
    routes.add(procedureUrl(procedure.slug, procedure.lang, clinic));
    for (const format of procedureFormats) {
      routes.add(printUrl(procedure.slug, procedure.lang, format, clinic));
      routes.add(`/brochures/${brochurePath(procedure.slug, procedure.lang, format, clinic)}`);
    }
    routes.add(bookletPrintUrl(procedure.lang, clinic));
    routes.add(`/brochures/${bookletPath(procedure.lang, clinic)}`);
  }
  return routes;
}

/** Element ids every procedure page has besides its headings. */
export const pageIds = ["main", "glance-title", "faq-title", "contact-title"];
