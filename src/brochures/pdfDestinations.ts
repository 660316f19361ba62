/**
 * Where each link target of a printed PDF is: Chromium writes one named destination (the catalog's
 * `Dests`) per element a link points at, by its `id` as written in the link (percent-encoded: a
 * procedure's slug, the booklet's one use, is ASCII), tagged or not. Pages are 1-based.
 */
export async function destinationPages(pdf: Uint8Array): Promise<{ pages: Map<string, number>; pageCount: number }> {
  const { PDFArray, PDFDict, PDFName, loadPdf } = await import("../shared/pdfLib.ts");
  const document = await loadPdf(pdf);
  const pageRefs = document.getPages().map((page) => page.ref.toString());
  const destinations = document.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const pages = new Map<string, number>();
  for (const [name, value] of destinations?.entries() ?? []) {
    const destination = document.context.lookup(value);
    if (destination instanceof PDFArray) pages.set(name.decodeText(), pageRefs.indexOf(destination.get(0).toString()) + 1);
  }
  return { pages, pageCount: pageRefs.length };
}
