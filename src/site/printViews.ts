import { localize, type Clinic } from "../content/clinicSchema.ts";
import type { Content, ProcedureSource } from "../content/load.ts";
import { splitSections, type SectionKey } from "../content/sections.ts";
import { withoutPicturesAlone } from "../content/markdown.ts";
import { brochureFormats, guideFormats, paperOf, portraitFormats, type BrochureFormat } from "../shared/formats.ts";
import { bookletPath, bookletPrintUrl, brochurePath, printUrl } from "../shared/routes.ts";

/** One print view page: what the brochure layout needs to know about it. */
export interface PrintView {
  url: string;
  format: BrochureFormat;
  lang: string;
  /** The PDF printed from this view, relative to `/brochures/`. */
  pdf: string;
  title: string;
  description: string;
  procedure?: ProcedureSource;
  /** The booklet's procedures. */
  procedures?: ProcedureSource[];
  /** The tri-fold's inside panels: these sections' Markdown, in order. */
  panelMarkdown?: string;
  /** Those sections' headings as the guide writes them, to name what to shorten when they do not fit. */
  panelHeadings?: string;
  /**
   * The tri-fold's inside: every section it may carry, in the guide's order. The required ones
   * always print; each `optional` one (its number its priority, 1 first) prints when it still fits.
   */
  panelSections?: Array<{ markdown: string; optional?: number }>;
}

/**
 * A tri-fold holds about a quarter of a full guide, so it carries what a patient must have on paper
 * (what it is, risks, when to call) and points to the full guide online through the QR code.
 */
const trifoldSections: readonly SectionKey[] = ["whatItIs", "risks", "whenToCall"];

/**
 * The sections a tri-fold carries besides those when there is room, first to last: what to do
 * after and before the treatment matters most once the patient is home; then what happens during
 * it, who it helps and the results. The printer adds each in turn while the inside still fits.
 */
const trifoldExtraSections: readonly SectionKey[] = ["after", "before", "during", "whoItHelps", "results"];

/** The aftercare sheet: what a nurse hands over after treatment, on one page. */
const aftercareSections: readonly SectionKey[] = ["after", "whenToCall"];

/** "A, B, or C" for the build's messages, which are in English (the headings stay in the guide's language). */
const eitherOf = new Intl.ListFormat("en", { type: "disjunction" });

export function printViews({ clinic, procedures }: Content, bookletTitle: (lang: string) => string) {
  const portrait = procedures.flatMap((procedure) => portraitFormats.map((format) => view(procedure, format, clinic)));
  const sectionsView = (procedure: ProcedureSource, format: "trifold" | "aftercare", keys: readonly SectionKey[]) => {
    const sections = splitSections(procedure.body, procedure.lang).filter((section) => section.key && keys.includes(section.key));
    return {
      ...view(procedure, format, clinic),
      panelMarkdown: sections.map((section) => withoutPicturesAlone(section.markdown)).join("\n"),
      panelHeadings: eitherOf.format(sections.map((section) => `"${section.heading}"`)),
    };
  };
  const trifold = procedures.map((procedure) => ({
    ...sectionsView(procedure, "trifold", trifoldSections),
    panelSections: splitSections(procedure.body, procedure.lang)
      .filter((section) => section.key && (trifoldSections.includes(section.key) || trifoldExtraSections.includes(section.key)))
      .map((section) => ({
        markdown: withoutPicturesAlone(section.markdown),
        ...(trifoldSections.includes(section.key!) ? {} : { optional: trifoldExtraSections.indexOf(section.key!) + 1 }),
      })),
  }));
  const aftercare = procedures.map((procedure) => sectionsView(procedure, "aftercare", aftercareSections));
  const languages = [...new Set(procedures.map((procedure) => procedure.lang))];
  const booklet = languages.map((lang) => ({
    url: bookletPrintUrl(lang, clinic),
    format: "booklet" as const,
    pdf: bookletPath(lang, clinic),
    lang,
    title: bookletTitle(lang),
    description: localize(clinic.tagline, lang, clinic.defaultLanguage) || clinic.name,
    procedures: procedures.filter((procedure) => procedure.lang === lang && guideFormats(procedure, ["booklet"]).length > 0),
  }));
  return { portrait, trifold, aftercare, booklet };
}

function view(procedure: ProcedureSource, format: "letter" | "a4" | "large" | "trifold" | "aftercare", clinic: Clinic): PrintView {
  return {
    url: printUrl(procedure.slug, procedure.lang, format, clinic),
    format,
    pdf: brochurePath(procedure.slug, procedure.lang, format, clinic),
    lang: procedure.lang,
    title: procedure.title,
    description: procedure.summary,
    procedure,
  };
}

/** One stylesheet per format and language: its `@page` size, margins and running footer words. */
export interface PageStyle {
  url: string;
  format: BrochureFormat;
  lang: string;
  size: string;
}

export function pageStyles(clinic: Clinic, languages: string[]): PageStyle[] {
  return brochureFormats.flatMap((format) =>
    languages.map((lang) => ({
      url: `/css/page/${format}.${lang}.css`,
      format,
      lang,
      size: `${paperOf(format, clinic.paper)}${format === "trifold" ? " landscape" : ""}`,
    })),
  );
}
