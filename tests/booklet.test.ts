import path from "node:path";
import test from "ava";
import { PNG } from "pngjs";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfText, renderPage } from "./helpers/pdf.ts";

test("a stapled booklet is whole sheets: its page count is a multiple of 4, notes pages before the back page fill the gap", async (t) => {
  const site = await fixtureSite(t);
  // The last guide a page longer each time, so the pages before the back need 0 to 3 notes pages across the runs.
  const counts = new Set<number>();
  for (const lines of [10, 40, 70, 100]) {
    const filler = Array.from({ length: lines }, (_, line) => `Filler line ${line + 1}.`).join("\n\n");
    await writeProcedure(site, "zz-last", procedureText({ title: "Zz last guide" }, `## What it is\n\n${filler}\n`));
    const run = await runPamphlet(["build", "--formats", "booklet", ...siteArgs(site)]);
    t.is(run.code, 0, run.stderr);
    const pages = (await pdfText(path.join(site.brochuresDir, "booklet.pdf"))).split("\f").slice(0, -1);
    counts.add(pages.length);
    t.is(pages.length % 4, 0, `${lines} lines: ${pages.length} pages`);
    t.regex(pages.at(-1)!, /Contact us/, "the back page is last");
    t.regex(pages.at(-2)!, /Your notes and questions|Filler line|Last reviewed/, "a notes page or the guide's end before it");
  }
  t.true(counts.size >= 2, `the runs made different page counts (${[...counts]})`);
});

test("the booklet's cover colour runs to every edge of the page: no white band under it", async (t) => {
  const site = await fixtureSite(t);
  t.is((await runPamphlet(["build", "--formats", "booklet", ...siteArgs(site)])).code, 0);
  const cover = PNG.sync.read(await renderPage(path.join(site.brochuresDir, "booklet.pdf"), 1, 30));
  const colour = (x: number, y: number) => [...cover.data.subarray(4 * (y * cover.width + x), 4 * (y * cover.width + x) + 3)].join(",");
  const brand = colour(Math.round(cover.width / 2), Math.round(cover.height / 2) + 40);
  t.not(brand, "255,255,255");
  for (const [x, y] of [
    [1, 1],
    [cover.width - 2, 1],
    [1, cover.height - 2],
    [cover.width - 2, cover.height - 2],
    [Math.round(cover.width / 2), cover.height - 2],
  ] as const) {
    t.is(colour(x, y), brand, `(${x}, ${y}) of ${cover.width} × ${cover.height}`);
  }
});
