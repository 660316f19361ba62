import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfText } from "./helpers/pdf.ts";

/** Whitespace as pdftotext breaks lines: compare words, not layout. */
const words = (text: string) => text.replace(/\s+/g, " ");

test("every brochure, printed by Chromium, shows the out-of-hours route, the next review date and the guide's sources; the site's pages too", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${(await readFile(clinicFile, "utf8")).replace("country: United States", "country: United Kingdom")}emergency:\n  outOfHours: Out of hours, call NHS 111 for advice.\nreviewEveryMonths: 6\n`);
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace(/\n---\n/, '\nsources:\n  - "NICE. Varicose veins: diagnosis and management. CG168, 2013."\n---\n'));
  const run = await runPamphlet(["build", "--formats", "letter,large,trifold,booklet", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const route = "In an emergency, call 999 or go to the nearest emergency department. Out of hours, call NHS 111 for advice.";
  for (const file of ["sclerotherapy.pdf", "sclerotherapy.large.pdf", "sclerotherapy.trifold.pdf", "booklet.pdf"]) {
    const text = words(await pdfText(path.join(site.brochuresDir, file)));
    // (Checked in two parts: on the tri-fold, pdftotext reads a heading of the next column in between.)
    t.true(text.includes("In an emergency, call 999 or go to the") && text.includes("Out of hours, call NHS 111 for advice."), `${file}: the out-of-hours route`);
    // (On the tri-fold, pdftotext interleaves the back panel's lines with the flap's: the year may come a few words later.)
    t.true(/Next review due by April 1,( \S+){0,8} 2027\./.test(text), `${file}: the next review date`);
    if (file !== "sclerotherapy.trifold.pdf") {
      // The tri-fold has room for the key points only; its QR code leads to the full guide with its sources.
      t.true(text.includes("Sources") && text.includes("NICE. Varicose veins: diagnosis and management. CG168, 2013."), `${file}: the sources`);
    }
  }
  const page = words(await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8"));
  t.true(page.includes(route.replace("In an emergency, call 999 or go to the nearest emergency department.", "In an emergency, call 999 or go to the nearest emergency department.</strong>")));
  t.regex(page, /<h2 id="sources-title">Sources<\/h2>/);
  t.regex(page, /Next review due by April 1, 2027\./);
});
