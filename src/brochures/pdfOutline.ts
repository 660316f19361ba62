import type { PDFDict as PDFDictType } from "pdf-lib";

export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark points at. */
  page: number;
}

/** The top-level bookmarks Chromium made from the document's `h1` headings, with their pages; and the page count. */
export async function topLevelOutline(pdf: Uint8Array): Promise<{ outline: OutlineEntry[]; pageCount: number }> {
  const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = await import("pdf-lib");
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageRefs = document.getPages().map((page) => page.ref.toString());
  const outlines = document.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const entries: OutlineEntry[] = [];
  for (let item: PDFDictType | undefined = outlines?.lookupMaybe(PDFName.of("First"), PDFDict); item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
    const title = item.lookup(PDFName.of("Title"));
    const destination = item.lookupMaybe(PDFName.of("Dest"), PDFArray);
    const page = destination ? pageRefs.indexOf(destination.get(0).toString()) + 1 : 0;
    entries.push({ title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "", page });
  }
  return { outline: entries, pageCount: pageRefs.length };
}
