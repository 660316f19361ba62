import type http from "node:http";
import type { Content } from "../content/load.ts";
import { brochureFormats } from "../shared/formats.ts";
import { finishPdf } from "../brochures/finishPdf.ts";
import { printJobs } from "../brochures/printJobs.ts";
import { BrochurePrinter } from "../brochures/printer.ts";
import { readViewsManifest } from "../brochures/readViewsManifest.ts";

/**
 * `/brochures/<slug>[.<format>].pdf` and `/brochures/booklet.pdf` in the dev server: the real PDF,
 * printed on demand from the preview's own views manifest through the same printer and jobs as the build, so a
 * writer can open it from the page.
 */
export function devBrochureRoute(currentContent: () => Content | undefined, contentProblems: () => string | undefined) {
  let origin = "";
  let printer: BrochurePrinter | undefined;
  return {
    setOrigin(value: string) {
      origin = value;
    },
    async handle(url: URL, response: http.ServerResponse): Promise<boolean> {
      const content = currentContent();
      if (!content || !url.pathname.startsWith("/brochures/")) return false;
      const jobs = printJobs(await readViewsManifest(origin), { formats: brochureFormats, brochuresDir: "/brochures" });
      const job = jobs.find((candidate) => `/brochures/${candidate.name}` === url.pathname);
      if (!job) return false;
      // The last good content would print a brochure without the writer's latest edit: say why not.
      const problems = contentProblems();
      if (problems) {
        response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        response.end(`${job.name} is not printed while the content has a problem: fix it and save, then reload.\n\n${problems}`);
        return true;
      }
      // Uncached: it prints many times between the writer's saves, and a replaced picture must print as it is now.
      printer ??= new BrochurePrinter({ origin, tabs: 1, uncached: true });
      try {
        const printed = await printer.print({ ...job, url: `${origin}${job.url}` });
        const { bytes: pdf } = await finishPdf(printed.bytes, job.metadata!, { links: printed.links });
        response.writeHead(200, { "content-type": "application/pdf", "content-length": pdf.byteLength, "cache-control": "no-store" });
        response.end(pdf);
      } catch (error) {
        // Said in the terminal too: the preview shows it, but a writer may only be watching the terminal.
        const message = `Could not print ${job.name}: ${error instanceof Error ? error.message : String(error)}`;
        console.error(message);
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end(message);
      }
      return true;
    },
    async close() {
      await printer?.close();
    },
  };
}
