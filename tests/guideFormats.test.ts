import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfText } from "./helpers/pdf.ts";

const body = (risks: number) => {
  const list = Array.from({ length: risks }, (_, i) => `- A listed side effect number ${i + 1} that needs a whole line of explanation for the patient.`);
  return `## What it is\n\nA short test guide.\n\n## Risks and side effects\n\n${list.join("\n")}\n\n## When to call us\n\nCall us.\n`;
};

test("a guide whose front matter `formats:` leaves out the tri-fold and the booklet is built without them", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "web-and-letter", procedureText({ title: "Web and letter only", formats: ["letter"] }, body(60)));
  const run = await runPamphlet(["build", "--formats", "letter,large,trifold,booklet", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  t.true(existsSync(path.join(site.brochuresDir, "web-and-letter.pdf")), "its letter brochure");
  t.false(existsSync(path.join(site.brochuresDir, "web-and-letter.trifold.pdf")), "no tri-fold (it would not fit, and is not asked for)");
  t.false(existsSync(path.join(site.brochuresDir, "web-and-letter.large.pdf")), "no large print");
  t.true(existsSync(path.join(site.brochuresDir, "sclerotherapy.trifold.pdf")), "the other guides keep every format");
  t.notRegex(await pdfText(path.join(site.brochuresDir, "booklet.pdf")), /Web and letter only/, "not in the booklet");
  const page = await readFile(path.join(site.siteDir, "procedures", "web-and-letter", "index.html"), "utf8");
  t.regex(page, /href="\/brochures\/web-and-letter\.pdf"/);
  t.notRegex(page, /web-and-letter\.large\.pdf/, "the page does not link a brochure that is not made");
});

test("a misspelt format in a guide's `formats:` is an error naming the file and the field", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "typo", procedureText({ formats: ["letter", "trifld"] }));
  const run = await runPamphlet(["check", "--content", site.contentDir]);
  t.is(run.code, 1);
  t.regex(run.stdout + run.stderr, /typo\.md.*formats/);
  t.regex(run.stdout + run.stderr, /trifold/, "lists the formats it may be");
});

test("a tri-fold that no longer fits does not stop the site: pages and other brochures are published, the old tri-fold withdrawn, exit status 3", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "growing", procedureText({ title: "Growing guide" }, body(2)));
  t.is((await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(site)])).code, 0);
  t.true(existsSync(path.join(site.siteDir, "brochures", "growing.trifold.pdf")));

  await writeProcedure(site, "growing", procedureText({ title: "Growing guide" }, `${body(60)}\nA newly added sentence.\n`));
  const run = await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(site)]);
  t.is(run.code, 3, run.stderr);
  t.regex(run.stderr, /growing\.trifold\.pdf {2}failed: does not fit/);
  t.regex(run.stderr, /exit status 3/);
  t.regex(await readFile(path.join(site.siteDir, "procedures", "growing", "index.html"), "utf8"), /A newly added sentence/, "the page is updated");
  t.regex(await pdfText(path.join(site.siteDir, "brochures", "growing.pdf")), /A newly added sentence/, "its letter brochure too");
  t.false(existsSync(path.join(site.siteDir, "brochures", "growing.trifold.pdf")), "the out-of-date tri-fold is withdrawn");
  t.false(existsSync(path.join(site.brochuresDir, "growing.trifold.pdf")));
  t.true(existsSync(path.join(site.siteDir, "brochures", "sclerotherapy.trifold.pdf")), "the tri-folds that fit are published");
  t.notRegex(await readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8"), /growing\.trifold\.pdf/, "the print centre does not list it");
});
