import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { readability } from "../src/check/readability.ts";
import { runChecks } from "../src/check/runChecks.ts";
import { spanishSyllables } from "../src/check/syllablesEs.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

const today = new Date("2026-11-24T12:00:00Z");
const allSections = [
  "## What it is",
  "## Who it helps",
  "## Other options",
  "## Before your visit",
  "## During the treatment",
  "## After the treatment",
  "## Results and how many sessions",
  "## Risks and side effects",
  "## When to call us",
];
const completeBody = (extra = "") => allSections.map((heading) => `${heading}\n\nShort plain words here.\n`).join("\n") + extra;

async function checked(t: import("ava").ExecutionContext, slug: string, text: string, now = today) {
  const site = await fixtureSite(t);
  const file = await writeProcedure(site, slug, text);
  const report = await runChecks(site.contentDir, now);
  const mine = report.problems.filter((problem) => problem.file.endsWith(`${slug}.md`));
  return { site, file, report, mine, text: mine.map((problem) => formatProblem(problem)).join("\n") };
}

test("Flesch–Kincaid is within one grade of a hand count", (t) => {
  // 28 words, 3 sentences, 36 syllables (counted by hand): 0.39 × 28/3 + 11.8 × 36/28 − 15.59 = 3.22
  const text = "We inject a small amount of medicine into the vein. The vein closes and fades over a few weeks. Most people go back to work the same day.";
  const result = readability(text, "en")!;
  t.is(result.words, 28);
  t.is(result.sentences, 3);
  t.true(Math.abs(result.score - 3.22) <= 1, `grade ${result.score}`);
});

test("INFLESZ is close to a hand count, and Spanish syllables follow Spanish rules", (t) => {
  // 17 words, 2 sentences, 27 syllables: 206.835 − 62.3 × 27/17 − 17/2 = 99.4
  const result = readability("La vena se cierra y se borra con el tiempo. Puede volver al trabajo el mismo día.", "es")!;
  t.true(Math.abs(result.score - 99.4) <= 3, `INFLESZ ${result.score}`);
  for (const [word, syllables] of [
    ["día", 2],
    ["cierra", 2],
    ["puede", 2],
    ["que", 1],
    ["guerra", 2],
    ["pingüino", 3],
    ["ahora", 3],
    ["muy", 1],
    ["y", 1],
    ["tratamiento", 4],
    ["aorta", 3],
  ] as const) {
    t.is(spanishSyllables(word), syllables, word);
  }
});

test("sections: a complete page passes; a missing or out-of-order section is an error at its line", async (t) => {
  const complete = await checked(t, "complete", procedureText({}, completeBody()));
  t.deepEqual(
    complete.mine.filter((problem) => problem.rule === "sections"),
    [],
    complete.text,
  );

  const swapped = completeBody()
    .replace("## Before your visit", "## TEMP")
    .replace("## During the treatment", "## Before your visit")
    .replace("## TEMP", "## During the treatment");
  const missing = swapped.replace("## Risks and side effects\n", "## Possible problems\n");
  const { mine, text: report } = await checked(t, "broken", procedureText({}, missing));
  t.regex(report, /broken\.md:\d+:1 {2}error {2}section "## Before your visit" is out of order: move it before "## During the treatment" {2}\(sections\)/);
  t.regex(report, /broken\.md:\d+:1 {2}error {2}missing section "## Risks and side effects": add it before "## When to call us"/);
  const lines = procedureText({}, missing).split("\n");
  const outOfOrder = mine.find((problem) => problem.message.includes("out of order"))!;
  t.is(lines[outOfOrder.line! - 1], "## Before your visit");
});

test("sections: an HTML comment, which a page shows as written, is an error on its line; one in a code block is text", async (t) => {
  const body = completeBody().replace(
    "## After the treatment\n\nShort plain words here.",
    [
      "## After the treatment\n\n<!-- Call us if your leg swells.\nNot shown, the writer thinks. -->",
      "Short plain words here.\n\n```\n<!-- shown as code -->\n```",
    ].join("\n\n"),
  );
  const { text, file } = await checked(t, "commented", procedureText({}, body));
  const line = (await readFile(file, "utf8")).split("\n").indexOf("<!-- Call us if your leg swells.") + 1;
  t.true(text.includes(`commented.md:${line}:1  error  "<!--" starts an HTML comment, which pages and brochures show as written`), text);
  t.is(text.match(/HTML comment/g)?.length, 1, "not the one in the code block");
});

test("sections: a near miss is named where it is; a section twice, empty or with a placeholder is an error", async (t) => {
  const body = completeBody()
    .replace("## Before your visit", "## Before you visit")
    .replace("## During the treatment", "### During the treatment")
    .replace("## Who it helps\n\nShort plain words here.\n", "## Who it helps\n\n")
    .replace("## After the treatment\n\nShort plain words here.", "## After the treatment\n\nTODO: ask the doctor.")
    .concat("\n## What it is\n\nSaid again.\n");
  const { text, file } = await checked(t, "near", procedureText({}, body));
  const lineOf = async (heading: string) => (await readFile(file, "utf8")).split("\n").indexOf(heading) + 1;
  t.true(
    text.includes(
      `near.md:${await lineOf("## Before you visit")}:1  error  "## Before you visit" is not one of the sections: did you mean "## Before your visit"?`,
    ),
    text,
  );
  t.regex(text, /"### During the treatment" should be the section "## During the treatment": sections are ## headings/);
  t.regex(text, /error {2}section "## Who it helps" has no text: write it/);
  t.regex(text, /error {2}"TODO" is a placeholder: write the text before publishing/);
  t.regex(text, /section "## What it is" appears twice \(lines \d+ and \d+\): put its text under one heading/);
  t.notRegex(text, /missing section|out of order/, "each mistake is said once, as what it is");
  const early = await checked(t, "early", procedureText({}, `TBD: intro.\n\n${completeBody()}`));
  t.regex(early.text, /early\.md:\d+:1 {2}error {2}"TBD" is a placeholder/, "before the first section too");
  const fields = await checked(
    t,
    "fields",
    procedureText({ downtime: "TODO", faq: [{ question: "Does it hurt?", answer: "TBD by the doctor." }] }, completeBody()),
  );
  t.regex(fields.text, /fields\.md:\d+:1 {2}error {2}downtime: "TODO" is a placeholder/, "the front matter prints too");
  t.regex(fields.text, /fields\.md:\d+:1 {2}error {2}faq: "TBD" is a placeholder/);

  const site = await fixtureSite(t);
  await writeFile(
    path.join(site.contentDir, "_data", "clinic.yaml"),
    `${await readFile(path.join(site.contentDir, "_data", "clinic.yaml"), "utf8")}languages: [en, es]\n`,
  );
  await mkdir(path.join(site.contentDir, "es", "procedures"), { recursive: true });
  await writeFile(path.join(site.contentDir, "es", "procedures", "todo.md"), procedureText({}, "## Qué es\n\nEsto es todo lo que necesita saber.\n"));
  const spanish = (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.file.endsWith("es/procedures/todo.md"));
  t.true(
    spanish.some((problem) => problem.rule === "sections"),
    "the Spanish guide is checked",
  );
  t.false(
    spanish.some((problem) => problem.message.includes("placeholder")),
    '"todo" is Spanish for "all"',
  );
});

test("headings: a skipped level or a second # title is a warning at its line", async (t) => {
  const complete = await checked(t, "levels-ok", procedureText({}, completeBody()));
  t.deepEqual(
    complete.mine.filter((problem) => problem.rule === "headings"),
    [],
    complete.text,
  );
  const body = completeBody().replace("## After the treatment\n", "## After the treatment\n\n#### Going home\n\nWalk a little.\n\n# Aftercare\n\nRest.\n");
  const { mine, text } = await checked(t, "levels", procedureText({}, body));
  const lines = procedureText({}, body).split("\n");
  const found = mine.filter((problem) => problem.rule === "headings");
  t.deepEqual(
    found.map((problem) => lines[problem.line! - 1]),
    ["#### Going home", "# Aftercare"],
    text,
  );
  t.regex(text, /warning {2}a #### heading right after ## skips a level: use ###/);
  t.regex(text, /warning {2}"#" is the page's title, which the front matter gives: write sections as "##"/);
});

test("reading level: plain words pass; long, hard sentences warn with the grade and the three hardest sentences", async (t) => {
  const plain = await checked(t, "plain", procedureText({}, completeBody()));
  t.false(
    plain.mine.some((problem) => problem.rule === "reading-level"),
    plain.text,
  );
  t.true(plain.report.readingLevels.some((level) => level.slug === "plain" && level.ok));

  const hard =
    "Venous insufficiency, characterized by pathophysiological valvular incompetence and consequential hemodynamic abnormalities, " +
    "necessitates comprehensive multidisciplinary evaluation incorporating duplex ultrasonography.";
  const { mine } = await checked(
    t,
    "hard",
    procedureText({}, completeBody(`\n${hard}\n\n${hard.replace("Venous", "Chronic venous")}\n\n${hard.replace("Venous", "Progressive venous")}\n`)),
  );
  const warning = mine.find((problem) => problem.rule === "reading-level");
  t.truthy(warning);
  t.is(warning!.severity, "warning");
  t.regex(warning!.message, /Flesch–Kincaid grade \d+(\.\d)?, target 8 or lower/);
  t.is(warning!.message.match(/line \d+ \(\d+(\.\d)?\): "/g)?.length, 3, "three hardest sentences with their lines");
  t.regex(warning!.message, /Progressive venous insufficiency/);
});

test("claims: absolute claims are errors at their line and column; balanced wording passes", async (t) => {
  const balanced = await checked(t, "balanced", procedureText({}, completeBody("\nMost people feel a small pinch. Serious problems are rare.\n")));
  t.false(
    balanced.mine.some((problem) => problem.rule === "claims"),
    balanced.text,
  );

  const body = completeBody("\nThis treatment is completely safe and painless.\nResults are guaranteed, 100% of the time.\n");
  const { mine, text } = await checked(t, "claims", procedureText({ summary: "A risk-free way to make spider veins fade for good." }, body));
  const claims = mine.filter((problem) => problem.rule === "claims");
  t.deepEqual(
    claims.map((problem) => problem.message.match(/^(?:summary: )?"([^"]+)"/)![1]),
    ["risk-free", "for good", "completely safe", "painless", "guaranteed", "100%"],
    text,
  );
  const lines = procedureText({}, body).split("\n");
  const painless = claims.find((problem) => problem.message.startsWith('"painless"'))!;
  t.is(lines[painless.line! - 1]!.slice(painless.column! - 1, painless.column! - 1 + "painless".length), "painless");
});

test("claims: clinic.yaml can add phrases", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}bannedClaims:\n  en: [best in town]\n`);
  await writeProcedure(site, "boast", procedureText({}, completeBody("\nWe are the best in town.\n")));
  const { problems } = await runChecks(site.contentDir, today);
  t.true(problems.some((problem) => problem.rule === "claims" && problem.message.startsWith('"best in town"')));
});

test("freshness: under 12 months passes, over 12 warns, over 24 is an error, a future date is an error", async (t) => {
  const text = procedureText({ lastReviewed: "2025-10-01" });
  const at = async (now: string) => (await checked(t, "dated", text, new Date(now))).mine.filter((problem) => problem.rule === "freshness");
  t.deepEqual(await at("2026-09-30T12:00:00Z"), []);
  const warning = await at("2026-11-24T12:00:00Z");
  t.is(warning[0]?.severity, "warning");
  t.regex(warning[0]!.message, /last reviewed 2025-10-01, 13 months ago \(over 12\)/);
  t.is(warning[0]!.line, text.split("\n").findIndex((line) => line.startsWith("lastReviewed")) + 1);
  t.is((await at("2027-11-02T12:00:00Z"))[0]?.severity, "error");
  t.is((await at("2025-09-01T12:00:00Z"))[0]?.message.includes("in the future"), true);
});

test("pictures the build could not use are errors in check, all at once: SVGs that are not, too many pixels, a logo that is no picture", async (t) => {
  const site = await fixtureSite(t);
  const images = path.join(site.contentDir, "images");
  await mkdir(images, { recursive: true });
  await writeFile(path.join(images, "unused-a.svg"), "garbage");
  await writeFile(path.join(images, "unused-b.svg"), '<html><body><header><svg class="icon" viewBox="0 0 24 24"></svg></header>A page</body></html>');
  // SVGs the build publishes (and draws at a default size) that image-size cannot measure, or that are large: no error.
  const svg = (attributes: string) => `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><circle cx="5" cy="5" r="5"/></svg>`;
  await writeFile(path.join(images, "unsized.svg"), svg(""));
  await writeFile(path.join(images, "percent.svg"), svg('width="100%" height="100%"'));
  await writeFile(
    path.join(images, "doctype.svg"),
    `<?xml version="1.0"?>\n<!DOCTYPE svg [\n${'  <!ENTITY ns_x "http://ns.example.com/x">\n'.repeat(40)}]>\n${svg("")}`,
  );
  await writeFile(path.join(images, "poster.svg"), svg('viewBox="0 0 21000 29700"'));
  // An editor's lock beside a picture being edited: a link to nothing, which the build does not publish.
  await symlink("root@host.12345:1733600000", path.join(images, ".#poster.svg"));
  await writeFile(path.join(images, "logo.svg"), "not an svg");
  // A PNG whose header says 30000 × 30000 pixels: the header is all that is read of it.
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header);
  header.write("IHDR", 12, "ascii");
  header.writeUInt32BE(30000, 16);
  header.writeUInt32BE(30000, 20);
  header.set([8, 2, 0, 0, 0], 24);
  await writeFile(path.join(images, "huge.png"), header);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}\nlogo: images/logo.svg\n`);
  const shown = "\n![A huge picture](/images/huge.png)\n\n![A dot](/images/unsized.svg)\n";
  await writeProcedure(site, "pictures", procedureText({ title: "Pictures" }, completeBody(shown)));
  const said = (await runChecks(site.contentDir, today)).problems
    .filter((problem) => problem.severity === "error")
    .map((problem) => formatProblem(problem))
    .join("\n");
  t.regex(said, /images\/unused-a\.svg:1:1 {2}error {2}this SVG cannot be read as a picture .*take it out of the folder/);
  t.regex(said, /images\/unused-b\.svg:1:1 {2}error {2}this SVG cannot be read as a picture/);
  t.regex(said, /pictures\.md:\d+:\d+ {2}error {2}image \/images\/huge\.png is 30000 × 30000 pixels, more than a picture may have .*save it smaller/);
  t.regex(said, /clinic\.yaml:\d+:\d+ {2}error {2}"logo" images\/logo\.svg cannot be read as a picture/);
  t.notRegex(said, /unsized|percent|doctype|\/poster/, "SVGs the build publishes are no error");
  // Said to lead nowhere, and to be an SVG that does not exist: a lock, which the build does not publish, is neither.
  t.notRegex(said, /\.#poster\.svg/, "an editor's lock is no error");
});

test("links and images: good ones pass; missing pages, anchors, images and alt text are errors at their line", async (t) => {
  const good = completeBody(
    "\nSee [compression](/procedures/compression-therapy/), [risks](#risks-and-side-effects), [the PDF](/brochures/sclerotherapy.pdf), " +
      "[home](/) and [our site](https://example.com/).\n",
  );
  const ok = await checked(t, "good-links", procedureText({}, good));
  t.deepEqual(
    ok.mine.filter((problem) => ["links", "images"].includes(problem.rule)),
    [],
    ok.text,
  );

  const bad = completeBody(
    "\nSee [missing](/procedures/not-here/) and [bad anchor](#no-such-heading).\n\n" +
      "Also [other anchor](/procedures/sclerotherapy/#nope).\n\n![](/images/leg.png)\n" +
      "\nRead [our sclerotherapy guide](/procedures/sclerotherepy/) and [its risks](/procedures/sclerotherapy/#risk).\n" +
      '\n![Leg wrap](/images/leg wrap.svg)\n\n[fine, with a title](/procedures/sclerotherapy/ "Sclerotherapy")\n' +
      '\n![My leg](/images/my leg photo.jpg#half "My leg")\n' +
      "\n[fine, spaces inside the brackets]( /procedures/sclerotherapy/ ) and `[code](is shown as written)`.\n",
  );
  const { text } = await checked(t, "bad-links", procedureText({}, bad));
  t.regex(text, /bad-links\.md:\d+:\d+ {2}error {2}link to \/procedures\/not-here\/ leads nowhere/);
  t.regex(text, /bad-links\.md:\d+:\d+ {2}error {2}link to #no-such-heading: the page has no heading "no-such-heading"/);
  t.regex(text, /link to \/procedures\/sclerotherapy\/#nope: the page has no heading "nope": its sections are #what-it-is, /);
  t.regex(text, /link to \/procedures\/sclerotherepy\/ leads nowhere: .*; did you mean \/procedures\/sclerotherapy\/\?/);
  t.regex(text, /link to \/procedures\/sclerotherapy\/#risk: the page has no heading "risk": did you mean #risks-and-side-effects\?/);
  t.regex(
    text,
    joinedRegExp(
      /bad-links\.md:\d+:1 {2}error {2}\/images\/leg wrap\.svg has a space in its address, so it shows as text instead of an image: /,
      /rename the file without spaces \(e\.g\. \/images\/leg-wrap\.svg\)/,
    ),
  );
  t.notRegex(text, /Sclerotherapy".*has a space/, "a space before a title is Markdown's own");
  // The file to rename, without its size or caption (it was "/images/my-leg-photo.jpg#half-"My-leg"").
  t.regex(text, /\/images\/my leg photo\.jpg#half has a space in its address, .*rename the file without spaces \(e\.g\. \/images\/my-leg-photo\.jpg\)/);
  t.is(text.match(/has a space in its address/g)?.length, 2, "only the images: not a link with spaces inside its brackets, not inline code");
  t.regex(text, /image \/images\/leg\.png has no alt text/);
  t.regex(text, /image \/images\/leg\.png does not exist/);
});

test("a broken link also stops the build, naming the source file", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "broken-link", procedureText({}, "## What it is\n\nSee [this](/procedures/gone/).\n"));
  const run = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(run.code, 1);
  t.regex(run.stderr, /broken-link\.md:\d+:\d+ {2}error {2}link to \/procedures\/gone\/ leads nowhere/);
});

test("check: the shipped content passes with no errors; --json gives the same findings for machines", async (t) => {
  const run = await runPamphlet(["check"]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /sclerotherapy\.md {2}Flesch–Kincaid grade \d/);
  const json = await runPamphlet(["check", "--json"]);
  t.is(json.code, 0);
  const report = JSON.parse(json.stdout);
  t.is(report.summary.errors, 0);
  t.true(report.readingLevels.every((level: { ok: boolean }) => level.ok));

  const site = await fixtureSite(t);
  const text = procedureText({}, "## What it is\n\nIt is painless.\n");
  await writeProcedure(site, "claims", text);
  const failing = await runPamphlet(["check", "--json", ...siteArgs(site)]);
  t.is(failing.code, 1);
  const found = JSON.parse(failing.stdout).problems.find((problem: { rule: string }) => problem.rule === "claims");
  t.like(found, { severity: "error", line: text.split("\n").indexOf("It is painless.") + 1, column: 7 });
});

test("titles: a copied procedure that keeps the original's title is a warning at its title line", async (t) => {
  const { mine, text } = await checked(t, "sclerotherapy-copy", procedureText({ title: "Sclerotherapy" }, completeBody()));
  const titles = mine.filter((problem) => problem.rule === "titles");
  t.is(titles.length, 1, text);
  t.is(titles[0]!.severity, "warning");
  t.is(titles[0]!.line, 2, "the title field's line");
  t.regex(text, /has the same title as sclerotherapy\.md \("Sclerotherapy"\): readers cannot tell them apart; give each its own title/);
  const { mine: distinct } = await checked(t, "sclerotherapy-copy", procedureText({ title: "Sclerotherapy for hands" }, completeBody()));
  t.deepEqual(
    distinct.filter((problem) => problem.rule === "titles"),
    [],
  );
});

test("a category without a name in one of the site's languages is a warning at its line in clinic.yaml", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(
    clinicFile,
    `${await readFile(clinicFile, "utf8")}languages: [en, es]\n` +
      "categories:\n  - { en: Spider and small veins, es: Arañas vasculares }\n  - { en: Wound care }\n  - Compression\n",
  );
  const { problems } = await runChecks(site.contentDir, today);
  const shown = problems.filter((problem) => problem.rule === "translations" && problem.file.endsWith("clinic.yaml")).map((problem) => formatProblem(problem));
  t.is(shown.length, 2, shown.join("\n"));
  t.regex(
    shown[0]!,
    joinedRegExp(
      /clinic\.yaml:\d+:5 {2}warning {2}category "Wound care" has no es name, so the Spanish pages show it as "Wound care": /,
      /write it as \{ en: Wound care, es: … \}/,
    ),
  );
  t.regex(shown[1]!, /category "Compression" has no es name/);
});

test("one run reports everything: a front-matter mistake hides neither the body's problems nor another file's", async (t) => {
  const site = await fixtureSite(t);
  // Two guides whose front matter fails (a misspelt field, a missing title and date) and whose bodies have problems too.
  const body = completeBody("\nSee [the other guide](/procedures/sclerotherepy/). It is painless.\n\n![Steps](/images/nope.png)\n");
  await writeProcedure(site, "typo", procedureText({ anaesthesia: undefined, anesthesia: "None needed" }, body));
  await writeProcedure(site, "untitled", procedureText({ title: undefined, lastReviewed: undefined }, body.replace("## Who it helps", "## Who it help")));
  // One whose YAML does not even parse.
  await writeProcedure(site, "unparsed", procedureText({}, body).replace(/^summary: .*$/m, "summary: Good news: it works"));
  // One in the wrong language's folder.
  await writeProcedure(site, "wrong-folder", procedureText({ lang: "es" }, body));
  // A valid guide linking to them: their pages will exist once the front matter is fixed.
  await writeProcedure(
    site,
    "linker",
    procedureText({ title: "Linker" }, completeBody("\nSee [typo](/procedures/typo/), [unparsed](/procedures/unparsed/) and [gone](/procedures/gone/).\n")),
  );
  const { problems } = await runChecks(site.contentDir, today);
  const of = (slug: string) =>
    problems
      .filter((problem) => problem.file.endsWith(`/${slug}.md`))
      .map((problem) => formatProblem(problem))
      .join("\n");
  t.regex(of("typo"), /unknown field "anesthesia": did you mean "anaesthesia"\?/);
  for (const slug of ["typo", "untitled", "wrong-folder"]) {
    t.regex(of(slug), /link to \/procedures\/sclerotherepy\/ leads nowhere/, slug);
    t.regex(of(slug), /"painless" is an absolute or risky claim/, slug);
    t.regex(of(slug), /image \/images\/nope\.png does not exist/, slug);
  }
  t.regex(of("untitled"), /missing required field "title"/);
  t.regex(of("untitled"), /"## Who it help" is not one of the sections: did you mean "## Who it helps"\?/);
  t.notRegex(of("untitled"), /same title|last reviewed|lastReviewed .* in the future/, "nothing said of the fields it lacks but that they are missing");
  t.regex(of("linker"), /link to \/procedures\/gone\/ leads nowhere/);
  t.notRegex(of("linker"), /\/procedures\/(typo|unparsed)\//, "a link to a guide with a front-matter error is not broken");
  t.regex(of("unparsed"), /invalid YAML: this value holds a colon and a space/);
});

test("an image written without its leading slash is told to add it, when the file is in images/", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await writeFile(path.join(site.contentDir, "images", "steps.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  await writeProcedure(site, "relative", procedureText({}, completeBody("\n![The steps](images/steps.svg)\n\n![Elsewhere](images/nowhere.svg)\n")));
  const text = (await runChecks(site.contentDir, today)).problems
    .filter((problem) => problem.rule === "images")
    .map((problem) => formatProblem(problem))
    .join("\n");
  t.regex(text, /image images\/steps\.svg is not in the images folder: write \/images\/steps\.svg, with the leading \//);
  t.regex(text, /image images\/nowhere\.svg is not in the images folder: put the file in \S+images and write \/images\/<name>/);
});

test("clinic details: the clinic's phone or street typed into a guide is a warning at its line and column", async (t) => {
  const { text, file } = await checked(
    t,
    "typed",
    procedureText({}, completeBody("\nCall us at 555.010.0199 or come to 1 Test Road.\n\nOur other number is (555) 010-0100.\n")),
  );
  const line = (await readFile(file, "utf8")).split("\n").findIndex((candidate) => candidate.startsWith("Call us at")) + 1;
  t.true(text.includes(`typed.md:${line}:12  warning  "555.010.0199" is the clinic's phone number: leave it out`), text);
  t.true(text.includes(`typed.md:${line}:36  warning  "1 Test Road" is the clinic's address`), text);
  // (The placeholders rule does flag it, as a 555 sample number: this is about clinic-details alone.)
  t.notRegex(
    text
      .split("\n")
      .filter((found) => found.endsWith("(clinic-details)"))
      .join("\n"),
    /010-0100/,
    "another number is the writer's business",
  );
  // The clinic's number written in international form in clinic.yaml, and in the guide without it (and with it).
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace('phone: "(555) 010-0199"', 'phone: "+44 20 7946 0321"'));
  await writeProcedure(site, "uk", procedureText({}, completeBody("\nCall us on 020 7946 0321 (24 hours).\n\nFrom abroad, ring +44 20 7946 0321.\n")));
  const uk = (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.rule === "clinic-details" && problem.file.endsWith("uk.md"));
  t.deepEqual(
    uk.map((problem) => problem.message.split(" is the clinic's")[0]),
    ['"020 7946 0321"', '"+44 20 7946 0321"'],
  );
  const near = await checked(t, "nearby", procedureText({}, completeBody("\nWe moved from 21 Test Road last year.\n")));
  t.notRegex(near.text, /clinic-details/, "21 Test Road is not 1 Test Road");
});

test("clinic details: another country's emergency number to call in a guide is an error at it; the clinic's own, and 111 in the UK, pass", async (t) => {
  const body =
    "\nIf you have chest pain, call 911 now.\n\nDial **999** if you cannot breathe. For advice, ring 111. We have 10,000 patients.\n\n" +
    "For an interpreter, call 131 450 and ask for us. Or call 911 24 hours a day.\n";
  const us = await checked(t, "abroad", procedureText({}, completeBody(body)));
  const errors = us.mine.filter((problem) => problem.rule === "clinic-details").map((problem) => `${problem.severity} ${problem.column} ${problem.message}`);
  t.deepEqual(errors.length, 2, errors.join("\n")); // 911 is this clinic's: "call 911 24 hours a day" is right
  t.regex(errors[0]!, /^error 8 "999" is not the emergency number where this clinic is: it is 911 \(clinic\.yaml\)\. Write 911, or leave the number out/);
  t.regex(errors[1]!, /^error \d+ "111" is not the emergency number where this clinic is: it is 911/);
  // The same guide at a British clinic: 911 is the wrong one; 999 and NHS 111 are right.
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace("country: United States", "country: United Kingdom").replace(/\n\s*region: OR/, ""));
  await writeProcedure(site, "abroad", procedureText({}, completeBody(body)));
  const uk = (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.rule === "clinic-details" && problem.file.endsWith("abroad.md"));
  t.deepEqual(
    uk.map((problem) => problem.message.slice(0, 60)),
    ['"911" is not the emergency number where this clinic is: it i', '"911" is not the emergency number where this clinic is: it i'],
    "both 911s, the one followed by '24 hours' too",
  );
});

test("a picture size that is not one of #small, #half, #full is an error at its line, naming the sizes and the likely one", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await writeFile(path.join(site.contentDir, "images", "leg.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const body = completeBody('\n![A leg](/images/leg.svg#half "Fine")\n\n![A leg](/images/leg.svg#hlaf "Misspelt")\n\n![A leg](/images/leg.svg#huge)\n');
  const file = await writeProcedure(site, "sizes", procedureText({}, body));
  const problems = (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.rule === "images");
  const text = problems.map((problem) => formatProblem(problem)).join("\n");
  t.is(problems.length, 2, text);
  const line = (needle: string) =>
    (
      procedureText({}, body)
        .split("\n")
        .findIndex((row) => row.includes(needle)) + 1
    ).toString();
  t.regex(
    text,
    new RegExp(
      `sizes\\.md:${line("#hlaf")}:\\d+ +error +image /images/leg\\.svg#hlaf: "#hlaf" is not a picture size: ` +
        "did you mean #half\\? the sizes are #small, #half, #full",
    ),
  );
  t.regex(
    text,
    new RegExp(`sizes\\.md:${line("#huge")}:\\d+ +error +image /images/leg\\.svg#huge: "#huge" is not a picture size: the sizes are #small, #half, #full`),
  );
  t.true(problems.every((problem) => problem.file === file));
});

test("package.json installing Pamphlet from outside the clinic's folder is a warning at its line: the workflow's npm ci cannot reach it", async (t) => {
  const site = await fixtureSite(t);
  const packageFile = path.join(site.root, "package.json");
  const installSaid = async () =>
    (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.rule === "install").map((problem) => formatProblem(problem));
  await writeFile(packageFile, `${JSON.stringify({ name: "clinic", dependencies: { pamphlet: "file:pamphlet-0.2.0.tgz" } }, null, 2)}\n`);
  t.deepEqual(await installSaid(), [], "a tarball in the clinic's folder is fine");
  // As `npm install ../pamphlet-0.2.0.tgz` (an upgrade) writes it.
  await writeFile(packageFile, `${JSON.stringify({ name: "clinic", dependencies: { pamphlet: "file:../pamphlet-0.2.0.tgz" } }, null, 2)}\n`);
  const said = await installSaid();
  t.is(said.length, 1, said.join("\n"));
  t.regex(
    said[0]!,
    /package\.json:4:1 {2}warning {2}package\.json installs Pamphlet from \.\.\/pamphlet-0\.2\.0\.tgz, outside this folder, .*npm ci cannot reach it/,
  );
  t.regex(said[0]!, /copy the tarball into this folder and run npm install \.\/pamphlet-0\.2\.0\.tgz/);
});

test("HTML, and addresses Markdown makes no link of (javascript:, file:, an SVG data: picture), are errors at their line: shown as written", async (t) => {
  const site = await fixtureSite(t);
  const lines = [
    '<iframe src="file:///etc/passwd"></iframe>',
    "Call us [now](javascript:alert(1)).",
    "![Leg](file:///etc/passwd)",
    "![Drawing](data:image/svg+xml;base64,PHN2Zz4=)",
    "![Photo](data:image/jpg;base64,AAAA)",
    "Veins under 3 mm (<3 mm) are small; see <https://example.org/veins>, and `<br>` in code is text.",
  ];
  await writeProcedure(site, "raw", procedureText({ title: "Raw" }, `## What it is\n\n${lines.join("\n\n")}\n`));
  const { problems } = await runChecks(site.contentDir, today);
  const said = problems
    .filter((problem) => problem.file.endsWith("raw.md") && /shows? as written/.test(problem.message))
    .map((problem) => formatProblem(problem));
  t.is(said.length, 5, said.join("\n"));
  t.regex(said.join("\n"), /raw\.md:\d+:1 {2}error {2}"<iframe src="file:\/\/\/etc\/passwd">" is HTML, which pages and brochures show as written/);
  t.regex(said.join("\n"), /javascript:alert\(1 is not an address Markdown makes a link of, so the line shows as written: link to a web page/);
  t.regex(said.join("\n"), /file:\/\/\/etc\/passwd is not an address Markdown makes a picture of/);
  t.regex(said.join("\n"), /data:image\/svg\+xml;base64,PHN2Zz4= is not an address Markdown makes a picture of/);
});
