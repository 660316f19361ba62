import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfEmbeddedFonts } from "./helpers/pdf.ts";

/** How many closed outlines a glyph is drawn with: a plain zero has two (the oval and its counter); the slashed one three (the slash splits the counter). */
const contours = (glyph: { path: { commands: Array<{ command: string }> } }) => glyph.path.commands.filter((step) => step.command === "moveTo").length;

test("phone numbers print with a plain zero, not a slashed one: the glyph a printed brochure draws 0 with is an oval and one counter", async (t) => {
  const site = await fixtureSite(t);
  const body = "## What it is\n\nCall 0161 200 3000, **0161 200 3000 out of hours**, or *0800 000 000*.\n\n## When to call us\n\nCall us.\n";
  await writeProcedure(site, "zeros", procedureText({ title: "Zeros" }, body));
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const fonts = (await pdfEmbeddedFonts(path.join(site.brochuresDir, "zeros.pdf"))).filter((font) => font.glyphs.has("0"));
  t.deepEqual(fonts.map((font) => font.name.replace(/^.*-/, "")).sort(), ["Bold", "Italic", "Regular"], "zeros in regular, bold and italic text");
  for (const font of fonts) {
    const glyph = fontkit.create(Buffer.from(font.program)).getGlyph(font.glyphs.get("0")!);
    t.is(contours(glyph), 2, `${font.name}: 0 is drawn as an oval with one counter`);
  }
  // The site, its share cards and the visit pack load the same files: every face served has the plain zero.
  const served = (await readdir(path.join(site.siteDir, "fonts"))).filter((file) => /\.woff2?$/.test(file));
  t.is(served.length, 5, "three WOFF2 faces for pages, two WOFF for the visit pack");
  for (const file of served) {
    const font = fontkit.create(await readFile(path.join(site.siteDir, "fonts", file)));
    t.is(contours(font.glyphForCodePoint(0x30)), 2, `${file}: a plain zero`);
  }
});
