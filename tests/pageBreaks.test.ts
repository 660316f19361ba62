import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixturesDir, fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfText, pdfTextRuns, pdfWords } from "./helpers/pdf.ts";

test("a line that introduces a list never ends a page: the list's first item follows it", async (t) => {
  const site = await fixtureSite(t);
  // Filler of one-line paragraphs, one line longer in each procedure, so that in one of them the
  // lead-in falls on the last line of a page.
  const slugs = Array.from({ length: 12 }, (_, i) => `lead-in-${i}`);
  for (const [i, slug] of slugs.entries()) {
    const filler = Array.from({ length: 36 + i }, (_, line) => `Filler line ${line + 1}.`).join("\n\n");
    const list = Array.from({ length: 5 }, (_, item) => `- Warning sign ${item + 1}`).join("\n");
    await writeProcedure(site, slug, procedureText({ title: `Lead in ${i}` }, `## What it is\n\n${filler}\n\nCall us right away if you have:\n\n${list}\n`));
  }
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  for (const slug of slugs) {
    const pages = (await pdfText(path.join(site.brochuresDir, `${slug}.pdf`))).split("\f");
    const leadInPage = pages.findIndex((page) => page.includes("Call us right away if you have:"));
    t.true(pages[leadInPage]!.includes("Warning sign 1"), `${slug}: the lead-in on page ${leadInPage + 1} has its list's first item with it`);
    t.true(pages[leadInPage]!.includes("Warning sign 5"), `${slug}: and the whole short list`);
  }
});

test("large print: the at-a-glance box may go on over the page, but its heading never ends a page without its first fact", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await copyFile(path.join(fixturesDir, "images", "wordmark-1200x260.png"), path.join(site.contentDir, "images", "legs.png"));
  // Facts as long as a Spanish guide's (its box is taller than what the cover leaves of the first page), and a
  // cover that grows each time, so the box starts at different heights.
  const fact = "Most people walk out the same day and go back to what they do within a day or two.";
  const facts = { duration: fact.slice(0, 80), downtime: fact, sessions: fact, resultsTimeline: fact, veinsTreated: fact, anaesthesia: fact };
  const slugs = Array.from({ length: 4 }, (_, i) => `glance-${i}`);
  for (const [i, slug] of slugs.entries()) {
    const summary = `A guide whose cover grows ${"a little longer ".repeat(i * 3)}each time.`.slice(0, 220);
    const picture = i % 2 ? { image: { src: "/images/legs.png", alt: "Legs" } } : {};
    await writeProcedure(site, slug, procedureText({ title: `Glance ${i}`, summary, ...facts, ...picture }));
  }
  const run = await runPamphlet(["build", "--formats", "large", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  for (const slug of slugs) {
    const pages = (await pdfText(path.join(site.brochuresDir, `${slug}.large.pdf`))).split("\f");
    const headingPage = pages.findIndex((page) => page.includes("At a glance"));
    t.true(pages[headingPage]!.includes("How long it takes"), `${slug}: "At a glance" on page ${headingPage + 1} has its first fact with it`);
  }
});

test("a word longer than a line breaks inside it: no brochure is shrunk to fit it, and no tri-fold panel runs into the next", async (t) => {
  const site = await fixtureSite(t);
  const long = "Venoushemodynamicsultrasonographyconsultationassessmentvisit";
  const body =
    `## What it is\n\nThe ${long} takes an hour. Body text stays full size.\n\n| Visit | Length |\n|---|---|\n| ${long} | One hour |\n\n` +
    "## Risks and side effects\n\nRare.\n\n## When to call us\n\nCall us if your leg swells.\n";
  await writeProcedure(site, "long-word", procedureText({ title: `${long.slice(0, 50)} visit` }, body));
  const run = await runPamphlet(["build", "--formats", "letter,large,trifold", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const sizeOf = async (file: string, text: string) =>
    Math.round((await pdfTextRuns(path.join(site.brochuresDir, file))).find((item) => item.text.includes(text))?.size ?? 0);
  t.is(await sizeOf("long-word.pdf", "stays full"), 12);
  t.is(await sizeOf("long-word.large.pdf", "stays full"), 15);
  t.is(await sizeOf("long-word.trifold.pdf", "stays full"), 11);
  // Each piece of the long word sits inside one tri-fold panel: it wrapped, rather than run into the next.
  const pieces = (await pdfWords(path.join(site.brochuresDir, "long-word.trifold.pdf"), 2)).filter((word) => /Venous|hemodynamics|assessment/i.test(word.text));
  t.true(pieces.length >= 2, "the word is in the text and the table");
  for (const { xMin, xMax, text: word } of pieces) {
    t.is(Math.floor(xMin / (792 / 3)), Math.floor((xMax - 1) / (792 / 3)), `"${word}" spans ${xMin}–${xMax}: two panels`);
  }
});

test("the booklet's back page (contact details, QR code) is always its last, even page: the outside back cover", async (t) => {
  const site = await fixtureSite(t);
  // The last guide one page longer each time: in one of the two, the back page needs a notes page before it.
  for (const lines of [20, 48]) {
    const filler = Array.from({ length: lines }, (_, line) => `Filler line ${line + 1}.`).join("\n\n");
    await writeProcedure(site, "zz-last", procedureText({ title: "Zz last guide" }, `## What it is\n\n${filler}\n`));
    const run = await runPamphlet(["build", "--formats", "booklet", ...siteArgs(site)]);
    t.is(run.code, 0, run.stderr);
    const pages = (await pdfText(path.join(site.brochuresDir, "booklet.pdf"))).split("\f").slice(0, -1);
    t.is(pages.length % 2, 0, `${pages.length} pages: whole sheets`);
    t.regex(pages.at(-1)!, /Contact us/, "the back page is last");
    t.notRegex(pages.at(-2)!, /Contact us/);
  }
});

test("the booklet: a guide's review line never stands alone on a page, away from the guide it signs off", async (t) => {
  const site = await fixtureSite(t);
  // Twenty sources after one line more each time, so that in some guide the review line falls on the top of a page.
  for (let i = 0; i < 8; i++) {
    const sources = Array.from({ length: 20 }, (_, n) => `Guide ${i} source ${n + 1}: Vein Society guidance on care, 2024.`);
    const filler = Array.from({ length: 22 + i }, (_, line) => `Filler line ${line + 1}.`).join("\n\n");
    await writeProcedure(site, `sources-${i}`, procedureText({ title: `Sources ${i}`, sources }, `## What it is\n\n${filler}\n`));
  }
  const run = await runPamphlet(["build", "--formats", "booklet", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const pages = (await pdfText(path.join(site.brochuresDir, "booklet.pdf"))).split("\f");
  const reviewed = pages.map((page, index) => ({ page, number: index + 1 })).filter(({ page }) => page.includes("Last reviewed"));
  t.true(reviewed.length >= 8, `${reviewed.length} review lines`);
  for (const { page, number } of reviewed) {
    t.not(page.slice(0, page.indexOf("Last reviewed")).trim(), "", `page ${number}: the review line has the end of its guide above it`);
  }
});

test("with a clinic name as long as clinic.yaml allows, every page's footer keeps the phone and page number whole, 5 mm clear of the edge", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const longName = "Minnesota Vein & Vascular Specialists of the Twin Cities and Suburbs, Clinic 2";
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace(/^name: .*$/m, `name: "${longName}"`));
  const run = await runPamphlet(["build", "--formats", "letter,large,aftercare", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  for (const file of ["sclerotherapy.pdf", "sclerotherapy.large.pdf", "sclerotherapy.aftercare.pdf"]) {
    const pages = (await pdfText(path.join(site.brochuresDir, file))).split("\f").slice(0, -1);
    for (const [index, page] of pages.entries()) {
      // (The page number stands on the same line, at the right.)
      t.regex(page, /^\(555\) 010-0199( {2,}Page \d+ of \d+)?$/m, `${file} page ${index + 1}: the phone number on a line of its own`);
      t.regex(page, new RegExp(`Page ${index + 1} of ${pages.length}$`, "m"), `${file} page ${index + 1}: the page number in one piece`);
      // Many office printers leave 4 to 5 mm at the edge unprinted: the footer's three lines stand above it (US letter, 792 pt high).
      const lowest = Math.max(...(await pdfWords(path.join(site.brochuresDir, file), index + 1)).map((word) => word.yMax));
      t.true(792 - lowest >= (4.5 / 25.4) * 72, `${file} page ${index + 1}: the footer ends ${(((792 - lowest) / 72) * 25.4).toFixed(1)} mm from the edge`);
    }
  }
});
