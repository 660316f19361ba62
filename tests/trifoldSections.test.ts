import { existsSync } from "node:fs";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfText, pdfWords } from "./helpers/pdf.ts";

test("the tri-fold's inside adds the other sections that fit, after-care first, and leaves out one too long for the room left", async (t) => {
  const site = await fixtureSite(t);
  const longBefore = Array.from({ length: 70 }, (_, i) => `- Preparation step ${i + 1}, which needs a whole line of its own to explain.`).join("\n");
  const body = [
    "## What it is\n\nA short test guide.",
    "## Who it helps\n\nPeople with small veins.",
    `## Before your visit\n\n${longBefore}`,
    "## During the treatment\n\nIt takes about half an hour.",
    "## After the treatment\n\nWalk every day and wear your stockings.",
    "## Risks and side effects\n\nBruising is common.",
    "## When to call us\n\nCall us if your leg swells.",
  ].join("\n\n");
  await writeProcedure(site, "roomy", procedureText({ title: "Roomy guide" }, `${body}\n`));
  const run = await runPamphlet(["build", "--formats", "trifold", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  // In reading order (no -layout: that sets the three panels side by side, line by line).
  const inside = await pdfText(path.join(site.brochuresDir, "roomy.trifold.pdf"), { page: 2, layout: false });
  t.regex(inside, /After the treatment/, "after-care, first in priority, fits and is carried");
  t.regex(inside, /Walk every day/);
  t.regex(inside, /During the treatment/, "and the short sections after it");
  t.regex(inside, /Who it helps/);
  t.notRegex(inside, /Before your visit|Preparation step/, "the section too long for the room left is left out, not squeezed");
});

test("no tri-fold text prints in the 0.3 in kept clear of the paper's edge: a full flap leaves out its note, then fails by name", async (t) => {
  const site = await fixtureSite(t);
  // One more source each time, so that in some guide the flap's last line falls into its bottom padding (it measured as fitting).
  const slugs = Array.from({ length: 8 }, (_, i) => `flap-${i}`);
  for (const [i, slug] of slugs.entries()) {
    const sources = Array.from({ length: 6 + i }, (_, n) => `Vein Society guidance number ${n + 1} on the care of small leg veins, 2024`);
    await writeProcedure(site, slug, procedureText({ title: `Flap ${i}`, sources }));
  }
  const run = await runPamphlet(["build", "--formats", "trifold", ...siteArgs(site)]);
  let made = 0;
  for (const slug of slugs) {
    const file = path.join(site.brochuresDir, `${slug}.trifold.pdf`);
    if (!existsSync(file)) {
      t.regex(run.stderr, new RegExp(`${slug}\\.trifold\\.pdf {2}failed: does not fit: the inside flap is over by`), `${slug} is made or fails by name`);
      continue;
    }
    made++;
    const lowest = Math.max(...(await pdfWords(file, 1)).map((word) => word.yMax));
    t.true(lowest <= 612 - 20, `${slug}: text ends ${((612 - lowest) / 72).toFixed(2)} in from the paper's bottom edge`);
  }
  t.true(made >= 4, `${made} tri-folds made`);
  t.regex(await pdfText(path.join(site.brochuresDir, "flap-0.trifold.pdf")), /This leaflet covers the key points/, "a flap with room keeps its note");
});
