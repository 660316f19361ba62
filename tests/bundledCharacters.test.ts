import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import test from "ava";
import { bundledCharacterRanges } from "../src/content/bundledCharacters.ts";
import { bundledFontFile, fontFilesDir } from "../src/shared/installPaths.ts";

/** The code points a font's character map lists, in order; U+FFFF is the map's end marker, not a character. */
async function drawnBy(file: string): Promise<number[]> {
  const font = fontkit.create(await readFile(path.join(fontFilesDir, file)));
  return [...new Set(font.characterSet)].filter((codePoint) => codePoint !== 0xffff).sort((a, b) => a - b);
}

/** Consecutive code points joined into `[first, last]` ranges, as src/content/bundledCharacters.ts writes them. */
function asRanges(codePoints: number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const codePoint of codePoints) {
    const last = ranges.at(-1);
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  return ranges;
}

const hex = (codePoint: number) => `0x${codePoint.toString(16)}`;

test("the characters the check lets through are exactly those the bundled regular face draws, and every face draws them", async (t) => {
  const regular = await drawnBy(bundledFontFile("400-normal", "woff"));
  const written = bundledCharacterRanges.map(([first, last]) => [first, last]);
  const expected = asRanges(regular);
  t.deepEqual(
    written,
    expected,
    `the bundled font changed: write these ranges in src/content/bundledCharacters.ts:\n${expected.map(([a, b]) => `  [${hex(a)}, ${hex(b)}],`).join("\n")}`,
  );
  const faces = (await readdir(fontFilesDir)).filter((file) => /\.woff2?$/.test(file));
  t.is(faces.length, 5);
  for (const face of faces) {
    const drawn = new Set(await drawnBy(face));
    t.deepEqual(
      regular.filter((codePoint) => !drawn.has(codePoint)).map(hex),
      [],
      `${face} draws every character the check lets through (bold and italic text print them too)`,
    );
  }
});
