import { readFileSync } from "node:fs";
import { decodePDFRawStream, PDFDocument, PDFRawStream, PDFArray, PDFRef } from "pdf-lib";
const doc = await PDFDocument.load(readFileSync(process.argv[2]!));
const page = doc.getPage(0);
const contents = page.node.Contents();
const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
let all = "";
for (const ref of streams) { const s = doc.context.lookup(ref as PDFRef) as PDFRawStream; all += Buffer.from(decodePDFRawStream(s).decode()).toString("latin1"); }
const arts = [...all.matchAll(/\/Artifact BMC([\s\S]*?)EMC/g)].map((m) => m[1]!.replace(/\s+/g, " ").slice(0, 300));
console.log(arts.length); for (const a of arts.slice(-6)) console.log("---", a);
