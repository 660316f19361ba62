import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import test from "ava";
import { nextReviewDate } from "../src/content/nextReview.ts";
import { loadForBuild, runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { loadContentOrThrow } from "../src/content/load.ts";
import { renderSite } from "../src/site/build.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, repoRoot, writeProcedure, type FixtureSite } from "./helpers/fixtures.ts";

const today = new Date("2026-11-24T12:00:00Z");

async function addToClinic(site: FixtureSite, yaml: string) {
  const file = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(file, `${await readFile(file, "utf8")}${yaml}`);
}

test("next review: the review date plus the clinic's policy, month ends kept real", (t) => {
  t.is(nextReviewDate("2026-10-01", 12), "2027-10-01");
  t.is(nextReviewDate("2026-10-01", 6), "2027-04-01");
  t.is(nextReviewDate("2026-08-31", 6), "2027-02-28");
  t.is(nextReviewDate("2027-02-29".replace("29", "28"), 12), "2028-02-28");
});

test("next review: every guide page, print view and page shows its next review date, on the clinic's policy", async (t) => {
  const site = await fixtureSite(t);
  await addToClinic(site, "reviewEveryMonths: 6\n");
  const content = await loadContentOrThrow(site.contentDir);
  const pages = new Map((await renderSite({ content, contentDir: site.contentDir })).map((page) => [page.url, page.content]));
  for (const url of ["/procedures/sclerotherapy/", "/print/sclerotherapy/", "/print/sclerotherapy/large/", "/print/sclerotherapy/trifold/"]) {
    t.regex(pages.get(url) ?? "", /Last reviewed October 1, 2026 by [^<]*\s+Next review due by April 1, 2027\./, url);
  }
});

test("placeholders: sample details are warnings in check, and the build does not stop on them", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(
    site,
    "sample",
    procedureText({ title: "Sample", reviewer: "Dr. A. Person (sample reviewer)" }, "## What it is\n\nCall (555) 010-0199 or write to help@example.com.\n"),
  );
  const { problems } = await runChecks(site.contentDir, today);
  const found = problems.filter((problem) => problem.rule === "placeholders" && problem.file.endsWith("/sample.md")).map((problem) => formatProblem(problem));
  t.is(found.length, 3, found.join("\n"));
  t.true(found.every((line) => line.includes("  warning  ")));
  t.regex(found.join("\n"), /sample\.md:\d+:1 {2}warning {2}reviewer: "\(sample reviewer\)" is a sample marker/);
  t.regex(found.join("\n"), /sample\.md:\d+:6 {2}warning {2}"\(555\) 010-0199" is a 555 sample phone number/);
  t.deepEqual(
    (await loadForBuild(site.contentDir)).problems.filter((problem) => problem.rule === "placeholders"),
    [],
  );
});

test("placeholders: the sample phone init writes is one in every country (only the North American 555s were)", async (t) => {
  const { scaffoldClinic } = await import("../src/init/scaffold.ts");
  const { countries } = await import("../src/init/countries.ts");
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  for (const [country, profile] of Object.entries(countries)) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `pamphlet-init-${country}-`));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    await scaffoldClinic({ dir, country, host: "github" });
    const { problems } = await runChecks(path.join(dir, "content"), today);
    const phone = problems.filter((problem) => problem.rule === "placeholders" && / phone number/.test(problem.message));
    t.is(phone.length, 1, `${country} (${profile.phone}): ${problems.map((problem) => formatProblem(problem)).join("\n")}`);
    t.regex(formatProblem(phone[0]!), /clinic\.yaml:\d+:\d+ {2}warning {2}".+" is (a 555 sample phone number|the sample phone number pamphlet init writes)/);
  }
  // However it is spaced, in a guide too; another number in the same range is not the sample.
  const site = await fixtureSite(t);
  const lines = [
    "Call 0161 4960147, or 0161 496 0148 after 6 pm.",
    "Call us on 0161 496 0147 (24 hours) if you are worried.",
    "Or ring 0161 496 0147 - 9am to 5pm.",
    "From abroad, +44 (0)161 496 0147.",
  ];
  await writeProcedure(site, "call", procedureText({ title: "Call" }, `## What it is\n\n${lines.join("\n\n")}\n`));
  const found = (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.file.endsWith("/call.md") && problem.rule === "placeholders");
  const sample = "is the sample phone number pamphlet init writes: replace it before publishing (with release: true in clinic.yaml this is an error)";
  t.deepEqual(
    found.map((problem) => problem.message),
    ["0161 4960147", "0161 496 0147", "0161 496 0147", "+44 (0)161 496 0147"].map((written) => `"${written}" ${sample}`),
  );
});

test("placeholders and overdue reviews: errors that stop the build once clinic.yaml says release: true; real details pass", async (t) => {
  const site = await fixtureSite(t);
  await addToClinic(site, "release: true\n");
  await writeProcedure(
    site,
    "real",
    procedureText({ title: "Real details", reviewer: "Dr. Ana Ruiz, MD" }, "## What it is\n\nCall 612 555 0143 or see www.veinclinic.es.\n"),
  );
  await writeProcedure(site, "sample", procedureText({ title: "Sample", reviewer: "Dr. A. Person (sample reviewer)" }));
  await writeProcedure(site, "overdue", procedureText({ title: "Overdue", lastReviewed: "2025-10-01" }));
  const built = await loadForBuild(site.contentDir);
  t.falsy(built.content);
  t.regex(
    built.problems.map((problem) => formatProblem(problem)).join("\n"),
    /sample\.md:\d+:1 {2}error {2}reviewer: "\(sample reviewer\)" is a sample marker: replace it: clinic\.yaml says release: true/,
  );
  const { problems } = await runChecks(site.contentDir, today);
  t.deepEqual(
    problems.filter((problem) => problem.file.endsWith("/real.md") && problem.rule === "placeholders"),
    [],
  );
  const overdue = problems.find((problem) => problem.file.endsWith("/overdue.md") && problem.rule === "freshness");
  t.is(overdue?.severity, "error");
  t.regex(overdue?.message ?? "", /over 12\), and clinic\.yaml says release: true/);
});

test("under release: true, an overdue review and a guide with no kind stop the build (and the dev preview); before release neither does", async (t) => {
  const site = await fixtureSite(t);
  // The fixture's sample phone and address replaced by real ones: only the overdue review is left to stop it.
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const real = (await readFile(clinicFile, "utf8")).replace("(555) 010-0199", "612 555 0143").replaceAll("fixture.example.org", "veinclinic.es");
  await writeFile(clinicFile, real);
  await writeProcedure(site, "overdue", procedureText({ title: "Overdue", lastReviewed: "2024-10-01" }));
  const draft = await loadForBuild(site.contentDir);
  t.truthy(draft.content, draft.problems.map((problem) => formatProblem(problem)).join("\n"));
  await addToClinic(site, "release: true\n");
  const released = await loadForBuild(site.contentDir);
  t.falsy(released.content);
  // The fixture's guides declare no kind: with nothing to check their warnings by, released, each is an error too.
  t.deepEqual(
    released.problems.filter((problem) => problem.severity === "error").map((problem) => `${path.basename(problem.file)} ${problem.rule}`),
    ["compression-therapy.md safety", "overdue.md safety", "overdue.md freshness", "sclerotherapy.md safety"],
  );
  t.regex(
    formatProblem(released.problems.find((problem) => problem.rule === "safety")!),
    /error {2}no "kind": add kind: .*\(clinic\.yaml says release: true\)/,
  );
  // check says it once, not once for the build and once for check.
  const { problems } = await runChecks(site.contentDir);
  t.is(problems.filter((problem) => problem.file.endsWith("/overdue.md") && problem.rule === "freshness").length, 1);
});

test("released, a guide that falls overdue stops the next build though nothing else changed (it was reported unchanged, exit 0)", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const real = (await readFile(clinicFile, "utf8")).replace("(555) 010-0199", "612 555 0143").replaceAll("fixture.example.org", "veinclinic.es");
  await writeFile(clinicFile, `${real}release: true\n`);
  // One guide that passes every release check (the shipped compression guide, signed off), reviewed 355 days ago: due in 10 days.
  await rm(path.join(site.contentDir, "procedures", "sclerotherapy.md"));
  const reviewed = new Date(Date.now() - 355 * 86_400_000).toISOString().slice(0, 10);
  const guide = (await readFile(path.join(repoRoot, "content", "procedures", "compression-therapy.md"), "utf8"))
    .replace(" (sample reviewer)", "")
    .replace(/lastReviewed: "[\d-]+"/, `lastReviewed: "${reviewed}"`);
  await writeProcedure(site, "compression-therapy", guide);
  const build = (env = {}) => runPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { env });
  const first = await build();
  t.is(first.code, 0, first.output);
  // The same build 30 days later: Node's clock moved on by a module loaded first.
  const later = path.join(site.root, "thirty-days-later.mjs");
  await writeFile(
    later,
    "const shift = 30 * 86_400_000;\nconst RealDate = Date;\n" +
      "globalThis.Date = class extends RealDate {\n  constructor(...given) { super(...(given.length ? given : [RealDate.now() + shift])); }\n" +
      "  static now() { return RealDate.now() + shift; }\n};\n",
  );
  const overdue = await build({ NODE_OPTIONS: `--import=${pathToFileURL(later).href}` });
  t.is(overdue.code, 1, overdue.output);
  t.regex(overdue.stderr, /compression-therapy\.md:\d+:1 {2}error {2}last reviewed [\d-]+, 12 months ago \(over 12\), and clinic\.yaml says release: true/);
});
