import type { ProcedureFormat, Paper } from "./formats.ts";
import { brochureFileName, bookletFileName } from "./formats.ts";

/** Where each view of the content lives on the site, and where each file made from it is written: one place for every URL and output path. */
interface Clinicish {
  defaultLanguage: string;
  paper: Paper;
}

/** Whether a link in a write-up leads off the site (`https:`, `mailto:`, `tel:`, `//host/…`). */
export const isExternalHref = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");

/** "" for the clinic's default language, "/es" for another. */
export const languagePrefix = (lang: string, clinic: Clinicish) => (lang === clinic.defaultLanguage ? "" : `/${lang}`);

/** Sub-folder of `output/brochures` (and of `/brochures/` on the site) for a language: "" or "es/". */
const brochureFolder = (lang: string, clinic: Clinicish) => (lang === clinic.defaultLanguage ? "" : `${lang}/`);

export const procedureUrl = (slug: string, lang: string, clinic: Clinicish) => `${languagePrefix(lang, clinic)}/procedures/${slug}/`;

/** `/print/<slug>/` on the clinic's paper, `/print/<slug>/<format>/` for the other formats. */
export const printUrl = (slug: string, lang: string, format: ProcedureFormat, clinic: Clinicish) =>
  `${languagePrefix(lang, clinic)}/print/${slug}/${format === clinic.paper ? "" : `${format}/`}`;

/** A page at `/<slug>/` (`/es/<slug>/`): about, FAQ, and the built-in compare, contact, search and print centre. */
export const pageUrl = (slug: string, lang: string, clinic: Clinicish) => `${languagePrefix(lang, clinic)}/${slug}/`;

export const bookletPrintUrl = (lang: string, clinic: Clinicish) => `${languagePrefix(lang, clinic)}/print/booklet/`;

/** Path of a brochure relative to `output/brochures` and to the site's `/brochures/`. */
export const brochurePath = (slug: string, lang: string, format: ProcedureFormat, clinic: Clinicish) =>
  `${brochureFolder(lang, clinic)}${brochureFileName(slug, format, clinic.paper)}`;

export const bookletPath = (lang: string, clinic: Clinicish) => `${brochureFolder(lang, clinic)}${bookletFileName}`;

const safeDecodeURI = (text: string) => {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
};

/** The folder the site is published under: `--base-path`, else the path of clinic.yaml's siteUrl ("/" or "/clinic/"). */
export function basePathOf(siteUrl: string, override?: string): string {
  // Encoded as browsers send it (`--base-path /clínica/` → /cl%C3%ADnica/), like siteUrl's own path.
  const path = override === undefined ? new URL(siteUrl).pathname : encodeURI(safeDecodeURI(override));
  return `/${path.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
}

/**
 * Content as published under `basePath`: with `--base-path`, the public address changes too, so
 * canonical URLs, the sitemap and the brochures' QR codes point at the right place.
 */
export function publishedUnder<C extends { clinic: { siteUrl: string } }>(content: C, override?: string): { content: C; basePath: string } {
  const basePath = basePathOf(content.clinic.siteUrl, override);
  if (override === undefined) return { content, basePath };
  const siteUrl = `${new URL(content.clinic.siteUrl).origin}${basePath.replace(/\/$/, "")}`;
  return { content: { ...content, clinic: { ...content.clinic, siteUrl } }, basePath };
}

/** The name of a link-preview card: the procedure's slug, or `home` for a language's home and every other page. */
export const shareName = (slug?: string) => slug ?? "home";

/** The 1200 × 630 page photographed into a link-preview image, e.g. `/share/es/home/`. */
export const sharePageUrl = (lang: string, name: string) => `/share/${lang}/${name}/`;

/** That image, relative to `output/share` and to the site's `/share/`: `es/home.png`. */
export const shareImagePath = (lang: string, name: string) => `${lang}/${name}.png`;

/** The views manifest the site writes for the printer: every print and share view, see viewsManifest.ts. */
export const viewsManifestUrl = "/print/views.json";
