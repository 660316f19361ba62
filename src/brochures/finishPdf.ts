import { PDFDocument } from "pdf-lib";
import { addBleedAndCropMarks, type BleedPlacement } from "./bleed.ts";

export interface BrochureMetadata {
  title: string;
  /** The clinic. */
  author: string;
  /** The procedure's one-line summary. */
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. `en`. */
  lang: string;
}

/** A procedure's brochure metadata: title, the clinic as author, the summary as subject. */
export function brochureMetadata(
  procedure: { title: string; summary: string; category: string; lang: string },
  clinic: { name: string },
): BrochureMetadata {
  return {
    title: procedure.title,
    author: clinic.name,
    subject: procedure.summary,
    keywords: [procedure.title, procedure.category, clinic.name],
    lang: procedure.lang,
  };
}

/**
 * Sets the document information Chromium leaves wrong or empty (it writes its full user agent as
 * Creator, and no author, subject or keywords), adds bleed and crop marks when asked, and proves
 * the bytes parse as a PDF.
 */
export async function finishPdf(pdf: Uint8Array, metadata: BrochureMetadata, bleed?: BleedPlacement): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords([metadata.keywords.join(", ")]);
  document.setLanguage(metadata.lang);
  document.setCreator("Pamphlet");
  document.setProducer("Pamphlet");
  if (bleed) addBleedAndCropMarks(document, bleed);
  return document.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}
