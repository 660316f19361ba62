import { readFileSync } from "node:fs";
import test from "ava";
import { PDFDict, PDFDocument } from "../src/shared/pdfLib.ts";
import { sourceFiles } from "./helpers/sourceFiles.ts";

/** Every file of ours that imports pdf-lib by its package name, statically or with `import()`. */
function importersOfPdfLib(): string[] {
  return sourceFiles.filter((file) => !file.endsWith(".d.ts") && /(?:\bfrom\s*|\bimport\s*\(\s*)["']pdf-lib["']/.test(readFileSync(file, "utf8")));
}

test("pdf-lib is imported from src/shared/pdfLib.ts only (its single-file build): one copy of its classes, loaded as one file", (t) => {
  t.deepEqual(importersOfPdfLib(), []);
  t.regex(readFileSync("src/shared/pdfLib.ts", "utf8"), /from "pdf-lib\/dist\/pdf-lib\.esm\.min\.js"/);
});

test("the single-file build reads and writes PDFs as the package does", async (t) => {
  const document = await PDFDocument.create();
  document.addPage([612, 792]);
  document.setTitle("A guide");
  const again = await PDFDocument.load(await document.save());
  t.is(again.getPageCount(), 1);
  t.is(again.getTitle(), "A guide");
  t.true(again.catalog instanceof PDFDict);
});
