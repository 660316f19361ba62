import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfText, pdfTextRuns } from "./helpers/pdf.ts";

/** Whitespace as pdftotext breaks lines: compare words, not layout. */
const words = (text: string) => text.replace(/\s+/g, " ");
/** Letters and digits only: lines broken anywhere still compare equal. */
const letters = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, "");
/** The text in the order Chromium wrote it (the DOM's), where pdftotext -layout interleaves the tri-fold's panels line by line. */
const inOrder = async (file: string) => (await pdfTextRuns(file)).map((run) => run.text).join(" ");

const nice = "NICE. Varicose veins: diagnosis and management. CG168, 2013.";
const medlinePlus = "MedlinePlus (US National Library of Medicine). Varicose veins.";

const safetyEverywhere =
  "every brochure, printed by Chromium, shows the out-of-hours route, the next review date and the guide's sources; " +
  "the visit pack and the site's pages too";
test(safetyEverywhere, async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const inTheUk = (await readFile(clinicFile, "utf8")).replace("country: United States", "country: United Kingdom");
  await writeFile(clinicFile, `${inTheUk}emergency:\n  outOfHours: Out of hours, call NHS 111 for advice.\nreviewEveryMonths: 6\n`);
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace("\nsources:\n", `\nsources:\n  - "${nice}"\n`));
  const run = await runPamphlet(["build", "--formats", "letter,a4,large,trifold,aftercare,booklet", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const pack = path.join(site.root, "visit-pack.pdf");
  const packed = await runPamphlet(["pack", "sclerotherapy", "--content", site.contentDir, "--from", site.outDir, "--out", pack]);
  t.is(packed.code, 0, packed.stderr);

  const route = "In an emergency, call 999 or go to the nearest emergency department. Out of hours, call NHS 111 for advice.";
  const printed = [
    "sclerotherapy.pdf",
    "sclerotherapy.a4.pdf",
    "sclerotherapy.large.pdf",
    "sclerotherapy.trifold.pdf",
    "sclerotherapy.aftercare.pdf",
    "booklet.pdf",
  ];
  for (const file of [...printed.map((name) => path.join(site.brochuresDir, name)), pack]) {
    const name = path.basename(file);
    const text = words(await pdfText(file));
    const ordered = letters(await inOrder(file));
    t.true(ordered.includes(letters(route)), `${name}: the out-of-hours route`);
    t.true(ordered.includes(letters("Next review due by April 1, 2027.")), `${name}: the next review date`);
    // Every format names each source in full: a list under "Sources" in the portrait brochures and
    // the booklet, one "Sources:" paragraph on the tri-fold's flap and the aftercare sheet.
    t.regex(text, /Sources:? /, `${name}: the sources' heading`);
    for (const source of [nice, medlinePlus]) t.true(ordered.includes(letters(source)), `${name}: the source "${source}"`);
  }
  const page = words(await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8"));
  t.true(
    page.includes(
      route.replace(
        "In an emergency, call 999 or go to the nearest emergency department.",
        "In an emergency, call 999 or go to the nearest emergency department.</strong>",
      ),
    ),
  );
  t.regex(page, /<h2 id="sources-title">Sources<\/h2>/);
  t.true(page.includes(`<li>${nice}</li>`) && page.includes(`<li>${medlinePlus}</li>`));
  t.regex(page, /Next review due by April 1, 2027\./);
});
