import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { repoRoot } from "./fixtures.ts";

export const referenceDir = path.join(repoRoot, "tests", "visual", "reference");
const differencesDir = path.join(repoRoot, "tests", "visual", "differences");

/** Writes the references instead of comparing: `UPDATE_VISUAL_REFERENCES=1`, after a person has looked at the new images. */
const updating = () => process.env.UPDATE_VISUAL_REFERENCES === "1";

/**
 * Compares a rendering with `tests/visual/reference/<name>.png`; returns the share of pixels that
 * differ. A missing reference fails the test (a test that writes its own reference passes whatever
 * it renders); only in update mode is the reference (re)written. On a difference, or with no
 * reference, the actual image (and a diff image) go to tests/visual/differences/ for a person to look at.
 */
export async function compareWithReference(name: string, png: Buffer): Promise<number> {
  const referenceFile = path.join(referenceDir, `${name}.png`);
  if (updating()) {
    await mkdir(referenceDir, { recursive: true });
    await writeFile(referenceFile, png);
    return 0;
  }
  if (!existsSync(referenceFile)) {
    await mkdir(differencesDir, { recursive: true });
    await writeFile(path.join(differencesDir, `${name}.actual.png`), png);
    throw new Error(
      `no reference image ${path.relative(repoRoot, referenceFile)}: look at ${path.relative(repoRoot, path.join(differencesDir, `${name}.actual.png`))}, ` +
        "then run UPDATE_VISUAL_REFERENCES=1 npx ava <this test file> and commit the reference",
    );
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
