import { isExternalHref } from "../../shared/routes.ts";

/**
 * Links in a brochure's text, made to work in the PDF: it is read far from the loopback server it
 * was printed from, so a link to a page of the site (`/compare/`, `../sclerotherapy/`) points at the
 * public site instead. A link to a heading (`#risks`) stays inside the PDF when `keepFragments`;
 * in the tri-fold (which leaves sections out) and the booklet (where every guide has the same
 * headings) it points at that heading on the guide's public page. A link from the site's top
 * (`/procedures/x/`) is from the top of the site, under the folder it is published in (siteUrl's path),
 * as on its pages: resolved against the host, it lost the folder (a GitHub project site's PDFs led to 404s).
 */
export function printLinks(html: string, siteUrl: string, pageUrl: string, keepFragments: boolean): string {
  const page = `${siteUrl}${pageUrl}`;
  return html.replace(/href="([^"]*)"/g, (attribute, escaped: string) => {
    const href = escaped.replace(/&amp;/g, "&");
    if (isExternalHref(href)) return attribute;
    if (href.startsWith("#") && keepFragments) return attribute;
    try {
      const fromTop = href.startsWith("/") && !href.startsWith("//");
      return `href="${new URL(fromTop ? `${siteUrl}${href}` : href, page).href.replace(/&/g, "&amp;")}"`;
    } catch {
      return attribute; // not a URL at all: left as written (the link check reports what leads nowhere)
    }
  });
}
