import type http from "node:http";
import type { Content } from "../content/load.ts";
import { BrochurePrinter } from "../brochures/printer.ts";
import { brochureMetadata, setPdfMetadata } from "../brochures/pdfMetadata.ts";

/**
 * `/brochures/<slug>.pdf` in the dev server: the real PDF, printed on demand from the current
 * content through the same printer as the build, so a writer can open it from the page.
 */
export function devBrochureRoute(currentContent: () => Content | undefined) {
  let origin = "";
  let printer: BrochurePrinter | undefined;
  return {
    setOrigin(value: string) {
      origin = value;
    },
    async handle(url: URL, response: http.ServerResponse): Promise<boolean> {
      const match = /^\/brochures\/([a-z0-9-]+)\.pdf$/.exec(url.pathname);
      const content = currentContent();
      const procedure = content?.procedures.find((candidate) => candidate.slug === match?.[1]);
      if (!match || !content || !procedure) return false;
      printer ??= new BrochurePrinter({ origin, tabs: 1 });
      try {
        const printed = await printer.print(`${origin}/print/${procedure.slug}/`);
        const pdf = await setPdfMetadata(printed, brochureMetadata(procedure, content.clinic));
        response.writeHead(200, { "content-type": "application/pdf", "content-length": pdf.byteLength, "cache-control": "no-store" });
        response.end(pdf);
      } catch (error) {
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end(`Could not print ${procedure.slug}.pdf: ${error instanceof Error ? error.message : String(error)}`);
      }
      return true;
    },
    async close() {
      await printer?.close();
    },
  };
}
