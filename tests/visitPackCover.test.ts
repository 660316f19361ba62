import path from "node:path";
import test from "ava";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet } from "./helpers/cli.ts";
import { elements, pdfAccessibility, pdfInfo, pdfText, unreachableObjects } from "./helpers/pdf.ts";

test("a visit pack's cover has blank lines to write the patient's name, appointment date and clinician on (nothing asked or stored)", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const out = path.join(site.root, "pack.pdf");
  const run = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", out]);
  t.is(run.code, 0, run.stderr);
  const cover = (await pdfText(out)).split("\f")[0]!;
  t.regex(cover, /Your visit pack\s+Name\s+Appointment date\s+Clinician\s+Inside this pack/);
});

test("a visit pack's page numbers agree: the cover's contents and each guide's footer count the pack's pages, not the guide's own", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const out = path.join(site.root, "pack.pdf");
  const run = await runPamphlet(["pack", "sclerotherapy", "compression-therapy", "--from", site.outDir, "--out", out]);
  t.is(run.code, 0, run.stderr);
  const pages = (await pdfText(out)).split("\f").slice(0, -1);
  const total = pages.length;
  const listed = [...pages[0]!.matchAll(/(Sclerotherapy|Compression therapy)\s+Page (\d+)/g)].map((match) => [match[1], Number(match[2])]);
  t.deepEqual(
    listed.map(([title]) => title),
    ["Sclerotherapy", "Compression therapy"],
  );
  for (const [title, start] of listed as Array<[string, number]>) {
    t.regex(pages[start - 1]!, new RegExp(title), `${title} starts on the page the cover lists`);
    t.regex(pages[start - 1]!, new RegExp(`Page ${start} of ${total}\\b`), `${title}'s first footer says the cover's number`);
  }
  for (const [index, text] of pages.entries()) {
    const footer = /Page (\d+) of (\d+)/.exec(text);
    if (index === 0 || !footer) continue; // the cover and the blank pages have none
    t.deepEqual([Number(footer[1]), Number(footer[2])], [index + 1, total], `page ${index + 1}'s footer`);
    t.is(text.match(/Page \d+ of \d+/g)!.length, 1, `page ${index + 1}: the guide's own number is gone, not hidden under the new one`);
  }
});

test("a visit pack is tagged as its brochures are: its cover read in order, each guide's headings, lists and links kept, its footers artifacts", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const out = path.join(site.root, "pack.pdf");
  const run = await runPamphlet(["pack", "sclerotherapy", "compression-therapy", "--from", site.outDir, "--out", out]);
  t.is(run.code, 0, run.stderr);
  const info = await pdfInfo(out);
  t.is(info.Tagged, "yes");
  const pdf = await pdfAccessibility(out);
  const found = pdf.structure.flatMap((tree) => [...elements([tree])]);
  const roles = (role: string) => found.filter((element) => element.role === role).length;
  // The cover's title and each guide's own title, one heading each; the cover's contents list under its own heading.
  t.is(roles("H1"), 3, `H1s: ${roles("H1")}`);
  t.true(roles("H2") > 2 && roles("L") > 0 && roles("Figure") >= 2, "the guides' sections, lists and QR codes");
  t.deepEqual(pdf.unmarkedText, [], "no text outside the structure: the cover is tagged, the renumbered footers are artifacts");
  t.regex(pdf.artifactText.join(" "), /Page\s*3\s*of/, "a renumbered footer is an artifact, as the number it replaced");
  t.true(pdf.links.length > 0 && pdf.links.every((link) => link.inStructure), "every link in the structure tree");
  t.is(pdf.lang, "en");
  t.deepEqual(await unreachableObjects(out), [], "no replaced footer content left in the file");
});
