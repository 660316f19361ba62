import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { PNG } from "pngjs";
import { repoRoot } from "./helpers/fixtures.ts";
import { compareWithReference, referenceDir } from "./helpers/visual.ts";

// Serial: both tests set UPDATE_VISUAL_REFERENCES, which the helper reads from this process's environment.
const blank = () => PNG.sync.write(new PNG({ width: 4, height: 4 }));

test.serial("a missing reference image fails the comparison instead of being written (a new format would pass whatever it printed)", async (t) => {
  const mode = process.env.UPDATE_VISUAL_REFERENCES;
  delete process.env.UPDATE_VISUAL_REFERENCES;
  const name = `missing-${process.pid}`;
  const actual = path.join(repoRoot, "tests", "visual", "differences", `${name}.actual.png`);
  t.teardown(async () => {
    if (mode !== undefined) process.env.UPDATE_VISUAL_REFERENCES = mode;
    await rm(path.join(referenceDir, `${name}.png`), { force: true });
    await rm(actual, { force: true });
  });
  const error = await t.throwsAsync(compareWithReference(name, blank()));
  t.regex(
    error!.message,
    new RegExp(
      `no reference image tests/visual/reference/${name}\\.png: look at tests/visual/differences/${name}\\.actual\\.png, then run UPDATE_VISUAL_REFERENCES=1`,
    ),
  );
  t.false(existsSync(path.join(referenceDir, `${name}.png`)), "no reference written");
  t.true(existsSync(actual), "the rendering is kept for a person to look at");
});

test.serial("in update mode (UPDATE_VISUAL_REFERENCES=1) a missing reference is written, and then compared against", async (t) => {
  const mode = process.env.UPDATE_VISUAL_REFERENCES;
  const name = `written-${process.pid}`;
  t.teardown(async () => {
    if (mode === undefined) delete process.env.UPDATE_VISUAL_REFERENCES;
    else process.env.UPDATE_VISUAL_REFERENCES = mode;
    await rm(path.join(referenceDir, `${name}.png`), { force: true });
  });
  process.env.UPDATE_VISUAL_REFERENCES = "1";
  t.is(await compareWithReference(name, blank()), 0);
  t.true(existsSync(path.join(referenceDir, `${name}.png`)));
  delete process.env.UPDATE_VISUAL_REFERENCES;
  t.is(await compareWithReference(name, blank()), 0, "the same rendering matches the written reference");
});
