import { readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { repoRoot } from "./helpers/fixtures.ts";

/**
 * The bench compares the pool with a second paged-media engine, pagedjs-cli, over the same print
 * views. It splits every selector at each comma, even one inside `:not(…)` or `:has(…)`, and then
 * refuses the whole page ("is not a valid selector"): the comparison printed a failure, not a figure.
 */
test("each selector of the brochure stylesheet stays whole when split at its commas (pagedjs-cli, the bench's second engine, splits them so)", async (t) => {
  for (const name of ["brochure.css"]) {
    const css = (await readFile(path.join(repoRoot, "templates", "css", name), "utf8")).replace(/\/\*[\s\S]*?\*\//g, "");
    const selectors = [...css.matchAll(/([^{};]+)\{/g)].map(([, prelude]) => prelude!.trim()).filter((prelude) => prelude && !prelude.startsWith("@"));
    t.true(selectors.length > 10, `${name}: its selectors were found`);
    for (const part of selectors.flatMap((selector) => selector.split(","))) {
      const depth = [...part].reduce((open, character) => open + (character === "(" ? 1 : character === ")" ? -1 : 0), 0);
      t.is(depth, 0, `${name}: "${part.trim()}" is cut inside a parenthesis`);
    }
  }
});
