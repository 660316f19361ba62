import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import YAML from "yaml";
import { claimWords, findClaims } from "../src/check/claimWords.ts";
import { runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { fixtureSite, fixturesDir, procedureText, writeProcedure } from "./helpers/fixtures.ts";

const today = new Date("2026-11-24T12:00:00Z");

for (const lang of ["en", "es"]) {
  test(`claims (${lang}): every sentence of the trip fixtures is flagged, none of the pass fixtures (honest hedges, questions)`, async (t) => {
    const fixture = YAML.parse(await readFile(path.join(fixturesDir, "claims", `${lang}.yaml`), "utf8")) as { trip: string[]; pass: string[] };
    const words = claimWords(lang)!;
    for (const sentence of fixture.trip) t.true(findClaims(sentence, words).length > 0, `should trip: ${sentence}`);
    for (const sentence of fixture.pass)
      t.deepEqual(
        findClaims(sentence, words).map((claim) => claim.found),
        [],
        `should pass: ${sentence}`,
      );
  });
}

test("claims: a promotional claim in any front-matter field or FAQ entry is an error naming the file, the field and its line", async (t) => {
  const site = await fixtureSite(t);
  const fields = ["title", "summary", "duration", "downtime", "sessions", "resultsTimeline", "candidates", "veinsTreated", "anaesthesia"];
  for (const field of fields) {
    const value = field === "title" ? "Miracle veins" : "Completely safe, with state-of-the-art care";
    await writeProcedure(site, `in-${field.toLowerCase()}`, procedureText({ title: `Claim in ${field}`, [field]: value }));
  }
  await writeProcedure(site, "in-faq", procedureText({ title: "Claim in faq", faq: [{ question: "Will it hurt?", answer: "No. It is painless." }] }));
  const { problems } = await runChecks(site.contentDir, today);
  for (const field of fields) {
    const slug = `in-${field.toLowerCase()}`;
    const file = await readFile(path.join(site.contentDir, "procedures", `${slug}.md`), "utf8");
    const found = problems.filter((problem) => problem.rule === "claims" && problem.file.endsWith(`/${slug}.md`));
    t.true(found.length > 0, field);
    t.regex(found[0]!.message, new RegExp(`^${field}: "`), field);
    t.true(file.split("\n")[found[0]!.line! - 1]!.startsWith(`${field}:`), `line of ${field}`);
  }
  const faq = problems.find((problem) => problem.rule === "claims" && problem.file.endsWith("/in-faq.md"));
  t.regex(faq ? formatProblem(faq) : "", /in-faq\.md:\d+:1 {2}error {2}faq #1 › answer: "painless" is an absolute or risky claim/);
});

test("claims: a Spanish guide's absolutes are errors, its honest hedges pass", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  await mkdir(path.join(site.contentDir, "es", "procedures"), { recursive: true });
  const spanish = (body: string, fields = {}) => procedureText({ title: "Escleroterapia", ...fields }, body);
  await writeFile(
    path.join(site.contentDir, "es", "procedures", "sclerotherapy.md"),
    spanish("## Qué es\n\nNingún tratamiento es sin riesgo, y no hay garantía de resultados.\n", { sessions: "Completamente inocuo, 100 por ciento" }),
  );
  const { problems } = await runChecks(site.contentDir, today);
  const mine = problems.filter((problem) => problem.rule === "claims" && problem.file.includes("/es/"));
  t.deepEqual(
    mine.map((problem) => problem.message.match(/"([^"]+)"/)![1]),
    ["Completamente inocuo", "100 por ciento"],
    mine.map((problem) => formatProblem(problem)).join("\n"),
  );
  t.true(mine.every((problem) => problem.message.startsWith("sessions: ")));
});

test("claims: a promotional claim in any front-matter field, FAQ answer or the text of a Spanish guide is an error at its line", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  await mkdir(path.join(site.contentDir, "es", "procedures"), { recursive: true });
  const fields = ["title", "summary", "duration", "downtime", "sessions", "resultsTimeline", "candidates", "veinsTreated", "anaesthesia"];
  for (const field of fields) {
    const value = field === "title" ? "Tratamiento milagroso" : "Totalmente seguro, con láseres de última generación";
    await writeFile(
      path.join(site.contentDir, "es", "procedures", `en-${field.toLowerCase()}.md`),
      procedureText({ title: `Afirmación en ${field}`, lang: "es", [field]: value }, "## Qué es\n\nUn texto corto.\n"),
    );
  }
  await writeFile(
    path.join(site.contentDir, "es", "procedures", "en-faq.md"),
    procedureText({ title: "Afirmación en faq", lang: "es", faq: [{ question: "¿Duele?", answer: "No. Es indoloro." }] }, "## Qué es\n\nUn texto corto.\n"),
  );
  await writeFile(
    path.join(site.contentDir, "es", "procedures", "en-texto.md"),
    procedureText({ title: "Afirmación en el texto", lang: "es" }, "## Qué es\n\nUn texto corto.\n\nLas venas desaparecen para siempre.\n"),
  );
  const { problems } = await runChecks(site.contentDir, today);
  const claimsIn = (slug: string) => problems.filter((problem) => problem.rule === "claims" && problem.file.endsWith(`/es/procedures/${slug}.md`));
  const lineOf = async (slug: string, start: string) =>
    (await readFile(path.join(site.contentDir, "es", "procedures", `${slug}.md`), "utf8")).split("\n").findIndex((line) => line.startsWith(start)) + 1;
  for (const field of fields) {
    const slug = `en-${field.toLowerCase()}`;
    const found = claimsIn(slug);
    t.true(found.length > 0, field);
    t.regex(found[0]!.message, new RegExp(`^${field}: "`), field);
    t.is(found[0]!.line, await lineOf(slug, `${field}:`), `line of ${field}`);
  }
  t.regex(
    claimsIn("en-faq")
      .map((problem) => formatProblem(problem))
      .join("\n"),
    /en-faq\.md:\d+:1 {2}error {2}faq #1 › answer: "indoloro" is an absolute or risky claim/,
  );
  const body = claimsIn("en-texto");
  t.is(body.length, 1, body.map((problem) => formatProblem(problem)).join("\n"));
  t.is(body[0]!.line, await lineOf("en-texto", "Las venas desaparecen"));
});

test("claims: clinic.yaml's own phrases obey negation too", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}bannedClaims:\n  en: [scar-free]\n`);
  await writeProcedure(site, "boast", procedureText({ title: "Boast" }, "## What it is\n\nIt is scar-free.\n\nNo surgery is scar-free.\n"));
  const { problems } = await runChecks(site.contentDir, today);
  const found = problems.filter((problem) => problem.rule === "claims" && problem.file.endsWith("/boast.md"));
  t.is(found.length, 1);
  t.regex(found[0]!.message, /^"scar-free"/);
});

test("claims: a claim with emphasis marks in it is found, and its column is where it is written", (t) => {
  const words = claimWords("en")!;
  t.like(findClaims("It is **completely** safe.", words), [{ found: "completely safe", index: 8 }]);
});

test("claims: a sentence wrapped over two lines is read whole: a claim split by the break is found, a negation on the line before counts", async (t) => {
  const site = await fixtureSite(t);
  const body = [
    "## What it is",
    "",
    "This treatment is completely",
    "safe, and we cannot promise that the treatment",
    "will be painless for everyone.",
    "",
    "- No cuts are needed",
    "- Completely safe for all.",
  ].join("\n");
  const file = await writeProcedure(site, "wrapped", procedureText({}, `${body}\n`));
  const lines = (await readFile(file, "utf8")).split("\n");
  const { problems } = await runChecks(site.contentDir, today);
  const found = problems.filter((problem) => problem.rule === "claims" && problem.file.endsWith("wrapped.md")).map((problem) => formatProblem(problem));
  const lineOf = (text: string) => lines.indexOf(text) + 1;
  t.deepEqual(
    found.map((line) => line.replace(/^.*wrapped\.md:/, "").replace(/ {2}error {2}("[^"]+").*$/, " $1")),
    [`${lineOf("This treatment is completely")}:19 "completely safe"`, `${lineOf("- Completely safe for all.")}:3 "Completely safe"`],
  );
});

test("risky advice: stopping a blood thinner or aspirin, staying off your feet are found however written; advice against them passes", async (t) => {
  const { adviceWords } = await import("../src/check/claimWords.ts");
  const words = adviceWords("en")!;
  for (const harmful of [
    "Stop taking blood thinners 5 days before your visit.",
    "Stop your aspirin and warfarin a week before.",
    "Stay lying down as much as you can for 48 hours.",
    "Avoid walking for 3 days after treatment.",
    "Rest in bed for 3 days.",
    // "Unless" still says to do it; "to avoid" gives a reason for it.
    "Stay in bed for two days unless you need the bathroom.",
    "Stop your blood thinner 3 days before unless your doctor says otherwise.",
    "To avoid bruising stay in bed for the first day.",
    "Stop taking your aspirin 7 days before treatment unless your doctor tells you otherwise.",
  ])
    t.true(findClaims(harmful, words).length > 0, `harmful: ${harmful}`);
  for (const safe of [
    "Avoid bed rest.",
    "Avoid long periods of bed rest.",
    "Try to avoid long spells of bed rest.",
    "Bed rest is not needed.",
    "Stop your blood thinner only if your doctor tells you to.",
    "Do not stop your blood thinner unless your doctor tells you to.",
  ])
    t.deepEqual(
      findClaims(safe, words).map((found) => found.found),
      [],
      `safe: ${safe}`,
    );
  const spanish = adviceWords("es")!;
  for (const harmful of [
    "Guarde reposo en cama 48 horas salvo que tenga que ir al baño.",
    "Deje de tomar el anticoagulante a menos que su médico le diga lo contrario.",
    "Para evitar hematomas guarde reposo en cama 2 días.",
    "Deje de tomar la aspirina una semana antes.",
    "Deje de tomar el Sintrom 3 días antes.",
    "Quédese acostado 24 horas.",
    "Haga reposo absoluto durante dos días.",
    "Evite caminar durante 3 días.",
  ])
    t.true(findClaims(harmful, spanish).length > 0, `harmful: ${harmful}`);
  t.deepEqual(
    findClaims("Evite el reposo en cama. Evite periodos largos de reposo en cama. Deje su anticoagulante solo si su médico se lo indica.", spanish).map(
      (found) => found.found,
    ),
    [],
  );
});
