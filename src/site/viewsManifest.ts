import type { Clinic } from "../content/clinicSchema.ts";
import type { Content } from "../content/load.ts";
import { guideFormats, paperOf } from "../shared/formats.ts";
import { shareImagePath } from "../shared/routes.ts";
import type { BrochureMetadata, PrintView, ViewsManifest } from "../shared/viewsManifest.ts";
import type { printViews } from "./printViews.ts";
import type { SiteView } from "./siteViews.ts";

/**
 * What the printer makes of this site: each guide's brochures in the formats its front matter
 * allows, each language's booklet, and the link-preview image of every share page the site renders
 * (so every `og:image` a page names is photographed).
 */
export function viewsManifest(content: Content, print: ReturnType<typeof printViews>, share: readonly SiteView[]): ViewsManifest {
  const { clinic } = content;
  const procedureViews = [...print.portrait, ...print.trifold, ...print.aftercare];
  const brochures: PrintView[] = procedureViews
    .filter((view) => view.procedure && guideFormats(view.procedure, [view.format]).length > 0)
    .map((view) => ({
      kind: "brochure",
      url: view.url,
      file: view.pdf,
      format: view.format,
      paper: paperOf(view.format, clinic.paper),
      lang: view.lang,
      slug: view.procedure!.slug,
      metadata: { ...procedureMetadata(view.procedure!, clinic), ...(view.format === "trifold" ? { flipOnShortEdge: true } : {}) },
    }));
  const booklets: PrintView[] = print.booklet
    .filter((view) => (view.procedures ?? []).length > 0)
    .map((view) => ({
      kind: "booklet",
      url: view.url,
      file: view.pdf,
      format: "booklet",
      paper: clinic.paper,
      lang: view.lang,
      metadata: {
        title: view.title,
        author: clinic.name,
        subject: view.description,
        keywords: [clinic.name, ...view.procedures!.map((procedure) => procedure.title)],
        lang: view.lang,
      },
    }));
  const images: PrintView[] = share.map((view) => ({ kind: "image", url: view.url, file: shareImagePath(view.lang, view.shareName!), lang: view.lang }));
  return { slugs: [...new Set(content.procedures.map((procedure) => procedure.slug))].sort(), views: [...brochures, ...booklets, ...images] };
}

/** A procedure's brochure metadata: title, the clinic as author, the summary as subject. */
function procedureMetadata(procedure: { title: string; summary: string; category: string; lang: string }, clinic: Clinic): BrochureMetadata {
  return {
    title: procedure.title,
    author: clinic.name,
    subject: procedure.summary,
    keywords: [procedure.title, procedure.category, clinic.name],
    lang: procedure.lang,
  };
}
