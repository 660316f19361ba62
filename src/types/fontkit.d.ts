// @pdf-lib/fontkit ships no types; pdf-lib's registerFontkit takes it as it is. The calls made
// directly (src/content/characters.ts; the tests read a glyph's outline) are typed here.
declare module "@pdf-lib/fontkit" {
  interface Glyph {
    id: number;
    path: { commands: Array<{ command: string }> };
  }
  const fontkit: {
    create(buffer: Uint8Array): { characterSet: number[]; getGlyph(id: number): Glyph; glyphForCodePoint(codePoint: number): Glyph };
  };
  export default fontkit;
}
