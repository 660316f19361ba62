import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfText } from "./helpers/pdf.ts";

test("the disclaimer never ends a brochure on a page of its own: the QR code and review date go with it", async (t) => {
  const site = await fixtureSite(t);
  // One line longer in each guide, so that in some of them the page ends inside the back block.
  const slugs = Array.from({ length: 14 }, (_, i) => `back-${i}`);
  for (const [i, slug] of slugs.entries()) {
    const filler = Array.from({ length: 22 + i }, (_, line) => `Filler line ${line + 1}.`).join("\n\n");
    await writeProcedure(site, slug, procedureText({ title: `Back ${i}` }, `## What it is\n\n${filler}\n`));
  }
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  for (const slug of slugs) {
    const pages = (await pdfText(path.join(site.brochuresDir, `${slug}.pdf`))).split("\f").slice(0, -1);
    const disclaimerPage = pages.find((page) => page.includes("does not replace advice"))!;
    t.regex(disclaimerPage, /Last reviewed/, `${slug}: the review date is on the disclaimer's page`);
    t.regex(disclaimerPage, /Scan to read this guide online/, `${slug}: and the QR code`);
  }
});
