import test from "ava";
import { readFileSync } from "node:fs";
import { sourceFiles, sourceFolders as folders } from "./helpers/sourceFiles.ts";

/**
 * Biome formats code at 160 columns (biome.json's lineWidth) but does not split long strings,
 * regular expressions or comments: this keeps every line of Pamphlet's own code within that width.
 * All of src/, tests/, bench/ and scripts/ is Pamphlet's own, the *.client.js browser scripts too;
 * the third-party code (Decap CMS) goes to vendor/, which is not tracked. Lengths are counted in
 * characters (code points), not bytes: "é" or "→" is one, as in an editor's column.
 */
const maxLength = 160;

test("the reader sees Pamphlet's tracked source files in each folder, the browser scripts too (so the rule below can fail)", (t) => {
  t.deepEqual(
    folders.filter((folder) => !sourceFiles.some((file) => file.startsWith(`${folder}/`))),
    [],
  );
  t.true(sourceFiles.includes("src/cli/main.ts"));
  t.true(sourceFiles.some((file) => file.endsWith(".client.js")));
});

test(`no source line is over ${maxLength} characters`, (t) => {
  const long = sourceFiles.flatMap((file) =>
    readFileSync(file, "utf8")
      .split(/\r?\n/)
      .flatMap((line, index) => {
        const length = [...line].length;
        return length > maxLength ? [`${file}:${index + 1} (${length} characters)`] : [];
      }),
  );
  t.deepEqual(long, []);
});
