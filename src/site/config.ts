import "./eleventyEnvironment.ts";
import path from "node:path";
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { brochureFormats, portraitFormats, type BrochureFormat } from "../shared/formats.ts";
import type { Content } from "../content/load.ts";
import { findBrandFont } from "../content/brandFont.ts";
import { assetsPlugin } from "./assets.ts";
import { clinicStyleFiles, mergedTemplatesDir, templatesFor } from "./clinicOverrides.ts";
import "./eleventyPathFix.ts";
import { filtersPlugin } from "./filters/index.ts";
import { logoImage, packLogoPlugin } from "./logoImage.ts";
import { nunjucksCompileOnce } from "./nunjucksCompileOnce.ts";
import { packCovers } from "./packCovers.ts";
import { pagesPlugin } from "./pages.ts";
import type { PrintCentreList } from "./printCentreList.ts";
import { qrCodeSvg } from "./qrCode.ts";
import type { PrintViewReuse } from "./printViewReuse.ts";
import { pageStyles, printViews } from "./printViews.ts";
import { headersFile, metaContentSecurityPolicy } from "./securityHeaders.ts";
import { adminContentSecurityPolicy, editorOrigins } from "../editor/adminFiles.ts";
import { responsiveImagesPlugin } from "./responsiveImages.ts";
import { siteViews } from "./siteViews.ts";
import { viewsManifest } from "./viewsManifest.ts";
import { loadStrings } from "../shared/strings.ts";

export interface SiteOptions {
  /** Validated content: the site is built only from content that passed the schema. */
  content: Content;
  /** The content folder the content was read from (Eleventy's input). */
  contentDir: string;
  /** Adds the live-reload client to every page. */
  dev?: boolean;
  /** The folder the site is published under, e.g. `/clinic/` (default `/`): every root-relative URL gets it. */
  basePath?: string;
  /** Render only the print centre pages, listing these brochures (they exist only after printing). */
  printCentreList?: PrintCentreList;
  /** The brochure formats printed with this site, which its pages link to (default: all, as the dev server prints any on demand). */
  formats?: readonly BrochureFormat[];
  /** Print views whose sources are unchanged are not rendered again, but carried over from the site in place. */
  printViewReuse?: PrintViewReuse;
}

/**
 * Pamphlet's Eleventy configuration: a short list of plugins and the validated content as global data.
 * `imageCacheDir` keeps the web copies of content images from one build to the next.
 */
export function pamphletSite({
  content,
  contentDir,
  dev = false,
  basePath = "/",
  printCentreList,
  formats = brochureFormats,
  printViewReuse,
  imageCacheDir,
}: SiteOptions & { imageCacheDir: string }) {
  return (eleventyConfig: UserConfig) => {
    const fromInput = (dir: string) => path.relative(contentDir, dir) || ".";
    // The clinic's own templates/ laid over Pamphlet's, when it has one; kept beside the image cache.
    const templates = templatesFor(contentDir, mergedTemplatesDir(imageCacheDir));
    eleventyConfig.setIncludesDirectory(fromInput(templates));
    eleventyConfig.setLayoutsDirectory(fromInput(path.join(templates, "layouts")));
    // Procedures are read and validated by src/content and rendered by our Markdown renderer, so
    // Eleventy renders only Pamphlet's own Nunjucks pages: Markdown never passes through a template engine.
    eleventyConfig.setTemplateFormats(["njk"]);
    // The content folder is data, never code, whoever edits it: no file in it is a template (a stray
    // .njk could run code, or write anywhere through its permalink), and Eleventy's data files
    // (_data/*.js, *.11tydata.js, <template>.json) are not read: clinic.yaml is loaded by src/content.
    eleventyConfig.ignores.add(`${path.relative(process.cwd(), contentDir) || "."}/**`);
    eleventyConfig.setDataDirectory(fromInput(path.join(templates, "no-data-files")));
    // (Eleventy 3.1 has setDataFileSuffixes but its type declarations leave it out.)
    (eleventyConfig as UserConfig & { setDataFileSuffixes(suffixes: string[]): void }).setDataFileSuffixes([]);
    eleventyConfig.setUseGitIgnore(false);
    eleventyConfig.setQuietMode(true);

    const clinicStyles = clinicStyleFiles(contentDir);
    const brand = content.clinic.font ? findBrandFont(content.clinic.font, contentDir) : undefined;
    const brandFont = brand && !("problem" in brand) ? brand : undefined;
    eleventyConfig.addGlobalData(
      "brandFont",
      brandFont
        ? { family: brandFont.family, faces: brandFont.faces.map((face) => ({ ...face, url: `/fonts/brand/${path.basename(face.file)}` })) }
        : undefined,
    );
    const strings = loadStrings(content.wording, content.clinic.locales);
    const allViews = siteViews(content, strings);
    eleventyConfig.addGlobalData("clinic", content.clinic);
    eleventyConfig.addGlobalData("logoImage", () => logoImage(contentDir, content.clinic.logo));
    eleventyConfig.addGlobalData("strings", strings);
    const print = printViews(content, (lang) => strings[lang]?.booklet.title ?? content.clinic.name);
    // The procedure pages and share cards to render; every list, map and link still knows every page.
    const planned = printViewReuse?.plan(print, content, { formats, dev }, { procedures: allViews.procedures, share: allViews.share });
    const views = { ...allViews, rendered: planned?.site ?? { procedures: allViews.procedures, share: allViews.share } };
    eleventyConfig.addGlobalData("views", views);
    eleventyConfig.addGlobalData("printViews", planned?.print ?? print);
    eleventyConfig.addGlobalData("viewsManifest", viewsManifest(content, print, views.share));
    eleventyConfig.addGlobalData("pageStyles", pageStyles(content.clinic, views.languages));
    eleventyConfig.addGlobalData("dev", dev);
    eleventyConfig.addGlobalData("clinicStyles", { site: Boolean(clinicStyles.site), brochure: Boolean(clinicStyles.brochure) });
    eleventyConfig.addGlobalData("builtFormats", formats);
    eleventyConfig.addGlobalData("portraitFormats", portraitFormats);
    eleventyConfig.addGlobalData("basePath", basePath);
    eleventyConfig.addGlobalData("printCentre", printCentreList?.procedures ?? []);
    eleventyConfig.addGlobalData("printCentreBooklets", printCentreList?.booklets ?? []);
    eleventyConfig.addGlobalData("printCentreFormats", [
      ...new Set((printCentreList?.procedures ?? []).flatMap((entry) => entry.brochures.map((brochure) => brochure.format))),
    ]);
    eleventyConfig.addGlobalData("packCovers", packCovers(content.clinic, strings));
    eleventyConfig.addGlobalData("security", {
      csp: metaContentSecurityPolicy,
      headers: headersFile(
        basePath,
        views.languages.filter((lang) => lang !== content.clinic.defaultLanguage),
        !dev && content.clinic.editor ? adminContentSecurityPolicy(editorOrigins(content.clinic)) : undefined,
      ),
    });

    eleventyConfig.addPlugin(nunjucksCompileOnce);
    eleventyConfig.addPlugin(filtersPlugin, { clinic: content.clinic });
    // The dev server makes no share images, so their views would be rendered on every save for nothing.
    const except = printCentreList ? [] : ["print-centre.njk", ...(dev ? ["share.njk"] : [])];
    eleventyConfig.addPlugin(pagesPlugin, { only: printCentreList ? ["print-centre.njk"] : undefined, except });
    if (!printCentreList) eleventyConfig.addPlugin(packLogoPlugin, { contentDir, logo: content.clinic.logo, cacheDir: imageCacheDir });
    if (!printCentreList)
      eleventyConfig.addPlugin(assetsPlugin, {
        contentDir,
        cacheDir: imageCacheDir,
        clinicStyles,
        brandFonts: brandFont?.faces.map((face) => face.file) ?? [],
      });
    eleventyConfig.addPlugin(responsiveImagesPlugin, { contentDir, cacheDir: imageCacheDir, basePath });
    eleventyConfig.addAsyncShortcode("qrCode", qrCodeSvg);
    // Templates write root-relative URLs (/css/…); published under a sub-path, they get the prefix.
    eleventyConfig.addPlugin(HtmlBasePlugin);
  };
}
