/**
 * pdf-lib, from the single file it ships, not from its CommonJS entry: measured, the entry's 170 or so
 * files (pdf-lib, pako, its standard fonts) took 100–190 ms to load in each run that prints, the one
 * file 40–65 ms. The same version and code. Import pdf-lib from here only: the two builds' classes are
 * not the same, so an object made by one fails the other's `instanceof`.
 */
import { PDFDocument, type SaveOptions } from "pdf-lib/dist/pdf-lib.esm.min.js";

export * from "pdf-lib/dist/pdf-lib.esm.min.js";

/**
 * pdf-lib's load and save pause for a timer tick every 100 objects read and every 50 written, so a
 * web page stays responsive; in Node each pause is a millisecond or more of doing nothing. Measured:
 * finishing a letter brochure (500 objects) 20 → 16 ms, the booklet (3,400) 140 → 97 ms. Pamphlet's
 * PDFs are read and written in one go.
 */
export const loadPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });

/** `document.save` in one go (see loadPdf). */
export const savePdf = (document: PDFDocument, options: Omit<SaveOptions, "objectsPerTick"> = {}) =>
  document.save({ ...options, objectsPerTick: Number.POSITIVE_INFINITY });
