import type { Content } from "../content/load.ts";
import { finishPdf } from "./finishPdf.ts";
import { brochureJobs, type BrochureJob, type JobOptions } from "./jobs.ts";
import { BrochurePrinter } from "./printer.ts";
import { shareImageJobs, type ShareImageJob } from "./shareImages.ts";
import { startSiteServer } from "./siteServer.ts";
import { writeFileAtomic } from "./writeAtomic.ts";

export interface RenderOptions extends JobOptions {
  content: Content;
  /** The built site whose print views are printed. */
  siteDir: string;
  /** Also photograph the link-preview images into the site (a full build does). */
  shareImages?: boolean;
  tabs?: number;
  timeoutMs?: number;
  onBrochure?: (result: BrochureResult, done: number, total: number) => void;
}

export type BrochureResult =
  | { name: string; ok: true; file: string; bytes: number; seconds: number }
  | { name: string; ok: false; error: string };

/** Prints the requested brochures through one browser and a loopback server over the built site. */
export async function renderBrochures(options: RenderOptions): Promise<BrochureResult[]> {
  const jobs: Array<BrochureJob | ShareImageJob> = [
    ...brochureJobs(options.content, options),
    ...(options.shareImages ? shareImageJobs(options.content, options.siteDir) : []),
  ];
  const server = await startSiteServer(options.siteDir);
  const printer = new BrochurePrinter({ origin: server.origin, tabs: options.tabs, timeoutMs: options.timeoutMs });
  let done = 0;
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        const result = await renderOne(job, printer, server.origin);
        options.onBrochure?.(result, ++done, jobs.length);
        return result;
      }),
    );
  } finally {
    await printer.close();
    await server.close();
  }
}

async function renderOne(job: BrochureJob | ShareImageJob, printer: BrochurePrinter, origin: string): Promise<BrochureResult> {
  const started = performance.now();
  try {
    const printed = await printer.print({ ...job, url: `${origin}${job.url}` });
    const pdf = "metadata" in job ? await finishPdf(printed, job.metadata, job.bleed) : printed;
    await writeFileAtomic(job.file, pdf);
    return { name: job.name, ok: true, file: job.file, bytes: pdf.byteLength, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { name: job.name, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
