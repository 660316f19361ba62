import { readFileSync } from "node:fs";
import path from "node:path";
import test from "ava";
import { finishPdf } from "../src/brochures/finishPdf.ts";
import { destinationPages } from "../src/brochures/pdfDestinations.ts";
import { bundledFontFile, fontFilesDir, templatesDir } from "../src/shared/installPaths.ts";
import * as PDFLib from "../src/shared/pdfLib.ts";
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

/** How many timers `work` starts: pdf-lib's pauses are `setTimeout(…, 0)`, one every 100 objects read and 50 written. */
async function timersStarted(work: () => Promise<unknown>): Promise<number> {
  const original = globalThis.setTimeout;
  let started = 0;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    started++;
    return original(...args);
  }) as typeof setTimeout;
  try {
    await work();
  } finally {
    globalThis.setTimeout = original;
  }
  return started;
}

/** A PDF of 80 pages with text: some 250 objects, enough for pdf-lib to pause a few times reading and writing it. */
async function manyObjects(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(PDFLib.StandardFonts.Helvetica);
  for (let page = 1; page <= 80; page++) document.addPage([612, 792]).drawText(`Page ${page}`, { x: 72, y: 720, font });
  return document.save();
}

test.serial("PDFs are read and written in one go, never pausing on a timer: finishing a brochure, finding the booklet's pages, a visit pack", async (t) => {
  const pdf = await manyObjects();
  t.true((await timersStarted(() => PDFDocument.load(pdf))) > 0, "pdf-lib's own default pauses (the spy sees them)");
  t.is(await timersStarted(() => PDFLib.loadPdf(pdf)), 0);
  const metadata = { title: "A guide", author: "A clinic", subject: "A guide", keywords: ["veins"], lang: "en", flipOnShortEdge: false };
  t.is(await timersStarted(() => finishPdf(pdf, metadata)), 0, "finishPdf");
  t.is(await timersStarted(() => destinationPages(pdf)), 0, "destinationPages");
  const { buildVisitPack } = await import(path.join(templatesDir, "js", "visit-pack.js"));
  const fontkit = (await import("@pdf-lib/fontkit")).default;
  const font = (face: "400-normal" | "700-normal") => readFileSync(path.join(fontFilesDir, bundledFontFile(face, "woff")));
  const cover = {
    title: "Your visit",
    writeIn: [],
    clinic: "A clinic",
    phone: "555",
    contactLines: [],
    insideTitle: "Inside",
    pageLabel: "page",
    note: "",
    lang: "en",
    colour: "#1a5276",
  };
  const pack = (brochures: Array<{ title: string; bytes: Uint8Array }>) =>
    buildVisitPack({ PDFLib, fontkit, fonts: { regular: font("400-normal"), bold: font("700-normal") }, cover, brochures });
  t.is(
    await timersStarted(() =>
      pack([
        { title: "One", bytes: pdf },
        { title: "Two", bytes: pdf },
      ]),
    ),
    0,
    "buildVisitPack",
  );
});
