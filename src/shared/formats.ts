/**
 * Brochure formats, all printed from the same content:
 * - `letter`, `a4`: portrait pages on that paper;
 * - `large`: large-print edition on the clinic's paper (body 14 pt and up);
 * - `trifold`: one landscape sheet, two sides, six panels;
 * - `aftercare`: one page a nurse hands over after treatment (aftercare, when to call, contact);
 * - `booklet`: every procedure of a language in one PDF, with cover and contents.
 */
export const brochureFormats = ["letter", "a4", "large", "trifold", "aftercare", "booklet"] as const;
export type BrochureFormat = (typeof brochureFormats)[number];
export const papers = ["letter", "a4"] as const;
export type Paper = (typeof papers)[number];

/** The formats printed as portrait pages of a whole guide: one print view each. */
export const portraitFormats = ["letter", "a4", "large"] as const satisfies readonly BrochureFormat[];

/** Formats printed once per procedure (the booklet is one per language). */
export const procedureFormats = ["letter", "a4", "large", "trifold", "aftercare"] as const satisfies readonly BrochureFormat[];
export type ProcedureFormat = (typeof procedureFormats)[number];

/** The brochures a build prints unless told otherwise: clinic.yaml's `brochureFormats`, else the clinic's paper. */
export const clinicFormats = (clinic: { brochureFormats?: readonly BrochureFormat[]; paper: Paper }): readonly BrochureFormat[] =>
  clinic.brochureFormats ?? [clinic.paper];

/** The paper that is not the clinic's: letter for an a4 clinic, a4 for a letter one. */
export const otherPaper = (paper: Paper): Paper => (paper === "letter" ? "a4" : "letter");

/** The paper a format prints on: its own for letter and a4, the clinic's for the others. */
export const paperOf = (format: BrochureFormat, clinicPaper: Paper): Paper => (format === "letter" || format === "a4" ? format : clinicPaper);

/** `<slug>.pdf` for the clinic's own paper, `<slug>.<format>.pdf` for the other formats. */
export const brochureFileName = (slug: string, format: ProcedureFormat, clinicPaper: Paper) =>
  format === clinicPaper ? `${slug}.pdf` : `${slug}.${format}.pdf`;

export const bookletFileName = "booklet.pdf";

/** The formats a build makes of one guide: the build's, less those its front matter `formats:` leaves out. */
export const guideFormats = <F extends BrochureFormat>(procedure: { formats?: readonly BrochureFormat[] }, formats: readonly F[]): F[] =>
  formats.filter((format) => !procedure.formats || procedure.formats.includes(format));
