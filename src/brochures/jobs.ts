import path from "node:path";
import { localize } from "../content/clinicSchema.ts";
import type { Content } from "../content/load.ts";
import { loadStrings } from "../site/strings.ts";
import { bookletPath, bookletPrintUrl, brochurePath, printUrl } from "../site/urls.ts";
import { bleedMm, type BleedPlacement } from "./bleed.ts";
import { brochureMetadata, type BrochureMetadata } from "./metadata.ts";
import { guideFormats, paperOf, procedureFormats, type BrochureFormat } from "./formats.ts";
import type { PrintRequest } from "./printer.ts";

/** One PDF to make: where to print it from, where it goes, what its metadata says. */
export interface BrochureJob extends PrintRequest {
  /** Path under the brochures folder, e.g. `sclerotherapy.trifold.pdf` or `es/booklet.pdf`; also its name in reports. */
  name: string;
  file: string;
  slug?: string;
  metadata: BrochureMetadata;
  bleed?: BleedPlacement;
}

export interface JobOptions {
  formats: readonly BrochureFormat[];
  /** Only these procedures (the booklet always holds every procedure). */
  slugs?: readonly string[];
  brochuresDir: string;
  bleed?: boolean;
}

/** Landscape sheet sizes in millimetres, for the tri-fold printed with its bleed. */
const landscapeMm = { letter: [279.4, 215.9], a4: [297, 210] } as const;

export function brochureJobs(content: Content, options: JobOptions): BrochureJob[] {
  const { clinic } = content;
  const formats = procedureFormats.filter((format) => options.formats.includes(format));
  const jobs: BrochureJob[] = content.procedures
    .filter((procedure) => !options.slugs || options.slugs.includes(procedure.slug))
    .flatMap((procedure) =>
      guideFormats(procedure, formats).map((format) => {
        const name = brochurePath(procedure.slug, procedure.lang, format, clinic);
        const trifoldBleed = options.bleed && format === "trifold";
        const [width, height] = landscapeMm[paperOf(format, clinic.paper)];
        return {
          name,
          file: path.join(options.brochuresDir, name),
          slug: procedure.slug,
          url: printUrl(procedure.slug, procedure.lang, format, clinic),
          metadata: { ...brochureMetadata(procedure, clinic), ...(format === "trifold" ? { flipOnShortEdge: true } : {}) },
          // Same selector as brochure.css's `--bleed: 0mm`, and later in the page, so it wins.
          css: trifoldBleed ? `@page { size: ${width + 2 * bleedMm}mm ${height + 2 * bleedMm}mm; } html.format-trifold { --bleed: ${bleedMm}mm; }` : undefined,
          bleed: options.bleed ? (trifoldBleed ? "included" : "around") : undefined,
        } satisfies BrochureJob;
      }),
    );
  if (options.formats.includes("booklet")) {
    const strings = loadStrings(content.wording, content.clinic.locales);
    for (const lang of new Set(content.procedures.map((procedure) => procedure.lang))) {
      const name = bookletPath(lang, clinic);
      const procedures = content.procedures.filter((procedure) => procedure.lang === lang && guideFormats(procedure, ["booklet"]).length > 0);
      if (procedures.length === 0) continue;
      jobs.push({
        name,
        file: path.join(options.brochuresDir, name),
        url: bookletPrintUrl(lang, clinic),
        kind: "booklet",
        metadata: {
          title: strings[lang]?.booklet.title ?? clinic.name,
          author: clinic.name,
          subject: localize(clinic.tagline, lang, clinic.defaultLanguage) || clinic.name,
          keywords: [clinic.name, ...procedures.map((procedure) => procedure.title)],
          lang,
        },
        bleed: options.bleed ? "around" : undefined,
      });
    }
  }
  return jobs;
}
