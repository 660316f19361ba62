import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, hookCleanups, procedureText, writeProcedure, type FixtureSite } from "./helpers/fixtures.ts";
import { box, pdfFonts, pdfInfo, pdfQrCodes, pdfText, pdfTextRuns, pdfWords, renderPage } from "./helpers/pdf.ts";
import { compareWithReference } from "./helpers/visual.ts";

const allFormats = "letter,a4,large,trifold,aftercare,booklet";
let site: FixtureSite;

const cleanups = hookCleanups();
test.after.always(() => cleanups.run());
test.before(async () => {
  site = await fixtureSite(cleanups);
  const run = await runPamphlet(["build", "--formats", allFormats, ...siteArgs(site)]);
  if (run.code !== 0) throw new Error(`build failed: ${run.stdout}\n${run.stderr}`);
});

const brochure = (name: string) => path.join(site.brochuresDir, name);
const pageSize = async (file: string) => {
  const size = (await pdfInfo(file))["Page size"]!;
  return size.split(" x ").map((part) => Number.parseFloat(part));
};

test("--formats writes every format: letter, a4, large print, tri-fold and the booklet", async (t) => {
  for (const slug of ["sclerotherapy", "compression-therapy"]) {
    t.deepEqual(await pageSize(brochure(`${slug}.pdf`)), [612, 792], `${slug}.pdf is letter`);
    const [a4Width, a4Height] = await pageSize(brochure(`${slug}.a4.pdf`));
    t.true(Math.abs(a4Width! - 595) <= 1 && Math.abs(a4Height! - 842) <= 1, `${slug}.a4.pdf is A4`);
    t.deepEqual(await pageSize(brochure(`${slug}.large.pdf`)), [612, 792], "large print on the clinic's paper");
    t.deepEqual(await pageSize(brochure(`${slug}.trifold.pdf`)), [792, 612], "tri-fold is a landscape sheet");
    t.is((await pdfInfo(brochure(`${slug}.trifold.pdf`))).Pages, "2", "tri-fold is one sheet, two sides");
  }
  t.true(existsSync(brochure("booklet.pdf")));
  t.true(existsSync(path.join(site.siteDir, "brochures", "sclerotherapy.trifold.pdf")), "published with the site");
});

test("every format is a proper PDF: tagged, titled, only the bundled typeface, embedded and subset", async (t) => {
  for (const name of ["sclerotherapy.pdf", "sclerotherapy.a4.pdf", "sclerotherapy.large.pdf", "sclerotherapy.trifold.pdf", "booklet.pdf"]) {
    const info = await pdfInfo(brochure(name));
    t.is(info.Tagged, "yes", name);
    t.is(info.Author, "Fixture Vein Clinic", name);
    t.truthy(info.Title, name);
    t.truthy(info.Subject, name);
    t.truthy(info.Keywords, name);
    for (const font of await pdfFonts(brochure(name))) {
      t.true(font.embedded && font.subset, `${name}: ${font.name} embedded and subset`);
      t.regex(font.name, /AtkinsonHyperlegibleNext/, `${name}: no machine font`);
    }
    const size = (await readFile(brochure(name))).byteLength;
    if (name !== "booklet.pdf") t.true(size < 300 * 1024, `${name} is ${size} bytes`);
  }
});

test("no text is below 11 pt, none below 14 pt in large print, none below 10 pt on the one-page aftercare sheet (read from the PDFs)", async (t) => {
  // Chromium stores 11 pt as 10.99 pt (CSS pixels rounded to 1/64): allow that rounding, nothing more.
  const rounding = 0.05;
  for (const [name, minimum] of [
    ["sclerotherapy.pdf", 11],
    ["sclerotherapy.a4.pdf", 11],
    ["sclerotherapy.trifold.pdf", 11],
    ["booklet.pdf", 11],
    ["sclerotherapy.large.pdf", 14],
    ["sclerotherapy.aftercare.pdf", 10],
  ] as const) {
    const runs = await pdfTextRuns(brochure(name));
    t.true(runs.length > 20, name);
    const small = runs.filter((run) => run.size < minimum - rounding);
    t.deepEqual(small, [], `${name}: text below ${minimum} pt`);
    const body = runs.filter((run) => run.text.includes("medicine is injected"));
    t.true(body.length > 0 || name.includes("trifold") || name.includes("aftercare"), name);
    for (const run of body) t.true(run.size >= minimum - rounding, `${name}: body at ${run.size} pt`);
  }
});

test("the tri-fold puts the cover on the front panel and contact details on the back panel", async (t) => {
  const runs = await pdfTextRuns(brochure("sclerotherapy.trifold.pdf"));
  const title = runs.find((run) => run.page === 1 && run.text === "Sclerotherapy" && run.size > 20);
  t.truthy(title, "the title is large on the outside");
  // Each word's position: the cover title sits in the right third, contact in the middle third.
  const words = await pdfWords(brochure("sclerotherapy.trifold.pdf"), 1);
  const xOf = (word: string) => Number(words.find((candidate) => candidate.text === word)?.xMin);
  t.true(xOf("Sclerotherapy") > 792 * (2 / 3), "cover on the right-hand (front) panel");
  t.true(xOf("Contact") > 792 / 3 && xOf("Contact") < 792 * (2 / 3), "contact on the middle (back) panel");
  t.true(xOf("glance") < 792 / 3, "at a glance on the flap");
  // The inside has no running footer: the phone number follows "When to call us" there too.
  // (The last panel alone: the inside now carries more sections, and -layout sets the panels' lines side by side.)
  const lastPanel = await pdfText(brochure("sclerotherapy.trifold.pdf"), { page: 2, region: { x: 528, y: 0, width: 264, height: 612 } });
  t.regex(lastPanel, /When to call us[\s\S]+Call us[\s\S]*\(555\) 010-0199\s*$/);
  t.regex(lastPanel, /In\s+an\s+emergency,\s+call\s+911/, "the emergency number and out-of-hours route before it");
});

test("the booklet's contents give the right page for each guide, and each guide starts on an odd page", async (t) => {
  const pages = (await pdfText(brochure("booklet.pdf"))).split("\f");
  const contents = pages.findIndex((page) => page.includes("Contents"));
  t.is(contents, 1, "contents on page 2");
  const entries = [...pages[contents]!.matchAll(/^\s*(.+?)\s{2,}(\d+)\s*$/gm)].map((match) => ({ title: match[1]!.trim(), page: Number(match[2]) }));
  t.deepEqual(
    entries.map((entry) => entry.title),
    ["Compression therapy", "Sclerotherapy"],
  );
  for (const entry of entries) {
    t.is(entry.page % 2, 1, `${entry.title} starts on an odd page`);
    const startPage = pages[entry.page - 1]!;
    t.regex(startPage, new RegExp(`^\\s*Fixture Vein Clinic[\\s\\S]*\\n${entry.title}\\n`), `${entry.title} starts on page ${entry.page}`);
    t.notRegex(pages[entry.page - 2]!, new RegExp(`^\\s*Fixture Vein Clinic\\s*\\n[^\\n]*\\n+${entry.title}\\n`), "and not a page earlier");
  }
  // The back page sends a reader to every guide online: a QR code to the home page in the booklet's language.
  t.deepEqual(await pdfQrCodes(brochure("booklet.pdf"), pages.length - 1), ["https://fixture.example.org/"]);
});

test("visual regression: page 1 of each format matches its reference image", async (t) => {
  for (const [format, file] of [
    ["letter", "sclerotherapy.pdf"],
    ["a4", "sclerotherapy.a4.pdf"],
    ["large", "sclerotherapy.large.pdf"],
    ["trifold", "sclerotherapy.trifold.pdf"],
    ["aftercare", "sclerotherapy.aftercare.pdf"],
    ["booklet", "booklet.pdf"],
  ] as const) {
    const share = await compareWithReference(format, await renderPage(brochure(file), 1));
    t.true(share <= 0.005, `${format}: ${(share * 100).toFixed(2)}% of pixels differ from tests/visual/reference/${format}.png`);
  }
});

test("a procedure too long for a tri-fold fails the tri-fold by name and how much is over; other formats still build", async (t) => {
  const own = await fixtureSite(t);
  const risks = Array.from({ length: 60 }, (_, i) => `- A listed side effect number ${i + 1} that needs a whole line of explanation for the patient.`).join(
    "\n",
  );
  await writeProcedure(
    own,
    "long-risks",
    procedureText({ title: "Long risks" }, `## What it is\n\nShort.\n\n## Risks and side effects\n\n${risks}\n\n## When to call us\n\nCall us.\n`),
  );
  const run = await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(own)]);
  t.is(run.code, 3, "exit status 3: only brochures that do not fit were left out");
  t.regex(run.stderr, /long-risks\.trifold\.pdf {2}failed: does not fit: the text of the three inside panels is over by about \d+ lines \(\d+ mm\)/);
  t.false(existsSync(path.join(own.brochuresDir, "long-risks.trifold.pdf")));
  t.true(existsSync(path.join(own.brochuresDir, "long-risks.pdf")));
  t.true(existsSync(path.join(own.brochuresDir, "sclerotherapy.trifold.pdf")));
});

test("--bleed makes print-shop PDFs with 3 mm bleed and crop marks, never published on the site", async (t) => {
  const own = await fixtureSite(t);
  t.is((await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(own)])).code, 0);
  const run = await runPamphlet(["brochures", "--formats", "letter,trifold", "--bleed", ...siteArgs(own)]);
  t.is(run.code, 0, run.stderr);
  const printShop = path.join(own.outDir, "print-shop");
  t.true(run.stdout.includes(printShop), run.stdout);
  const boxes = async (file: string) => {
    const info = await pdfInfo(file, { boxes: true });
    return (label: string) => box(info, label);
  };
  const bleedPt = (3 * 72) / 25.4;
  for (const [name, width, height] of [
    ["sclerotherapy.pdf", 612, 792],
    ["sclerotherapy.trifold.pdf", 792, 612],
  ] as const) {
    const box = await boxes(path.join(printShop, name));
    const trim = box("TrimBox");
    const bleed = box("BleedBox");
    const media = box("MediaBox");
    const mm = 72 / 25.4;
    t.true(Math.abs(trim[2]! - trim[0]! - width) < 1 && Math.abs(trim[3]! - trim[1]! - height) < 1, `${name}: trim is the paper (${trim})`);
    t.true(Math.abs(trim[0]! - bleed[0]! - bleedPt) < 0.1 && Math.abs(bleed[2]! - trim[2]! - bleedPt) < 0.1, `${name}: 3 mm bleed (${bleed})`);
    t.true(media[2]! - media[0]! > bleed[2]! - bleed[0]! + 8 * mm, `${name}: room for crop marks`);
    t.is((await pdfInfo(path.join(printShop, name))).Tagged, "yes");
    // What patients download and staff print stays the trimmed page, with no crop marks.
    for (const published of [path.join(own.brochuresDir, name), path.join(own.siteDir, "brochures", name)]) {
      const media = (await boxes(published))("MediaBox");
      t.true(Math.abs(media[2]! - media[0]! - width) < 1, `${published}: the paper, no crop marks (${media})`);
    }
  }
  t.false(existsSync(path.join(own.siteDir, "print-shop")), "print-shop files are not on the site");

  // The tri-fold's cover and flap colours run past the trim to the bleed edge on every outer side.
  const { PNG } = await import("pngjs");
  const outside = PNG.sync.read(await renderPage(path.join(printShop, "sclerotherapy.trifold.pdf"), 1, 72));
  const slug = (outside.width - (792 + 2 * bleedPt)) / 2;
  /** The colour at a point in the bleed box's coordinates (points from its bottom-left corner). */
  const colour = (x: number, y: number) => {
    const offset = 4 * (Math.round(outside.height - slug - y) * outside.width + Math.round(slug + x));
    return [...outside.data.subarray(offset, offset + 3)].join(",");
  };
  const [right, top] = [792 + 2 * bleedPt, 612 + 2 * bleedPt];
  const cover = colour(right - bleedPt - 5, top / 2);
  const flap = colour(bleedPt + 5, top / 2);
  t.not(cover, "255,255,255");
  for (const [x, y] of [
    [right - 2, top / 2],
    [right - 10, 2],
    [right - 10, top - 2],
  ] as const)
    t.is(colour(x, y), cover, `cover colour at (${x}, ${y})`);
  for (const [x, y] of [
    [2, top / 2],
    [10, 2],
    [10, top - 2],
  ] as const)
    t.is(colour(x, y), flap, `flap colour at (${x}, ${y})`);

  const build = await runPamphlet(["build", "--bleed", ...siteArgs(own)]);
  t.is(build.code, 2);
  t.true(build.stderr.includes("pamphlet brochures --bleed"), build.stderr);
});

test("a Markdown table prints with ruled rows and room between its columns", async (t) => {
  const tableSite = await fixtureSite(t);
  const rows = Array.from({ length: 4 }, (_, i) => `| Day ${i + 1} | Mild bruising | Call us if it lasts |`).join("\n");
  await writeProcedure(
    tableSite,
    "with-table",
    procedureText({ title: "With table" }, `## What it is\n\n| When | What you may notice | What to do |\n| --- | --- | --- |\n${rows}\n`),
  );
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(tableSite)])).code, 0);
  const { startSiteServer } = await import("../src/brochures/siteServer.ts");
  const { launchBrowser } = await import("../src/brochures/launchBrowser.ts");
  const server = await startSiteServer(tableSite.siteDir);
  t.teardown(() => server.close());
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  await page.goto(`${server.origin}/print/with-table/`, { waitUntil: "load" });
  const cell = await page.$eval(".prose td", (td) => {
    const style = getComputedStyle(td);
    return { border: parseFloat(style.borderBottomWidth), padding: parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) };
  });
  t.true(cell.border > 0, "rows are ruled");
  t.true(cell.padding >= 8, `columns have room between them (${cell.padding} px)`);
  t.regex(await pdfText(path.join(tableSite.brochuresDir, "with-table.pdf")), /Day 1\s+Mild bruising\s+Call us if it lasts/);
});
