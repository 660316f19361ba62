import test from "ava";
import { decodePDFRawStream, PDFDocument, PDFName, type PDFRawStream } from "../src/shared/pdfLib.ts";
import { markUntaggedAsArtifacts } from "../src/brochures/artifacts.ts";
import { makePdfUa } from "../src/brochures/pdfUa.ts";

const mark = (text: string) => new TextDecoder().decode(markUntaggedAsArtifacts(new TextEncoder().encode(text)));

test("text and shapes painted outside marked content become artifacts; tagged content is left alone", (t) => {
  const stream = "q 1 0 0 1 0 0 cm\nBT /F1 11 Tf (Page 1 of 2) Tj ET\n/P <</MCID 0>> BDC BT (Body) Tj ET 0 0 5 5 re f EMC\n0 0 10 10 re f\n0 0 9 9 re W n\nQ";
  t.is(
    mark(stream),
    "q 1 0 0 1 0 0 cm\n/Artifact BMC\nBT /F1 11 Tf (Page 1 of 2) Tj ET\nEMC\n\n" +
      "/P <</MCID 0>> BDC BT (Body) Tj ET 0 0 5 5 re f EMC\n" +
      "/Artifact BMC\n0 0 10 10 re f\nEMC\n\n0 0 9 9 re W n\nQ",
  );
});

test("operator names inside strings, escaped brackets and hex strings do not confuse the reader", (t) => {
  const stream = "/Span <</MCID 1>> BDC BT (EMC \\) BDC \\( ET) Tj <00FF> Tj ET EMC\nBT [(a) -20 (b)] TJ ET";
  t.is(mark(stream), "/Span <</MCID 1>> BDC BT (EMC \\) BDC \\( ET) Tj <00FF> Tj ET EMC\n/Artifact BMC\nBT [(a) -20 (b)] TJ ET\nEMC\n");
});

test("a stream with an inline image is left unchanged (its binary data cannot be read safely)", (t) => {
  const stream = "BT (x) Tj ET BI /W 1 /H 1 ID \u0001 EI";
  t.is(mark(stream), stream);
});

test("numbers in every form are operands, and the quote operators are operators", (t) => {
  const stream = "-.5 +3 1. .25 re f\nBT 1 2 (a) \" (b) ' T* ET";
  t.is(mark(stream), "/Artifact BMC\n-.5 +3 1. .25 re f\nEMC\n\n/Artifact BMC\nBT 1 2 (a) \" (b) ' T* ET\nEMC\n");
});

test("a page's content is marked whether it is Flate-compressed (as Chromium writes it) or not", async (t) => {
  const metadata = { title: "Test", author: "Clinic", subject: "A test", keywords: [], lang: "en" };
  for (const compressed of [true, false]) {
    const made = await PDFDocument.create();
    const text = "BT /F1 11 Tf (Page 1 of 2) Tj ET";
    const stream = compressed ? made.context.flateStream(text) : made.context.stream(text);
    made.addPage().node.set(PDFName.of("Contents"), made.context.register(stream));
    const document = await PDFDocument.load(await made.save({ useObjectStreams: false }));
    makePdfUa(document, metadata);
    const contents = document.context.lookup(document.getPage(0).node.get(PDFName.of("Contents"))) as PDFRawStream;
    t.is(new TextDecoder().decode(decodePDFRawStream(contents).decode()), `/Artifact BMC\n${text}\nEMC\n\n`, compressed ? "compressed" : "plain");
  }
});
