// @pdf-lib/fontkit ships no types; pdf-lib's registerFontkit takes it as it is.
declare module "@pdf-lib/fontkit" {
  const fontkit: unknown;
  export default fontkit;
}
