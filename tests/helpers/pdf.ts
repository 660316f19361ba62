/**
 * Everything the tests read from a PDF, in one place. Poppler's tools read what a person sees
 * (text, page sizes and boxes, fonts, images, a page's picture, QR codes); pdf.js reads text with
 * its font size and the structure tree a screen reader follows; pdf-lib reads the catalogue
 * (links, metadata, language, the embedded font programs) that neither shows.
 */
export {
  box,
  pdfFonts,
  pdfImages,
  pdfInfo,
  pdfQrCodes,
  pdfText,
  pdfWords,
  renderPage,
  type PdfFont,
  type PdfImage,
  type PdfTextOptions,
  type PdfWord,
} from "./pdf/poppler.ts";
export { pdfTextRuns, type TextRun } from "./pdf/textRuns.ts";
export { elements, pdfAccessibility, type LinkAnnotation, type PdfAccessibility, type StructNode } from "./pdf/structure.ts";
export { pdfEmbeddedFonts, type EmbeddedFont } from "./pdf/fonts.ts";
export { unreachableObjects } from "./pdf/unreachable.ts";
