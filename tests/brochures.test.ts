import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { loadPdf, PDFDict, PDFName } from "../src/shared/pdfLib.ts";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfFonts, pdfInfo, pdfQrCodes, pdfText } from "./helpers/pdf.ts";

test("build prints a letter brochure per procedure: tagged, titled, fonts embedded, phone and QR code on it", async (t) => {
  const site = await fixtureSite(t);
  const run = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /Brochures: 2 made, 0 skipped \(unchanged\), 0 failed/);
  const pdf = path.join(site.brochuresDir, "sclerotherapy.pdf");

  const info = await pdfInfo(pdf);
  t.is(info["Page size"], "612 x 792 pts (letter)");
  t.is(info.Tagged, "yes");
  t.is(info.Title, "Sclerotherapy");
  t.is(info.Author, "Fixture Vein Clinic");
  t.is(info.Subject, "Small injections close spider veins so they fade over a few weeks.");
  t.is(info.Creator, "Pamphlet");
  t.true(Number(info.Pages) >= 1);

  const fonts = await pdfFonts(pdf);
  t.true(fonts.length > 0);
  for (const font of fonts) {
    t.true(font.embedded, `${font.name} is not embedded`);
    t.true(font.subset, `${font.name} is not subset`);
    t.regex(font.name, /AtkinsonHyperlegibleNext/, "only the bundled typeface is used");
  }

  const text = await pdfText(pdf);
  t.regex(text, /Sclerotherapy/);
  t.regex(text, /\(555\) 010-0199/);
  t.regex(text, /Page 1 of \d/);
  t.regex(text, /Fixture Vein Clinic/);

  const lastPage = Number(info.Pages);
  t.deepEqual(await pdfQrCodes(pdf, lastPage), ["https://fixture.example.org/procedures/sclerotherapy/"]);

  const bytes = await readFile(pdf);
  const document = await loadPdf(bytes);
  t.is(document.catalog.lookup(PDFName.of("Lang"))?.toString(), "(en)");
  t.true(document.catalog.lookup(PDFName.of("Outlines")) instanceof PDFDict, "has bookmarks");
  const raw = bytes.toString("latin1");
  t.notRegex(raw, /HeadlessChrome|Mozilla\/5\.0/, "no browser user agent in the PDF");
  t.false(raw.includes(site.root), "no machine path in the PDF");

  // The same PDFs are published with the site, next to the pages that link to them.
  t.deepEqual(await readFile(path.join(site.siteDir, "brochures", "sclerotherapy.pdf")), bytes);
});

test("a4 paper in clinic.yaml gives A4 brochures", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace("paper: letter", "paper: a4"));
  const run = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const size = (await pdfInfo(path.join(site.brochuresDir, "compression-therapy.pdf")))["Page size"]!;
  const [width, height] = size.split(" x ").map((part) => Number.parseFloat(part));
  t.true(Math.abs(width! - 595) <= 1 && Math.abs(height! - 842) <= 1, size);
});

test("brochures re-prints named procedures from the built site and refuses unknown ones", async (t) => {
  const site = await builtSite(t, []);
  const run = await runPamphlet(["brochures", "sclerotherapy", "--force", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /Brochures: 1 made, 0 skipped \(unchanged\), 0 failed/);
  const unknown = await runPamphlet(["brochures", "no-such-thing", ...siteArgs(site)]);
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /No procedure called no-such-thing in the built site\. Known procedures: compression-therapy, sclerotherapy/);
});

test("brochures refuses to print a print view missing from the built site, instead of printing its 'Not found' page", async (t) => {
  const site = await builtSite(t, []);
  const pdf = path.join(site.brochuresDir, "sclerotherapy.pdf");
  const before = await readFile(pdf);
  await rm(path.join(site.siteDir, "print", "sclerotherapy"), { recursive: true });
  const run = await runPamphlet(["brochures", "sclerotherapy", "--force", ...siteArgs(site)]);
  t.is(run.code, 1, run.stdout);
  t.regex(
    `${run.stdout}\n${run.stderr}`,
    /\/print\/sclerotherapy\/ answered 404 Not Found: the built site has no such print view\. Build the site again \(npm run build\), then retry\./,
  );
  t.deepEqual(await readFile(pdf), before, "the earlier PDF is left as it was");
});

test("PDFs as readers need them: each bookmark once, standard structure types, the flip edge, a link under the QR code", async (t) => {
  const site = await fixtureSite(t);
  // A heading at the foot of a page is pushed to the next one: in one of these, whichever line that is.
  const slugs = Array.from({ length: 10 }, (_, i) => `pushed-${i}`);
  for (const [i, slug] of slugs.entries()) {
    const filler = Array.from({ length: 38 + i }, (_, line) => `Filler line ${line + 1}.`).join("\n\n");
    await writeProcedure(
      site,
      slug,
      procedureText({ title: `Pushed ${i}` }, `## What it is\n\n${filler}\n\n## Before your visit\n\nA **strong** word and a line after it.\n`),
    );
  }
  const run = await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const { PDFArray, PDFHexString, PDFString } = await import("../src/shared/pdfLib.ts");
  const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "");
  const titles: string[] = [];
  for (const slug of slugs) {
    const document = await loadPdf(await readFile(path.join(site.brochuresDir, `${slug}.pdf`)));
    const walk = (item: PDFDict | undefined) => {
      for (; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
        titles.push(text(item.lookup(PDFName.of("Title"))));
        walk(item.lookupMaybe(PDFName.of("First"), PDFDict));
      }
    };
    walk(document.catalog.lookup(PDFName.of("Outlines"), PDFDict).lookupMaybe(PDFName.of("First"), PDFDict));
    const roleMap = document.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict).lookup(PDFName.of("RoleMap"), PDFDict);
    t.is(roleMap.get(PDFName.of("Strong"))?.toString(), "/Span", `${slug}: Strong is a standard Span for PDF 1.7 readers`);
    t.is(document.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict).get(PDFName.of("Duplex"))?.toString(), "/DuplexFlipLongEdge");
  }
  t.true(
    titles.filter((title) => title === "Before your visit").length === slugs.length,
    `each brochure has the bookmark once: ${JSON.stringify([...new Set(titles)])}`,
  );
  t.deepEqual(
    titles.filter((title) => title.length > 1 && title.slice(0, title.length / 2).repeat(2) === title),
    [],
    "no bookmark title written twice",
  );

  const trifold = await loadPdf(await readFile(path.join(site.brochuresDir, "sclerotherapy.trifold.pdf")));
  t.is(
    trifold.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict).get(PDFName.of("Duplex"))?.toString(),
    "/DuplexFlipShortEdge",
    "the tri-fold turns over its short edge",
  );
  const uris = trifold.getPages().flatMap((page) => {
    const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    return Array.from({ length: annotations?.size() ?? 0 }, (_, i) =>
      text(annotations!.lookup(i, PDFDict).lookupMaybe(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("URI"))),
    );
  });
  t.true(uris.includes("https://fixture.example.org/procedures/sclerotherapy/"), `the address under the QR code is a link: ${JSON.stringify(uris)}`);
});

test("links in a brochure's text lead to the public site, never to the server it was printed from", async (t) => {
  const site = await fixtureSite(t);
  const body =
    "## What it is\n\n" +
    "See [how it compares](/procedures/sclerotherapy/), [our risks](#risks-and-side-effects) and [the sibling guide](../compression-therapy/).\n\n" +
    "## Risks and side effects\n\nFew.\n\n## When to call us\n\nCall us.\n";
  await writeProcedure(site, "linked", procedureText({ title: "Linked" }, body));
  const { PDFArray, PDFHexString, PDFString } = await import("../src/shared/pdfLib.ts");
  const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : "");
  // Published at the top of the host, and under a folder (a GitHub project site): a link from the site's top keeps the folder.
  for (const basePath of ["/", "/clinic/"]) {
    const out = path.join(site.root, `output${basePath.replaceAll("/", "-")}`);
    const run = await runPamphlet(["build", "--formats", "letter,trifold,booklet", "--base-path", basePath, ...siteArgs({ ...site, outDir: out })]);
    t.is(run.code, 0, run.stderr);
    await linksArePublic(path.join(out, "brochures"), `https://fixture.example.org${basePath.slice(0, -1)}`);
  }
  async function linksArePublic(brochuresDir: string, origin: string) {
    const uris = async (file: string) => {
      const document = await loadPdf(await readFile(path.join(brochuresDir, file)));
      return document.getPages().flatMap((page) => {
        const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
        return Array.from({ length: annotations?.size() ?? 0 }, (_, i) =>
          text(annotations!.lookup(i, PDFDict).lookupMaybe(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("URI"))),
        ).filter(Boolean);
      });
    };
    for (const file of ["linked.pdf", "linked.trifold.pdf", "booklet.pdf"]) {
      const links = await uris(file);
      t.deepEqual(
        links.filter((uri) => !uri.startsWith(`${origin}/`) && !/^(tel|mailto):/.test(uri)),
        [],
        `${file}: every link is public`,
      );
      t.true(links.includes(`${origin}/procedures/sclerotherapy/`), `${file}: ${JSON.stringify(links)}`);
      t.true(links.includes(`${origin}/procedures/compression-therapy/`), `${file}: a relative link resolved from the guide's page`);
    }
    // The booklet repeats every guide's headings: a heading link goes to that guide's public page.
    t.true((await uris("booklet.pdf")).includes(`${origin}/procedures/linked/#risks-and-side-effects`));
  }
});

const accentedAddress =
  "a site address with an accent (/clínica/) is written one way, in ASCII, in the QR code, canonical links and sitemap; the print shows it readable";
test(accentedAddress, async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(
    clinicFile,
    (await readFile(clinicFile, "utf8")).replace("siteUrl: https://fixture.example.org/", "siteUrl: https://fixture.example.org/clínica/"),
  );
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const encoded = "https://fixture.example.org/cl%C3%ADnica/procedures/sclerotherapy/";
  const pdf = path.join(site.brochuresDir, "sclerotherapy.pdf");
  t.deepEqual(await pdfQrCodes(pdf, Number((await pdfInfo(pdf)).Pages)), [encoded], "any phone's scanner reads the same address");
  t.regex(await pdfText(pdf), /fixture\.example\.org\/clínica\/procedures\/sclerotherapy\//, "the address under the code is printed as people read it");
  const page = await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8");
  t.true(page.includes(`<link rel="canonical" href="${encoded}">`));
  const sitemap = await readFile(path.join(site.siteDir, "sitemap.xml"), "utf8");
  t.true(sitemap.includes(`<loc>${encoded}</loc>`));
  t.false(/[^\x00-\x7f]/.test(sitemap), "the sitemap is ASCII");
});
