import { readFile } from "node:fs/promises";
import { decodePDFRawStream, PDFArray, PDFDict, loadPdf, PDFName, PDFRawStream, type PDFRef } from "../../../src/shared/pdfLib.ts";

/** A font program a PDF embeds, with the glyph it draws each character with. */
export interface EmbeddedFont {
  /** The font's PDF name, e.g. `AAAAAA+AtkinsonHyperlegibleNextPlainZero-Regular`. */
  name: string;
  /** The TrueType program itself (FontFile2), as a font reader takes it. */
  program: Uint8Array;
  /** Glyph id by the text it stands for, from the font's ToUnicode map. */
  glyphs: Map<string, number>;
}

const hexText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));

/** A ToUnicode CMap's glyph ids by text: its bfchar and bfrange entries (ids are CIDs; Chromium maps them to glyphs one to one). */
function toUnicode(cmap: string): Map<string, number> {
  const glyphs = new Map<string, number>();
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, cid, text] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) glyphs.set(hexText(text!), Number.parseInt(cid!, 16));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, first, last, text] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const start = Number.parseInt(first!, 16);
      for (let cid = start; cid <= Number.parseInt(last!, 16); cid++) glyphs.set(String.fromCodePoint(Number.parseInt(text!, 16) + cid - start), cid);
    }
  }
  return glyphs;
}

/** Every composite (Type0) font a PDF embeds as TrueType, read with pdf-lib. */
export async function pdfEmbeddedFonts(file: string): Promise<EmbeddedFont[]> {
  const document = await loadPdf(await readFile(file));
  const stream = (ref: unknown) => {
    const object = document.context.lookup(ref as PDFRef);
    if (!(object instanceof PDFRawStream)) throw new Error(`${String(ref)} is not a stream`);
    return decodePDFRawStream(object).decode();
  };
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Subtype")) !== PDFName.of("Type0")) continue;
    const descendant = document.context.lookup(object.lookup(PDFName.of("DescendantFonts"), PDFArray).get(0), PDFDict);
    if (descendant.get(PDFName.of("CIDToGIDMap")) !== PDFName.of("Identity")) throw new Error("a font whose CIDs are not its glyph ids");
    const program = descendant.lookup(PDFName.of("FontDescriptor"), PDFDict).get(PDFName.of("FontFile2"));
    if (!program) continue;
    fonts.push({
      name: object.get(PDFName.of("BaseFont"))!.toString().slice(1),
      program: stream(program),
      glyphs: toUnicode(new TextDecoder().decode(stream(object.get(PDFName.of("ToUnicode"))))),
    });
  }
  return fonts;
}
