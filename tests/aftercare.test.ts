import { existsSync } from "node:fs";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfInfo, pdfQrCodes, pdfText } from "./helpers/pdf.ts";

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
  for (const part of [/AFTERCARE\s+Sclerotherapy/, /After the treatment/, /Walk for a short time/, /When to call us/, /Call us if your leg swells/, /Contact us\s+Phone/, /\(555\) 010-0199/]) t.regex(text, part);
  t.notRegex(text, /What it is|Risks and side effects/, "only the sections a patient needs after treatment");
  t.deepEqual(await pdfQrCodes(file, 1), ["https://fixture.example.org/procedures/sclerotherapy/"]);
  t.true(existsSync(path.join(site.siteDir, "brochures", "sclerotherapy.aftercare.pdf")), "published");
});

test("an aftercare sheet that does not fit one page fails by name and how much is over (exit status 3); nothing is shrunk", async (t) => {
  const site = await fixtureSite(t);
  const advice = Array.from({ length: 50 }, (_, i) => `- Aftercare step number ${i + 1}, explained on a line of its own for the patient.`).join("\n");
  await writeProcedure(site, "long-aftercare", procedureText({ title: "Long aftercare" }, `## What it is\n\nShort.\n\n## After the treatment\n\n${advice}\n\n## When to call us\n\nCall us.\n`));
  const run = await runPamphlet(["build", "--formats", "letter,aftercare", ...siteArgs(site)]);
  t.is(run.code, 3, run.stderr);
  t.regex(run.stderr, /long-aftercare\.aftercare\.pdf {2}failed: does not fit: the aftercare sheet is over by about \d+ lines \(\d+ mm\): shorten the sections "After the treatment" or "When to call us"/);
  t.false(existsSync(path.join(site.brochuresDir, "long-aftercare.aftercare.pdf")));
  t.true(existsSync(path.join(site.brochuresDir, "long-aftercare.pdf")), "the guide's other brochures are made");
  t.true(existsSync(path.join(site.brochuresDir, "sclerotherapy.aftercare.pdf")), "and the sheets that fit");
});
