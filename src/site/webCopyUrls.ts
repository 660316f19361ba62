import { escapeRegExp } from "../shared/escapeRegExp.ts";

/**
 * The URLs of the web copies of content pictures (`img/<name>`, see responsiveImages.ts), in a page's
 * src and srcset attributes: here both ways, without loading eleventy-img (the build's quick path
 * loads PrintViewReuse, which reads them).
 */

/** eleventy-img's markup with its web copies' URLs (`/img/…`) under the folder the site is published under. */
export const webCopiesUnder = (html: string, basePath: string) => html.replace(/(["\s,])\/img\//g, `$1${basePath}img/`);

/** The names of the web copies that a page's HTML shows, under `basePath`. */
export function webCopiesShownIn(html: string, basePath: string): string[] {
  return [...html.matchAll(new RegExp(`["\\s,]${escapeRegExp(basePath)}img/([^"'\\s,/?#]+)`, "g"))].map(([, name]) => name!);
}
