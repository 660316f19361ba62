import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { repoRoot } from "./fixtures.ts";

export const referenceDir = path.join(repoRoot, "tests", "visual", "reference");
const differencesDir = path.join(repoRoot, "tests", "visual", "differences");

/**
 * Compares a rendering with `tests/visual/reference/<name>.png`; returns the share of pixels that
 * differ. With UPDATE_VISUAL_REFERENCES=1 the reference is (re)written instead. On a difference,
 * the actual image and a diff image are written to tests/visual/differences/ for a person to look at.
 */
export async function compareWithReference(name: string, png: Buffer): Promise<number> {
  const referenceFile = path.join(referenceDir, `${name}.png`);
  if (process.env.UPDATE_VISUAL_REFERENCES === "1" || !existsSync(referenceFile)) {
    if (process.env.CI && !existsSync(referenceFile)) throw new Error(`no reference image ${referenceFile}: run UPDATE_VISUAL_REFERENCES=1 npm test and commit it`);
    await mkdir(referenceDir, { recursive: true });
    await writeFile(referenceFile, png);
    return 0;
  }
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(await readFile(referenceFile));
  if (actual.width !== expected.width || actual.height !== expected.height) return 1;
  const diff = new PNG({ width: actual.width, height: actual.height });
  const different = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.15 });
  const share = different / (actual.width * actual.height);
  if (different > 0) {
    await mkdir(differencesDir, { recursive: true });
    await writeFile(path.join(differencesDir, `${name}.actual.png`), png);
    await writeFile(path.join(differencesDir, `${name}.diff.png`), PNG.sync.write(diff));
  }
  return share;
}
