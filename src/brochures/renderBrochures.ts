import path from "node:path";
import type { Content, ProcedureSource } from "../content/load.ts";
import { BrochurePrinter } from "./printer.ts";
import { brochureMetadata, setPdfMetadata } from "./pdfMetadata.ts";
import { startSiteServer } from "./siteServer.ts";
import { writeFileAtomic } from "./writeAtomic.ts";

export interface RenderOptions {
  content: Content;
  /** The built site whose print views are printed. */
  siteDir: string;
  /** Where PDFs land: `<brochuresDir>/<slug>.pdf`. */
  brochuresDir: string;
  /** Only these procedures; all when omitted. */
  slugs?: string[];
  tabs?: number;
  timeoutMs?: number;
  onBrochure?: (result: BrochureResult, done: number, total: number) => void;
}

export type BrochureResult =
  | { slug: string; ok: true; file: string; bytes: number; seconds: number }
  | { slug: string; ok: false; error: string };

/** Prints every procedure's brochure through one browser and a loopback server over the built site. */
export async function renderBrochures(options: RenderOptions): Promise<BrochureResult[]> {
  const procedures = options.content.procedures.filter((p) => !options.slugs || options.slugs.includes(p.slug));
  const server = await startSiteServer(options.siteDir);
  const printer = new BrochurePrinter({ origin: server.origin, tabs: options.tabs, timeoutMs: options.timeoutMs });
  let done = 0;
  try {
    return await Promise.all(
      procedures.map(async (procedure) => {
        const result = await renderOne(procedure, options, printer, server.origin);
        options.onBrochure?.(result, ++done, procedures.length);
        return result;
      }),
    );
  } finally {
    await printer.close();
    await server.close();
  }
}

export const brochureFile = (brochuresDir: string, slug: string) => path.join(brochuresDir, `${slug}.pdf`);

async function renderOne(
  procedure: ProcedureSource,
  options: RenderOptions,
  printer: BrochurePrinter,
  origin: string,
): Promise<BrochureResult> {
  const started = performance.now();
  const file = brochureFile(options.brochuresDir, procedure.slug);
  try {
    const printed = await printer.print(`${origin}/print/${procedure.slug}/`);
    const pdf = await setPdfMetadata(printed, brochureMetadata(procedure, options.content.clinic));
    await writeFileAtomic(file, pdf);
    return { slug: procedure.slug, ok: true, file, bytes: pdf.byteLength, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { slug: procedure.slug, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
