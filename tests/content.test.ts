import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { parseYamlSource } from "../src/content/yamlSource.ts";
import { loadContent } from "../src/content/load.ts";
import { openingHoursSpecification } from "../src/content/openingHours.ts";
import { clinicJsonLd } from "../src/site/structuredData.ts";
import { formatProblem, type Problem } from "../src/shared/problem.ts";
import { fixturesDir, fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

const messages = (problems: Problem[]) => problems.map((problem) => formatProblem(problem)).join("\n");

test("the fixture content and the shipped content pass the schema", async (t) => {
  const site = await fixtureSite(t);
  for (const dir of [site.contentDir, "content"]) {
    const { content, problems } = await loadContent(dir);
    t.deepEqual(problems, [], messages(problems));
    t.true((content?.procedures.length ?? 0) >= 2);
  }
});

test("the shipped content has sclerotherapy and at least two more procedures", async (t) => {
  const { content } = await loadContent("content");
  const slugs = content?.procedures.map((procedure) => procedure.slug) ?? [];
  t.true(slugs.includes("sclerotherapy"));
  t.true(slugs.length >= 3);
});

test("a misspelt key names the file, the line and the closest known field", async (t) => {
  const site = await fixtureSite(t);
  const text = procedureText({ summary: undefined, sumary: "A summary with a typo in its key name." });
  await writeProcedure(site, "typo", text);
  const { content, problems } = await loadContent(site.contentDir);
  t.is(content, undefined);
  const unknown = problems.find((problem) => problem.message.includes('unknown field "sumary"'));
  t.truthy(unknown, messages(problems));
  t.regex(unknown!.file, /procedures\/typo\.md$/);
  t.is(unknown!.line, text.split("\n").findIndex((line) => line.startsWith("sumary")) + 1);
  t.regex(unknown!.message, /did you mean "summary"/);
  t.false(
    problems.some((problem) => problem.message.includes('missing required field "summary"')),
    "one mistake, said once",
  );
});

test("front-matter mistakes are said in plain words, at the line that holds them", (t) => {
  const said = (yaml: string) => parseYamlSource("f.md", yaml, 2).problems?.map((problem) => `${problem.line} ${problem.message}`) ?? [];
  /** What the first of several mistakes adds: the lines after it are misread until it is fixed. */
  const belowChecked = "; the lines below it are checked once it is fixed";
  // The first copy of a key is looked for in its own mapping (here, the second FAQ entry), not in another.
  t.deepEqual(said("title: x\nfaq:\n  - question: A\n    answer: x\n  - answer: y\n    question: B\n    question: C\n"), [
    '8 invalid YAML: "question" is written twice (lines 7 and 8): keep one',
  ]);
  t.deepEqual(said("title: a\nsummary: b\ntitle: c\n"), ['4 invalid YAML: "title" is written twice (lines 2 and 4): keep one']);
  t.deepEqual(said("title: x\nsummary: Good news: it works\n"), [
    '3 invalid YAML: this value holds a colon and a space (": "), which YAML reads as the start of a new field: ' +
      'put the whole value in quotes, e.g. summary: "Good news: …"',
  ]);
  // No colon in the value: the mistake is the line below, and it is said so (not "put it in quotes").
  t.deepEqual(said("title: Sclerotherapy\n  kind: injection\nsummary: Small.\n"), [
    `3 invalid YAML: "kind" is indented under "title", so YAML reads it as part of that value: start "kind:" in line with "title:"${belowChecked}`,
  ]);
  t.deepEqual(said("title: x\nfaq: yes\n  - question: A?\n    answer: B\n"), [
    `3 invalid YAML: "faq" has a value on its line and a list below it: take "yes" out, so the list is its value${belowChecked}`,
  ]);
  t.deepEqual(said('title: x\nsources\n  - "A: b"\n  - "C: d"\n'), [
    `3 invalid YAML: "sources" needs a colon after it ("sources:"), or, if it goes on from the line above, indent it${belowChecked}`,
  ]);
  // A value ending in a colon, whatever follows it (review: "take it out" would have deleted an answer).
  t.deepEqual(said("title: x\nsummary: What to expect:\nkind: injection\n"), [
    '3 invalid YAML: this value ends with a colon, which YAML reads as the start of a new field: put the whole value in quotes: summary: "What to expect:"',
  ]);
  t.deepEqual(said("title: x\nfaq:\n  - question: What do I bring?\n    answer: Bring these:\n  - question: Can I drive?\n    answer: No.\n"), [
    '5 invalid YAML: this value ends with a colon, which YAML reads as the start of a new field: put the whole value in quotes: answer: "Bring these:"',
  ]);
  // Fields written twice mislead YAML about nothing else: each is said.
  t.deepEqual(said("title: a\ntitle: b\nsummary: c\nsummary: d\n"), [
    '3 invalid YAML: "title" is written twice (lines 2 and 3): keep one',
    '5 invalid YAML: "summary" is written twice (lines 4 and 5): keep one',
  ]);
  // An unclosed [ or { is said at the line that opened it, not at the line below where YAML noticed.
  const unclosed = (open: string, close: string, kind: string) =>
    `the ${open} opened on this line is never closed: YAML reads a value starting with ${open} as a ${kind} written on one line. ` +
    `End it with ${close}, or, if the ${open} is part of the text, put the whole value in quotes`;
  t.deepEqual(said("title: [Sclerotherapy\nsummary: Small.\nkind: injection\n"), [`2 invalid YAML: ${unclosed("[", "]", "list")}`]);
  t.deepEqual(said("title: x\nfaq:\n  - question: {What is it?\n    answer: B\n"), [`4 invalid YAML: ${unclosed("{", "}", "group of fields")}`]);
  t.deepEqual(said("title: [Draft] Sclerotherapy\nsummary: x\n"), [
    `2 invalid YAML: YAML reads a value starting with [ as a list written on one line, so the text after it cannot be read: ` +
      `put the whole value in quotes: title: "[Draft] Sclerotherapy"`,
  ]);
  t.deepEqual(said('title: x\nfaq:\n  - question: [Q] "Why?"\n    answer: y\n'), [
    `4 invalid YAML: YAML reads a value starting with [ as a list written on one line, so the text after it cannot be read: ` +
      `put the whole value in quotes: question: "[Q] 'Why?'"`,
  ]);
  t.deepEqual(said('title: "Say "hi" now"\nsummary: x\n'), [
    `2 invalid YAML: a quote (") inside a value in quotes ends the value there: put the value in single quotes instead ('He said "rest" today'), ` +
      "or leave the inner quotes out",
  ]);
});

test("empty front matter is named as such, not as an empty field", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "bare", "---\n---\n## What it is\n\nText.\n");
  const { problems } = await loadContent(site.contentDir);
  const bare = problems.filter((problem) => problem.file.endsWith("bare.md")).map((problem) => problem.message);
  t.deepEqual(bare, ['"(top level)" must be a list of fields (key: value); got null']);
});

test("invalid YAML names the file and the line", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "broken", '---\ntitle: Broken\nsummary: "never closed\nduration: 30\n---\nBody\n');
  const { problems } = await loadContent(site.contentDir);
  const yaml = problems.find((problem) => problem.rule === "yaml");
  t.truthy(yaml, messages(problems));
  t.regex(yaml!.file, /broken\.md$/);
  t.true(yaml!.line! >= 3 && yaml!.line! <= 5, `line ${yaml!.line}`);
});

test("a review date before 2000 (a year typed into the editor's date box came out as 1906) is refused, saying to check the year", async (t) => {
  const site = await fixtureSite(t);
  await writeFile(path.join(site.contentDir, "procedures", "dated.md"), procedureText({}).replace('lastReviewed: "2026-10-01"', 'lastReviewed: "1906-12-01"'));
  const { problems } = await loadContent(site.contentDir);
  t.deepEqual(
    problems.filter((problem) => problem.file.endsWith("dated.md")).map((problem) => problem.message),
    ['"lastReviewed" is before 2000: check the year (write the date as YYYY-MM-DD, for example 2026-03-15); got "1906-12-01"'],
  );
});

test("an impossible date is refused as written, not rolled over by YAML", async (t) => {
  const site = await fixtureSite(t);
  await writeFile(path.join(site.contentDir, "procedures", "dated.md"), procedureText({}).replace('lastReviewed: "2026-10-01"', "lastReviewed: 2024-02-30"));
  const { problems } = await loadContent(site.contentDir);
  const date = problems.find((problem) => problem.message.includes("lastReviewed"));
  t.truthy(date, messages(problems));
  t.regex(date!.message, /not a real calendar date; got "2024-02-30"/);
  // A date in another format gets one message saying how to write it.
  await writeFile(path.join(site.contentDir, "procedures", "dated.md"), procedureText({}).replace('lastReviewed: "2026-10-01"', "lastReviewed: 25/11/2026"));
  const dates = (await loadContent(site.contentDir)).problems.filter((problem) => problem.message.includes("lastReviewed"));
  t.deepEqual(
    dates.map((problem) => problem.message),
    ['"lastReviewed" must be a date written as YYYY-MM-DD (for example 2026-03-15); got "25/11/2026"'],
  );
});

test("wrong types, bad values and missing fields are all listed in one run, quoting the bad value", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "one", procedureText({ title: 42 }));
  await writeProcedure(site, "two", procedureText({ lang: "fr", reviewer: undefined }));
  await writeProcedure(site, "three", procedureText({ image: "/images/leg.svg" }));
  const { problems } = await loadContent(site.contentDir);
  const text = messages(problems);
  // A block of fields written as one value is told which fields, and where they go.
  t.regex(
    text,
    joinedRegExp(
      /three\.md:\d+:\d+ {2}error {2}"image" must be a list of fields \(key: value\): src, alt, /,
      /each on its own line under "image:", indented; got "\/images\/leg\.svg"/,
    ),
  );
  t.regex(text, /one\.md:2:\d+ {2}error {2}"title" must be text .*got 42/);
  t.regex(text, /two\.md:\d+:\d+ {2}error {2}"lang" must be one of: en, es; got "fr"/);
  t.regex(text, /two\.md:\d+:\d+ {2}error {2}missing required field "reviewer"/);
});

test("clinic.yaml: missing file and missing or misspelt fields are named", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, "name: Test\nphone: '(555) 010-0000'\nsiteURL: https://x.example\n");
  let { problems } = await loadContent(site.contentDir);
  let text = messages(problems);
  t.regex(text, /clinic\.yaml:3:1 {2}error {2}unknown field "siteURL": did you mean "siteUrl"\?/);
  t.regex(text, /missing required field "locations"/);
  await rm(clinicFile);
  ({ problems } = await loadContent(site.contentDir));
  text = messages(problems);
  t.regex(text, /clinic\.yaml:1:1 {2}error {2}is missing: create it/);
  ({ problems } = await loadContent(path.join(site.contentDir, "no-such-folder")));
  t.regex(
    messages(problems),
    /clinic\.yaml:1:1 {2}error {2}is missing: the content folder .*no-such-folder does not exist: run Pamphlet in the clinic's folder .*npx pamphlet init/,
  );
});

test("a siteUrl with a space or a line break, and a Markdown file not ending in .md, are errors", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const { readFile } = await import("node:fs/promises");
  const original = await readFile(clinicFile, "utf8");
  for (const siteUrl of ['"https://veins.example.com/our clinic"', '"https://veins.example.com/\\nDisallow: /"']) {
    await writeFile(clinicFile, original.replace(/^siteUrl: .*$/m, `siteUrl: ${siteUrl}`));
    t.regex(messages((await loadContent(site.contentDir)).problems), /"siteUrl" must be the full address of the public site, without spaces/, siteUrl);
  }
  await writeFile(clinicFile, original);
  await writeFile(path.join(site.contentDir, "procedures", "Vein-glue.MD"), "---\ntitle: x\n---\n");
  t.regex(
    messages((await loadContent(site.contentDir)).problems),
    // The name it suggests is one the next check takes: lowercase (Vein-glue.md would be refused next).
    /Vein-glue\.MD:1:1 {2}error {2}is not read: Markdown files end in \.md \(lowercase\): rename it .*, e\.g\. "vein-glue\.md"/,
  );
});

test("empty, front-matter-only, non-UTF-8 and oversized files get clear errors; CRLF files load", async (t) => {
  const site = await fixtureSite(t);
  const dir = path.join(site.contentDir, "procedures");
  await writeFile(path.join(dir, "empty.md"), "");
  await writeFile(path.join(dir, "only-front-matter.md"), procedureText({}, ""));
  await writeFile(path.join(dir, "latin1.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff, 0x0a]));
  await writeFile(path.join(dir, "huge.md"), procedureText({}, "word ".repeat(2_200_000)));
  await writeFile(path.join(dir, "windows.md"), procedureText({ title: "Windows line ends" }).replace(/\n/g, "\r\n"));
  await writeFile(path.join(dir, "Not A Slug.md"), procedureText({}));
  // Beside sclerotherapy.md: following "rename it to sclerotherapy.md" would write over that guide, and
  // two told the same name would write over each other; "contact" is a name Pamphlet uses.
  await writeFile(path.join(dir, "Sclerotherapy.md"), procedureText({ title: "Upper case" }));
  await writeFile(path.join(dir, "SCLEROTHERAPY.md"), procedureText({ title: "All capitals" }));
  await writeFile(path.join(dir, "Contact.md"), procedureText({ title: "Contact" }));
  const { problems } = await loadContent(site.contentDir);
  const text = messages(problems);
  t.regex(text, /empty\.md:1:1 {2}error {2}is empty/);
  t.regex(text, /only-front-matter\.md:\d+:1 {2}error {2}has no text after the front matter/);
  t.regex(text, /latin1\.md:1:1 {2}error {2}is not UTF-8 text/);
  t.regex(text, /huge\.md:1:1 {2}error {2}is \d+\.\d MB; a source file may be at most 1 MB/);
  t.regex(text, /Not A Slug\.md:1:1 {2}error {2}file name "Not A Slug" is not a usable web address: .*e\.g\. "not-a-slug\.md"/);
  t.regex(text, /SCLEROTHERAPY\.md:1:1 {2}error {2}.*e\.g\. "sclerotherapy-2\.md" \("sclerotherapy\.md" is another file's name already; or merge the two\)/);
  t.regex(text, /Sclerotherapy\.md:1:1 {2}error {2}.*e\.g\. "sclerotherapy-3\.md"/);
  t.regex(text, /Contact\.md:1:1 {2}error {2}.*e\.g\. "contact-2\.md" \("contact" is a name Pamphlet uses for its own pages\)/);
  t.notRegex(text, /windows\.md/);
});

test("with categories listed in clinic.yaml, a misspelt category is an error on its line", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const { readFile } = await import("node:fs/promises");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}categories: [Spider and small veins, Diagnosis and ongoing care]\n`);
  t.deepEqual((await loadContent(site.contentDir)).problems, []);
  const text = procedureText({ category: "Spider and smal veins" });
  await writeProcedure(site, "typo-category", text);
  const { problems } = await loadContent(site.contentDir);
  t.is(problems.length, 1, messages(problems));
  t.is(problems[0]!.line, text.split("\n").findIndex((line) => line.startsWith("category:")) + 1);
  t.regex(problems[0]!.message, /did you mean "Spider and small veins"\? got "Spider and smal veins"/);
});

test("a locale that is not the language's, with a country, names the field and gives an example", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const { appendFile, readFile } = await import("node:fs/promises");
  await appendFile(clinicFile, "locales: { en: es-ES }\n");
  const { problems } = await loadContent(site.contentDir);
  t.regex(messages(problems), /clinic\.yaml:\d+:\d+ {2}error {2}"locales › en" must be en and a country code, e\.g\. en-GB/);
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace("locales: { en: es-ES }", "locales: { en: en-ZZ }"));
  t.regex(messages((await loadContent(site.contentDir)).problems), /"locales › en" is not a locale this computer can write dates for/);
});

test("a Spanish guide with a category's English name is told its Spanish name", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const { appendFile, cp, readFile } = await import("node:fs/promises");
  await appendFile(
    clinicFile,
    "languages: [en, es]\ncategories:\n" +
      "  - { en: Spider and small veins, es: Arañas vasculares y venas pequeñas }\n" +
      "  - { en: Diagnosis and ongoing care, es: Diagnóstico y cuidado continuo }\n",
  );
  await cp(path.join(fixturesDir, "translations", "es"), path.join(site.contentDir, "es"), { recursive: true });
  const spanish = path.join(site.contentDir, "es", "procedures", "sclerotherapy.md");
  await writeFile(spanish, (await readFile(spanish, "utf8")).replace("category: Arañas vasculares y venas pequeñas", "category: Spider and small veins"));
  const problems = (await loadContent(site.contentDir)).problems.filter((problem) => problem.message.includes("category"));
  t.is(problems.length, 1, messages(problems));
  t.regex(problems[0]!.message, /did you mean "Arañas vasculares y venas pequeñas"\? got "Spider and small veins"/);
});

test("brand colours too light for text fail with the contrast ratio and what to do", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const { readFile } = await import("node:fs/promises");
  const original = await readFile(clinicFile, "utf8");
  await writeFile(clinicFile, `${original}colors:\n  primary: "#7fb2e5"\n  accent: "#0f766e"\n`);
  const { problems } = await loadContent(site.contentDir);
  const text = messages(problems);
  const lines = (await readFile(clinicFile, "utf8")).split("\n");
  const primaryLine = lines.findIndex((line) => line.includes("#7fb2e5")) + 1;
  t.regex(text, new RegExp(`clinic\\.yaml:${primaryLine}:\\d+ {2}error {2}"colors\\.primary" #7fb2e5 has a contrast of 2\\.\\d\\d:1 against #ffffff`));
  t.regex(text, /at least 4\.5:1 \(WCAG 2\.2 AA\): choose a darker colour {2}\(contrast\)/);
  await writeFile(clinicFile, `${original}colors:\n  primary: "#1d4e89"\n  accent: "#0f766e"\n`);
  t.deepEqual((await loadContent(site.contentDir)).problems, []);
});

test("opening hours written for patients are read as days and times, in English or Spanish", (t) => {
  const spec = (days: string, time: string) =>
    openingHoursSpecification(days, time)?.map(({ dayOfWeek, opens, closes }) => `${dayOfWeek.join(",")} ${opens}-${closes}`);
  t.deepEqual(spec("Monday to Thursday", "8:00 am to 5:00 pm"), ["Monday,Tuesday,Wednesday,Thursday 08:00-17:00"]);
  t.deepEqual(spec("De lunes a jueves", "8:00 a. m. a 5:00 p. m."), ["Monday,Tuesday,Wednesday,Thursday 08:00-17:00"]);
  t.deepEqual(spec("Martes y jueves", "de 9:00 a 14:00 y 16:00 a 19:00"), ["Tuesday,Thursday 09:00-14:00", "Tuesday,Thursday 16:00-19:00"]);
  t.deepEqual(spec("Mon–Fri", "09:00–17:00"), ["Monday,Tuesday,Wednesday,Thursday,Friday 09:00-17:00"]);
  t.deepEqual(spec("Friday to Monday", "12 pm - 6 pm"), ["Monday,Friday,Saturday,Sunday 12:00-18:00"]);
  t.deepEqual(spec("Weekends", "10 am to 2 pm"), ["Saturday,Sunday 10:00-14:00"]);
  // am/pm written once, after the closing time; plural day names.
  t.deepEqual(spec("Saturdays", "1–5 pm"), ["Saturday 13:00-17:00"]);
  t.deepEqual(spec("Sábados", "10 - 2 p. m."), ["Saturday 10:00-14:00"]);
  t.deepEqual(spec("Mon–Fri", "8:00 am to 12:00 pm, 1 to 5 pm"), [
    "Monday,Tuesday,Wednesday,Thursday,Friday 08:00-12:00",
    "Monday,Tuesday,Wednesday,Thursday,Friday 13:00-17:00",
  ]);
  // Not guessed: notes, times without am/pm that run backwards, impossible times.
  t.is(spec("Saturday", "By appointment"), undefined);
  t.is(spec("Saturday", "10-2"), undefined);
  t.is(spec("Saturday", "1:00 to 5:00"), undefined);
  t.is(spec("Holidays", "9 am to 1 pm"), undefined);
  t.is(spec("Monday", "9:75 am to 5 pm"), undefined);
});

test("hours search engines cannot read are a warning on their line, not an error", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const { readFile } = await import("node:fs/promises");
  const original = await readFile(clinicFile, "utf8");
  await writeFile(
    clinicFile,
    original.replace("        time: 9:00 am to 5:00 pm\n", "        time: 9:00 am to 5:00 pm\n      - days: Saturday\n        time: By appointment\n"),
  );
  const { problems, content } = await loadContent(site.contentDir);
  t.truthy(content);
  t.is(problems.length, 1, messages(problems));
  const lines = (await readFile(clinicFile, "utf8")).split("\n");
  t.like(problems[0], { severity: "warning", rule: "hours", line: lines.indexOf("      - days: Saturday") + 1 });
  t.regex(problems[0]!.message, /hours "Saturday: By appointment" are not plain days and times, so search engines will not show them/);
  // None of that location's hours then: Monday to Friday alone would say it is closed on Saturday.
  t.false("openingHoursSpecification" in (clinicJsonLd(content!.clinic, "en") as object));
});
