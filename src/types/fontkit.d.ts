// @pdf-lib/fontkit ships no types; pdf-lib's registerFontkit takes it as it is. The one call
// Pamphlet makes itself: which characters a font draws (src/content/characters.ts).
declare module "@pdf-lib/fontkit" {
  const fontkit: { create(buffer: Uint8Array): { characterSet: number[] } };
  export default fontkit;
}
