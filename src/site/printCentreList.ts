import type { BrochureFormat } from "../shared/formats.ts";

/** One published PDF as the print centre lists it. */
export interface PublishedBrochure {
  format: BrochureFormat;
  /** Path from the site root, e.g. `brochures/es/sclerotherapy.large.pdf`. */
  path: string;
  pages?: number;
  kilobytes: number;
}

export interface PrintCentreEntry {
  slug: string;
  lang: string;
  title: string;
  lastReviewed: string;
  brochures: PublishedBrochure[];
}

/** What the print centre lists: each procedure's brochures, and each language's booklet. */
export interface PrintCentreList {
  procedures: PrintCentreEntry[];
  booklets: Array<PublishedBrochure & { lang: string }>;
}
