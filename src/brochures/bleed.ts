import { beginMarkedContent, cmyk, endMarkedContent, type PDFDocument } from "../shared/pdfLib.ts";

/** Print-shop bleed: 3 mm, with crop marks in a slug area outside it. */
export const bleedMm = 3;
const pointsPerMm = 72 / 25.4;
const bleed = bleedMm * pointsPerMm;
const markLength = 5 * pointsPerMm;
const slug = bleed + markLength + 1 * pointsPerMm;

/**
 * - `around`: the page is the trimmed size; bleed is added around it (nothing in these layouts
 *   touches the paper's edge, so the bleed is paper-white).
 * - `included`: the page was printed with its bleed already (the tri-fold's full-colour panels run
 *   into it); the trim box is set inside it.
 */
export type BleedPlacement = "around" | "included";

/**
 * Sets TrimBox, BleedBox and a larger MediaBox on every page and draws crop marks at the corners,
 * in registration colour, marked as artifacts so they stay out of the tagged structure.
 */
export function addBleedAndCropMarks(document: PDFDocument, placement: BleedPlacement): void {
  for (const page of document.getPages()) {
    const box = page.getMediaBox();
    const trim = placement === "around" ? box : { x: box.x + bleed, y: box.y + bleed, width: box.width - 2 * bleed, height: box.height - 2 * bleed };
    const { x, y, width, height } = trim;
    page.setMediaBox(x - slug, y - slug, width + 2 * slug, height + 2 * slug);
    page.setCropBox(x - slug, y - slug, width + 2 * slug, height + 2 * slug);
    page.setBleedBox(x - bleed, y - bleed, width + 2 * bleed, height + 2 * bleed);
    page.setTrimBox(x, y, width, height);

    page.pushOperators(beginMarkedContent("Artifact"));
    const registration = cmyk(1, 1, 1, 1);
    for (const cornerX of [x, x + width]) {
      for (const cornerY of [y, y + height]) {
        const outX = cornerX === x ? -1 : 1;
        const outY = cornerY === y ? -1 : 1;
        // Each mark starts at the bleed edge, so it never shows on the trimmed sheet.
        page.drawLine({
          start: { x: cornerX + outX * bleed, y: cornerY },
          end: { x: cornerX + outX * (bleed + markLength), y: cornerY },
          thickness: 0.25,
          color: registration,
        });
        page.drawLine({
          start: { x: cornerX, y: cornerY + outY * bleed },
          end: { x: cornerX, y: cornerY + outY * (bleed + markLength) },
          thickness: 0.25,
          color: registration,
        });
      }
    }
    page.pushOperators(endMarkedContent());
  }
}
