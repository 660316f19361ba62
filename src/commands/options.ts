import path from "node:path";
import { clinicFormats, type BrochureFormat } from "../shared/formats.ts";
import type { Shard } from "../shared/shard.ts";
import type { Clinic } from "../content/clinicSchema.ts";

/** Folders every command works with; `--content` and `--out` let a clinic keep content elsewhere. */
export interface Folders {
  contentDir: string;
  /** Whether `--content` was given; if not, `brochures` and `pack` read the content the site was built from. */
  contentGiven?: boolean;
  outDir: string;
  /** `--base-path`: the folder the site is published under, overriding the path of clinic.yaml's siteUrl. */
  basePath?: string;
}

export const siteDirOf = (folders: Folders) => path.join(folders.outDir, "site");
export const brochuresDirOf = (folders: Folders) => path.join(folders.outDir, "brochures");
export const shareDirOf = (folders: Folders) => path.join(folders.outDir, "share");
/** Where `--bleed` PDFs go: crop marks are for the print shop, so these are never published on the site. */
export const printShopDirOf = (folders: Folders) => path.join(folders.outDir, "print-shop");

/** What to print: `--formats` (else clinic.yaml's `brochureFormats`, else the clinic's paper), `--bleed`, `--shard`, `--force`. */
export interface BrochureChoice {
  formats?: BrochureFormat[];
  bleed?: boolean;
  shard?: Shard;
  force?: boolean;
}

export const formatsFor = (choice: BrochureChoice, clinic: Clinic): BrochureFormat[] => choice.formats ?? [...clinicFormats(clinic)];
