import type { Content } from "../content/load.ts";
import { browserIdentity } from "./browserVersion.ts";
import { brochureJobs, type BrochureJob, type JobOptions } from "./jobs.ts";
import { RenderManifest } from "./manifest.ts";
import { BrochurePrinter, type PrinterOptions } from "./printer.ts";
import { DoesNotFitError } from "./printPage.ts";
import { inShard, type Shard } from "./shard.ts";
import { shareImageJobs, type ShareImageJob } from "./shareImages.ts";
import { startSiteServer } from "./siteServer.ts";
import { writeFileAtomic } from "./writeAtomic.ts";

/** Bump when printing or post-processing changes in a way that changes the files: every file is made again. */
const renderVersion = "pamphlet-render-3: preferCSSPageSize printBackground tagged outline; pdf-lib metadata, outline titles, RoleMap, duplex; PDF/UA XMP, artifacts, link contents";

export interface RenderOptions extends JobOptions {
  content: Content;
  /** The built site whose print views are printed. */
  siteDir: string;
  /** Also photograph the link-preview images into this folder (a full build does). */
  shareDir?: string;
  /** Only this share of the files (`--shard i/n`), for splitting a run across machines. */
  shard?: Shard;
  /** Make every file even when the manifest says it is up to date (`--force`). */
  force?: boolean;
  /** The folder the site is published under (`/clinic/`): its pages link to files there. */
  basePath?: string;
  /** Fingerprint of the inputs the site was just built from (or found unchanged against) by `build`. */
  siteFingerprint?: string;
  /** The pool's settings (tabs, reuse, wait, timeouts); the defaults are what `npm run bench` measured best. */
  pool?: Omit<PrinterOptions, "origin">;
  onBrochure?: (result: BrochureResult, done: number, total: number) => void;
}

export type BrochureResult =
  | { name: string; ok: true; skipped: boolean; file: string; bytes: number; seconds: number }
  | { name: string; ok: false; error: string; /** The content does not fit the format's fixed layout (a tri-fold panel, text cut at a side). */ doesNotFit?: boolean };

/**
 * Prints the requested brochures through one browser and a loopback server over the built site,
 * skipping every file whose inputs have not changed since it was made (see RenderManifest).
 * Chromium is only started when something needs printing.
 */
export async function renderBrochures(options: RenderOptions): Promise<BrochureResult[]> {
  const jobs = [
    ...brochureJobs(options.content, options),
    ...(options.shareDir ? shareImageJobs(options.content, options.shareDir) : []),
  ].filter((job) => !options.shard || inShard(job.name, options.shard));
  const common = JSON.stringify({ renderVersion, browser: browserIdentity(), clinic: options.content.clinic });
  const basePath = options.basePath ?? "/";
  const manifest = await RenderManifest.open(options.brochuresDir, options.siteDir, common, {
    fresh: options.force,
    basePath,
    siteFingerprint: options.siteFingerprint,
    shard: options.shard && `${options.shard.index}/${options.shard.count}`,
  });
  const server = await startSiteServer(options.siteDir, { basePath });
  const printer = new BrochurePrinter({ ...options.pool, origin: server.origin });
  let done = 0;
  try {
    const results = await Promise.all(
      jobs.map(async (job) => {
        const result = await renderOne(job, printer, `${server.origin}${basePath.slice(0, -1)}`, manifest);
        options.onBrochure?.(result, ++done, jobs.length);
        return result;
      }),
    );
    await manifest.save();
    return results;
  } finally {
    await printer.close();
    await server.close();
  }
}

async function renderOne(job: BrochureJob | ShareImageJob, printer: BrochurePrinter, origin: string, manifest: RenderManifest): Promise<BrochureResult> {
  const started = performance.now();
  const settings = { url: job.url, kind: job.kind, css: job.css, ...("metadata" in job ? { metadata: job.metadata, bleed: job.bleed } : {}) };
  const made = (skipped: boolean, bytes: number) => ({ name: job.name, ok: true as const, skipped, file: job.file, bytes, seconds: (performance.now() - started) / 1000 });
  try {
    if (await manifest.isFresh(job.name, settings, job.file)) return made(true, 0);
    const printed = await printer.print({ ...job, url: `${origin}${job.url}` });
    const { finishPdf } = await import("./finishPdf.ts"); // pdf-lib loads only when something is printed
    const { bytes, pages } = "metadata" in job ? await finishPdf(printed.bytes, job.metadata, job.bleed) : { bytes: printed.bytes, pages: undefined };
    await writeFileAtomic(job.file, bytes);
    await manifest.record(job.name, settings, printed.resources, { bytes: bytes.byteLength, pages });
    return made(false, bytes.byteLength);
  } catch (error) {
    return { name: job.name, ok: false, error: error instanceof Error ? error.message : String(error), doesNotFit: error instanceof DoesNotFitError };
  }
}
