import path from "node:path";
import type { BrochureFormat } from "../shared/formats.ts";
import type { BrochureMetadata, PrintView, ViewsManifest } from "../shared/viewsManifest.ts";
import { bleedMm, type BleedPlacement } from "./bleed.ts";
import type { PrintRequest } from "./printer.ts";

/** One file to make: where to print it from, where it goes, and for a PDF what its metadata says. */
export interface PrintJob extends PrintRequest {
  /** Its name in reports and in the print manifest: `sclerotherapy.trifold.pdf`, `es/booklet.pdf`, `share/es/home.png`. */
  name: string;
  file: string;
  metadata?: BrochureMetadata;
  bleed?: BleedPlacement;
}

export interface JobOptions {
  formats: readonly BrochureFormat[];
  /** Only these procedures (the booklet always holds every procedure). */
  slugs?: readonly string[];
  brochuresDir: string;
  /** Also photograph the link-preview images into this folder (a full build does). */
  shareDir?: string;
  bleed?: boolean;
}

/** Landscape sheet sizes in millimetres, for the tri-fold printed with its bleed. */
const landscapeMm = { letter: [279.4, 215.9], a4: [297, 210] } as const;

/** The views manifest's views this run prints, as jobs for the printer. */
export function printJobs(manifest: ViewsManifest, options: JobOptions): PrintJob[] {
  return manifest.views.filter((view) => wanted(view, options)).map((view) => job(view, options));
}

function wanted(view: PrintView, options: JobOptions): boolean {
  if (view.kind === "image") return options.shareDir !== undefined;
  if (!options.formats.includes(view.format)) return false;
  return view.kind === "booklet" || !options.slugs || options.slugs.includes(view.slug!);
}

function job(view: PrintView, options: JobOptions): PrintJob {
  if (view.kind === "image") return { name: `share/${view.file}`, file: path.join(options.shareDir!, view.file), url: view.url, kind: "image" };
  const trifoldBleed = options.bleed && view.format === "trifold";
  const [width, height] = landscapeMm[view.paper];
  return {
    name: view.file,
    file: path.join(options.brochuresDir, view.file),
    url: view.url,
    kind: view.kind === "booklet" ? "booklet" : undefined,
    metadata: view.metadata,
    // Same selector as brochure.css's `--bleed: 0mm`, and later in the page, so it wins.
    css: trifoldBleed ? `@page { size: ${width + 2 * bleedMm}mm ${height + 2 * bleedMm}mm; } html.format-trifold { --bleed: ${bleedMm}mm; }` : undefined,
    bleed: options.bleed ? (trifoldBleed ? "included" : "around") : undefined,
  };
}
