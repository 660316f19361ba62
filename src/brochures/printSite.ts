import { inShard, type Shard } from "../shared/shard.ts";
import type { ViewsManifest } from "../shared/viewsManifest.ts";
import { writeFileAtomic } from "../shared/writeAtomic.ts";
import { browserIdentity } from "./browserVersion.ts";
import { PrintManifest } from "./printManifest.ts";
import { printJobs, type JobOptions, type PrintJob } from "./printJobs.ts";
import { BrochurePrinter, type PrinterOptions } from "./printer.ts";
import { DoesNotFitError } from "./printPage.ts";
import { readViewsManifest } from "./readViewsManifest.ts";
import { startSiteServer } from "./siteServer.ts";

/** Bump when printing or post-processing changes in a way that changes the files: every file is made again. */
const printVersion =
  "pamphlet-render-3: preferCSSPageSize printBackground tagged outline; " +
  "pdf-lib metadata, outline titles, RoleMap, duplex; PDF/UA XMP, artifacts, link contents, figure groups as Div, list item bodies";

export interface PrintSiteOptions extends JobOptions {
  /** The built site whose print views are printed: its views manifest says what to make. */
  siteDir: string;
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
  | {
      name: string;
      ok: false;
      error: string /** The content does not fit the format's fixed layout (a tri-fold panel, text cut at a side). */;
      doesNotFit?: boolean;
    };

/**
 * Prints the requested brochures through one browser and a loopback server over the built site,
 * skipping every file whose inputs have not changed since it was made (see PrintManifest). What
 * there is to print comes from the site's views manifest, read through that server. Chromium is
 * only started when something needs printing.
 */
export async function printSite(options: PrintSiteOptions): Promise<{ results: BrochureResult[]; views: ViewsManifest }> {
  const basePath = options.basePath ?? "/";
  const server = await startSiteServer(options.siteDir, { basePath });
  try {
    const views = await readViewsManifest(`${server.origin}${basePath.slice(0, -1)}`);
    return { results: await printAll(options, views, server.origin), views };
  } finally {
    await server.close();
  }
}

async function printAll(options: PrintSiteOptions, views: ViewsManifest, origin: string): Promise<BrochureResult[]> {
  const jobs = printJobs(views, options).filter((job) => !options.shard || inShard(job.name, options.shard));
  const common = JSON.stringify({ printVersion, browser: browserIdentity() });
  const basePath = options.basePath ?? "/";
  const manifest = await PrintManifest.open(options.brochuresDir, options.siteDir, common, {
    fresh: options.force,
    basePath,
    siteFingerprint: options.siteFingerprint,
    shard: options.shard && `${options.shard.index}/${options.shard.count}`,
  });
  const printer = new BrochurePrinter({ ...options.pool, origin });
  let done = 0;
  try {
    const results = await Promise.all(
      jobs.map(async (job) => {
        const result = await printOne(job, printer, `${origin}${basePath.slice(0, -1)}`, manifest);
        options.onBrochure?.(result, ++done, jobs.length);
        return result;
      }),
    );
    await manifest.save();
    return results;
  } finally {
    await printer.close();
  }
}

async function printOne(job: PrintJob, printer: BrochurePrinter, origin: string, manifest: PrintManifest): Promise<BrochureResult> {
  const started = performance.now();
  const settings = { url: job.url, kind: job.kind, css: job.css, ...(job.metadata ? { metadata: job.metadata, bleed: job.bleed } : {}) };
  const made = (skipped: boolean, bytes: number) => ({
    name: job.name,
    ok: true as const,
    skipped,
    file: job.file,
    bytes,
    seconds: (performance.now() - started) / 1000,
  });
  try {
    if (await manifest.isFresh(job.name, settings, job.file)) return made(true, 0);
    // pdf-lib loads only when something is printed, while Chromium prints it.
    const finishing = import("./finishPdf.ts");
    finishing.catch(() => undefined); // awaited below; a print that fails first must not leave it unhandled
    const printed = await printer.print({ ...job, url: `${origin}${job.url}` });
    const { finishPdf } = await finishing;
    const { bytes, pages } = job.metadata
      ? await finishPdf(printed.bytes, job.metadata, { bleed: job.bleed, links: printed.links })
      : { bytes: printed.bytes, pages: undefined };
    await writeFileAtomic(job.file, bytes);
    await manifest.record(job.name, settings, printed.resources, { bytes: bytes.byteLength, pages });
    return made(false, bytes.byteLength);
  } catch (error) {
    return { name: job.name, ok: false, error: error instanceof Error ? error.message : String(error), doesNotFit: error instanceof DoesNotFitError };
  }
}
