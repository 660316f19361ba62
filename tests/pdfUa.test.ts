import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir, hookCleanups, procedureText, writeProcedure, type FixtureSite } from "./helpers/fixtures.ts";
import { elements, pdfAccessibility, type PdfAccessibility, unreachableObjects } from "./helpers/pdf.ts";

// PDF/UA-1 checkpoints (Matterhorn protocol) that the structure allows a machine to check, one test
// each, over a brochure of every format. The site is built once, by the first test that needs it
// (not in a before hook: a slow build there would crash ava's reporter).
const cleanups = hookCleanups();
test.after.always(() => cleanups.run());

const formats = {
  letter: "side-by-side.pdf",
  a4: "side-by-side.a4.pdf",
  large: "side-by-side.large.pdf",
  trifold: "side-by-side.trifold.pdf",
  aftercare: "side-by-side.aftercare.pdf",
  booklet: "booklet.pdf",
} as const;
const table = "| Treatment | Sessions | Time off |\n| --- | --- | --- |\n| Sclerotherapy | 2 to 4 | None |\n| Compression | None | None |";
// A captioned picture and a sized one: each a <figure> around its <img>.
const pictures = '![A leg after treatment](/images/leg.png "Eight weeks after")\n\n![Veins on a calf](/images/leg.png#half)';
const body =
  `## What it is\n\nA guide with a comparison table.\n\n${table}\n\n${pictures}\n\n` +
  "## Risks and side effects\n\nBruising is common.\n\n## When to call us\n\nCall us if your leg swells.\n";

let built: Promise<{ site: FixtureSite; read: Map<string, PdfAccessibility> }> | undefined;
function brochures() {
  built ??= (async () => {
    const site = await fixtureSite(cleanups);
    await mkdir(path.join(site.contentDir, "images"), { recursive: true });
    await copyFile(path.join(fixturesDir, "images", "wordmark-1200x260.png"), path.join(site.contentDir, "images", "leg.png"));
    await writeProcedure(
      site,
      "side-by-side",
      procedureText({ title: "Compare treatments", summary: "Which vein treatment fits you, side by side in one table." }, body),
    );
    const run = await runPamphlet(["build", "--formats", Object.keys(formats).join(","), ...siteArgs(site)]);
    if (run.code !== 0) throw new Error(`build failed: ${run.stderr}`);
    const read = new Map<string, PdfAccessibility>();
    for (const [format, file] of Object.entries(formats)) read.set(format, await pdfAccessibility(path.join(site.brochuresDir, file)));
    return { site, read };
  })();
  return built;
}

const eachFormat = async (check: (pdf: PdfAccessibility, format: string) => void) => {
  for (const [format, pdf] of (await brochures()).read) check(pdf, format);
};

test("XMP metadata carries the PDF/UA identifier (pdfuaid:part 1), the title and the language", async (t) => {
  await eachFormat((pdf, format) => {
    t.regex(pdf.xmp, /<pdfuaid:part>1<\/pdfuaid:part>/, format);
    t.regex(pdf.xmp, /<dc:title>.*<rdf:li xml:lang="x-default">(Compare treatments|Patient guides)<\/rdf:li>/s, format);
    t.regex(pdf.xmp, /<dc:language>.*<rdf:li>en<\/rdf:li>/s, format);
  });
});

test("the document language is set and the window shows the title (DisplayDocTitle)", async (t) => {
  await eachFormat((pdf, format) => t.true(pdf.lang === "en" && pdf.displayDocTitle, format));
});

test("the at-a-glance facts are a real list: an L of LI elements, not untyped NonStruct", async (t) => {
  await eachFormat((pdf, format) => {
    if (format === "aftercare") return t.pass("the aftercare sheet has no at-a-glance box");
    const lists = [...elements(pdf.structure)].filter((element) => element.role === "L" && element.children.filter((child) => child.role === "LI").length >= 5);
    t.true(lists.length > 0, format);
  });
});

test("a comparison table is a Table whose header row is TH cells", async (t) => {
  await eachFormat((pdf, format) => {
    if (format === "aftercare") return t.pass("the aftercare sheet carries no table here");
    const tables = [...elements(pdf.structure)].filter((element) => element.role === "Table");
    const headers = tables.flatMap((tableElement) => [...elements([tableElement])].filter((element) => element.role === "TH"));
    t.true(tables.length > 0 && headers.length >= 3, `${format}: ${tables.length} tables, ${headers.length} header cells`);
  });
});

test("no text is left outside the structure: all of it is tagged or an artifact", async (t) => {
  await eachFormat((pdf, format) => t.deepEqual(pdf.unmarkedText, [], format));
});

test("running footers and page numbers are artifacts, which screen readers skip", async (t) => {
  await eachFormat((pdf, format) => {
    if (format === "trifold") return t.pass("the tri-fold has no running footer");
    // (The aftercare sheet has one: "Page 1 of 1".)
    // pdf.js gives each word of the footer as its own run.
    t.regex(pdf.artifactText.join(" "), /Page\s*\d+\s*of\s*\d+/, format);
  });
});

test("every figure has alt text (a captioned or sized picture's too); the QR code's says what it is, the link by it where it leads", async (t) => {
  await eachFormat((pdf, format) => {
    const figures = [...elements(pdf.structure)].filter((element) => element.role === "Figure");
    t.true(figures.length > 0 && figures.every((figure) => (figure.alt ?? "").trim() !== ""), `${format}: ${figures.map((figure) => figure.alt).join(" | ")}`);
    t.true(
      figures.some((figure) => figure.alt === "QR code"),
      `${format}: the QR code's alt text`,
    );
    // The guide's address is read once, from the link under the code (the code's alt text repeated it).
    t.deepEqual(
      figures.filter((figure) => /https:\/\//.test(figure.alt ?? "")).map((figure) => figure.alt),
      [],
      format,
    );
    // A captioned picture: its Figure (with the alt) beside its Caption, in a Div (Chromium tagged the <figure> a Figure with no alt).
    if (format === "trifold" || format === "aftercare") return; // they leave pictures out
    const group = [...elements(pdf.structure)].find((element) => element.children.some((child) => child.alt === "A leg after treatment"));
    t.deepEqual(group && { role: group.role, children: group.children.map((child) => child.role) }, { role: "Div", children: ["Figure", "Caption"] }, format);
  });
});

test("every list item holds a label and a body (Lbl, LBody) and nothing else, as ISO 32000 asks: its text was in a NonStruct", async (t) => {
  await eachFormat((pdf, format) => {
    const items = [...elements(pdf.structure)].filter((element) => element.role === "LI");
    t.true(items.length > 0, format);
    t.deepEqual(
      items.flatMap((item) => item.children.map((child) => child.role)).filter((role) => role !== "Lbl" && role !== "LBody"),
      [],
      format,
    );
    t.true(
      items.every((item) => item.children.some((child) => child.role === "LBody")),
      format,
    );
  });
});

test("every link annotation has a Contents description and is in the structure tree", async (t) => {
  await eachFormat((pdf, format) => {
    t.true(pdf.links.length > 0, `${format} has links`);
    const bad = pdf.links.filter((link) => !link.contents || !link.inStructure);
    t.deepEqual(bad, [], format);
  });
});

test("a link is described by its name as printed: the phone as the clinic writes it, a contents entry by its guide's title", async (t) => {
  await eachFormat((pdf, format) => {
    const phones = pdf.links.filter((link) => link.uri?.startsWith("tel:"));
    t.true(phones.length > 0 && phones.every((link) => link.contents === "(555) 010-0199"), `${format}: ${phones.map((link) => link.contents)}`);
  });
  const entries = (await brochures()).read.get("booklet")!.links.filter((link) => link.dest);
  t.deepEqual(entries.map((link) => [link.dest, link.contents?.replace(/ \d+$/, "")]).sort(), [
    ["guide-compression-therapy", "Compression therapy"],
    ["guide-sclerotherapy", "Sclerotherapy"],
    ["guide-side-by-side", "Compare treatments"],
  ]);
});

test("no object is written that nothing reads: a page's replaced content is not left in the file (it was 35-41 % of a brochure)", async (t) => {
  const { site } = await brochures();
  for (const [format, file] of Object.entries(formats)) t.deepEqual(await unreachableObjects(path.join(site.brochuresDir, file)), [], format);
});

test("pages with links set the tab order to the structure (Tabs /S)", async (t) => {
  await eachFormat((pdf, format) => t.deepEqual(pdf.pagesWithoutStructureTabs, [], format));
});
