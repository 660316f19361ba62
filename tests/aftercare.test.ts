import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfInfo, pdfQrCodes, pdfText } from "./helpers/pdf.ts";
import { shippedContent } from "./helpers/shippedContent.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

test("--formats aftercare makes a one-page sheet per guide: after the treatment, when to call us, the contact block", async (t) => {
  const site = await fixtureSite(t);
  const run = await runPamphlet(["build", "--formats", "aftercare", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const file = path.join(site.brochuresDir, "sclerotherapy.aftercare.pdf");
  const info = await pdfInfo(file);
  t.is(info.Pages, "1");
  t.regex(info["Page size"]!, /^612 x 792/, "on the clinic's paper");
  const text = await pdfText(file);
  // Two columns: pdftotext may give a line of each side by side, so each part is looked for on its own.
  for (const part of [
    /AFTERCARE\s+Sclerotherapy/,
    /After the treatment/,
    /Walk for a short time/,
    /When to call us/,
    /Call us if your leg swells/,
    /Contact us\s+Phone/,
    /\(555\) 010-0199/,
  ])
    t.regex(text, part);
  t.notRegex(text, /What it is|Risks and side effects/, "only the sections a patient needs after treatment");
  t.deepEqual(await pdfQrCodes(file, 1), ["https://fixture.example.org/procedures/sclerotherapy/"]);
  t.true(existsSync(path.join(site.siteDir, "brochures", "sclerotherapy.aftercare.pdf")), "published");
});

test("an aftercare sheet that does not fit one page fails by name and how much is over (exit status 3); nothing is shrunk", async (t) => {
  const site = await fixtureSite(t);
  const advice = Array.from({ length: 50 }, (_, i) => `- Aftercare step number ${i + 1}, explained on a line of its own for the patient.`).join("\n");
  await writeProcedure(
    site,
    "long-aftercare",
    procedureText({ title: "Long aftercare" }, `## What it is\n\nShort.\n\n## After the treatment\n\n${advice}\n\n## When to call us\n\nCall us.\n`),
  );
  // Short sections, but forty sources: they are what to shorten (the message named only the sections and contact details).
  const sources = Array.from({ length: 40 }, (_, n) => `Source ${n + 1}: Vein Society guidance on aftercare, 2024.`);
  const steps = advice.split("\n").slice(0, 20).join("\n");
  await writeProcedure(
    site,
    "many-sources",
    procedureText({ title: "Many sources", sources }, `## After the treatment\n\n${steps}\n\n## When to call us\n\nCall us.\n`),
  );
  const run = await runPamphlet(["build", "--formats", "letter,aftercare", ...siteArgs(site)]);
  t.is(run.code, 3, run.stderr);
  t.regex(
    run.stderr,
    joinedRegExp(
      /long-aftercare\.aftercare\.pdf {2}failed: does not fit: the aftercare sheet is over by about \d+ lines \(\d+ mm\): /,
      /shorten the sections "After the treatment" or "When to call us", or the contact details/,
    ),
  );
  t.regex(run.stderr, /many-sources\.aftercare\.pdf {2}failed: does not fit: .*shorten the sections .*, the sources \(front matter\),? or the contact details/);
  t.false(existsSync(path.join(site.brochuresDir, "long-aftercare.aftercare.pdf")));
  t.true(existsSync(path.join(site.brochuresDir, "long-aftercare.pdf")), "the guide's other brochures are made");
  t.true(existsSync(path.join(site.brochuresDir, "sclerotherapy.aftercare.pdf")), "and the sheets that fit");
});

const shortenedSheet =
  "an aftercare sheet too long for its page leaves out its later sub-blocks, then its opening paragraphs, and says so; " +
  "never 'When to call us', the emergency route or the contact block";
test(shortenedSheet, async (t) => {
  const site = await fixtureSite(t);
  const steps = (label: string, count: number) =>
    Array.from({ length: count }, (_, i) => `- ${label} step ${i + 1}, explained on a line of its own for the patient.`).join("\n");
  await writeProcedure(
    site,
    "long-aftercare",
    procedureText(
      { title: "Long aftercare" },
      [
        "## What it is\n\nShort.\n",
        "## After the treatment\n\nYou walk right after the treatment. Most people go home within an hour.\n",
        `### The first few days\n\n${steps("First-days", 12)}\n`,
        `### The first few weeks\n\n${steps("Later", 40)}\n`,
        "## When to call us\n\nCall us right away if your leg swells.\n",
      ].join("\n"),
    ),
  );
  const run = await runPamphlet(["build", "--formats", "aftercare", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const file = path.join(site.brochuresDir, "long-aftercare.aftercare.pdf");
  t.is((await pdfInfo(file)).Pages, "1");
  const text = (await pdfText(file)).replace(/\s+/g, " ");
  for (const kept of [
    /First-days step 12/,
    /When to call us/,
    /Call us right away if your leg swells/,
    /In an emergency, call 911/,
    /Contact us/,
    /\(555\) 010-0199/,
  ])
    t.regex(text, kept);
  t.notRegex(text, /Later step/, "the later sub-block is left out whole, not cut");
  // Two columns: pdftotext may interleave their lines, so the note is looked for in two parts.
  t.regex(text, /did not fit on this sheet:/);
  t.regex(text, /scan the code below for the full guide/);
  t.regex(text, /You walk right after the treatment/, "the opening paragraph still fits once the long sub-block is out");
  // The shipped sample's sheets fit whole: nothing is left out, so nothing is said.
  t.notRegex(await pdfText(path.join(site.brochuresDir, "sclerotherapy.aftercare.pdf")), /did not fit/);
});

test("every shipped guide's aftercare sheet fits its one page, in English and Spanish, with nothing left out", async (t) => {
  const shipped = await shippedContent(t);
  const outDir = path.join(shipped.root, "output");
  const run = await runPamphlet(["build", "--formats", "aftercare", "--content", shipped.contentDir, "--out", outDir]);
  t.is(run.code, 0, run.stderr);
  const slugs = (await readdir(path.join(shipped.contentDir, "procedures"))).map((file) => path.basename(file, ".md"));
  t.true(slugs.length >= 8);
  for (const folder of ["", "es"]) {
    for (const slug of slugs) {
      const file = path.join(outDir, "brochures", folder, `${slug}.aftercare.pdf`);
      t.is((await pdfInfo(file)).Pages, "1", file);
      t.notRegex(await pdfText(file), /did not fit|no cabe/, `${file}: the whole after-care advice`);
    }
  }
});
