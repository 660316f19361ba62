import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from "../shared/pdfLib.ts";

/**
 * Repairs two things Chromium writes wrong in a tagged PDF.
 *
 * - Bookmarks: a heading pushed to the next page by `break-after: avoid` gets its title twice
 *   ("Before your visitBefore your visit"). A title that is one text written twice becomes that text.
 * - Structure types: Chromium uses PDF 2.0 types (`Strong`, `Aside`, …) in a PDF 1.7 file without a
 *   RoleMap, so readers that follow 1.7 drop those elements, e.g. the tri-fold's whole
 *   "At a glance" flap. A RoleMap names the standard 1.7 type each one stands for.
 */
export function repairChromiumPdf(document: PDFDocument): void {
  undoubleOutlineTitles(document);
  addRoleMap(document);
}

function undoubleOutlineTitles(document: PDFDocument): void {
  const outlines = document.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const visit = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const title = item.lookup(PDFName.of("Title"));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "";
      const half = text.slice(0, text.length / 2);
      if (text.length > 0 && text.length % 2 === 0 && half.trim() !== "" && half + half === text) item.set(PDFName.of("Title"), PDFHexString.fromText(half));
      visit(item.lookupMaybe(PDFName.of("First"), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of("First"), PDFDict));
}

/** PDF 2.0 structure types Chromium may write, and the PDF 1.7 standard type each maps to. */
const standardTypes: Record<string, string> = {
  Strong: "Span",
  Em: "Span",
  Sub: "Span",
  Aside: "Sect",
  Title: "H1",
  FENote: "Note",
  DocumentFragment: "Div",
};

function addRoleMap(document: PDFDocument): void {
  const root = document.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return;
  const roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict) ?? document.context.obj({});
  for (const [type, standard] of Object.entries(standardTypes)) {
    if (!roleMap.has(PDFName.of(type))) roleMap.set(PDFName.of(type), PDFName.of(standard));
  }
  root.set(PDFName.of("RoleMap"), roleMap);
}
