import { Duplex, loadPdf, savePdf } from "../shared/pdfLib.ts";
import { addBleedAndCropMarks, type BleedPlacement } from "./bleed.ts";
import { repairChromiumPdf } from "./chromiumPdfRepairs.ts";
import { makePdfUa } from "./pdfUa.ts";
import type { BrochureMetadata } from "../shared/viewsManifest.ts";

/**
 * Sets the document information Chromium leaves wrong or empty (it writes its full user agent as
 * Creator, and no author, subject or keywords), repairs its bookmarks and structure types, adds
 * what PDF/UA asks for (XMP, artifacts, link descriptions: pdfUa.ts, from the page's `links` names),
 * tells the print dialog which edge to flip on (the tri-fold's short edge), adds bleed and crop marks
 * when asked, and proves the bytes parse as a PDF.
 */
export async function finishPdf(
  pdf: Uint8Array,
  metadata: BrochureMetadata,
  { bleed, links = {} }: { bleed?: BleedPlacement; links?: Record<string, string> } = {},
): Promise<{ bytes: Uint8Array; pages: number }> {
  const document = await loadPdf(pdf);
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords([metadata.keywords.join(", ")]);
  document.setLanguage(metadata.lang);
  document.setCreator("Pamphlet");
  document.setProducer("Pamphlet");
  repairChromiumPdf(document);
  makePdfUa(document, metadata, links);
  document.catalog.getOrCreateViewerPreferences().setDuplex(metadata.flipOnShortEdge ? Duplex.DuplexFlipShortEdge : Duplex.DuplexFlipLongEdge);
  if (bleed) addBleedAndCropMarks(document, bleed);
  const bytes = await savePdf(document, { useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pages: document.getPageCount() };
}
