/**
 * The code points the bundled typeface draws (templates/fonts, the Latin subset of its regular face), as
 * `[first, last]` ranges. Written out here rather than read from the font on every run: loading a font
 * parser cost every command that reads content about a quarter of a second.
 * tests/bundledCharacters.test.ts reads the font and says what to write here should it ever change.
 */
export const bundledCharacterRanges: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0xb4],
  [0xb6, 0xff],
  [0x102, 0x102],
  [0x131, 0x131],
  [0x152, 0x153],
  [0x2c6, 0x2c6],
  [0x2da, 0x2da],
  [0x2dc, 0x2dc],
  [0x300, 0x301],
  [0x303, 0x304],
  [0x308, 0x308],
  [0x2009, 0x2009],
  [0x2013, 0x2014],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x2039, 0x203a],
  [0x2044, 0x2044],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
];

/** Whether the bundled typeface draws `codePoint`. */
export const isBundledCharacter = (codePoint: number) => bundledCharacterRanges.some(([first, last]) => codePoint >= first && codePoint <= last);
