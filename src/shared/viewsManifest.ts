import type { BrochureFormat, Paper } from "./formats.ts";

/**
 * The boundary between the site and the printer: the site writes `print/views.json` (see
 * routes.ts `viewsManifestUrl`) listing every view to print or photograph, and the printer reads it
 * through the loopback server, never the site's or the content's code (as vivliostyle-cli's PDF
 * stage reads the publication manifest its compile stage wrote).
 */
export interface ViewsManifest {
  /** Every procedure's slug, in any language: made files of other slugs are stale and removed. */
  slugs: string[];
  views: PrintView[];
}

/** One file to make from one page of the built site. */
export type PrintView = BrochureView | ShareView;

export interface BrochureView {
  kind: "brochure" | "booklet";
  /** The print view's URL from the site's root (without the base path), e.g. `/print/sclerotherapy/trifold/`. */
  url: string;
  /** The PDF, relative to `output/brochures` and to the site's `/brochures/`: `es/sclerotherapy.trifold.pdf`. */
  file: string;
  format: BrochureFormat;
  paper: Paper;
  lang: string;
  /** The procedure; none for a booklet. */
  slug?: string;
  metadata: BrochureMetadata;
}

/** A link-preview image (1200 × 630) photographed from a `/share/…` page. */
export interface ShareView {
  kind: "image";
  url: string;
  /** The PNG, relative to `output/share` and to the site's `/share/`: `es/home.png`. */
  file: string;
  lang: string;
}

export interface BrochureMetadata {
  title: string;
  /** The clinic. */
  author: string;
  /** The procedure's one-line summary. */
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. `en`. */
  lang: string;
  /** Printed double-sided, the sheet turns over its short edge (the tri-fold); otherwise its long edge. */
  flipOnShortEdge?: boolean;
}
