import test from "ava";
import { numbersIn } from "../src/check/parity.ts";
import { runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { shippedContent } from "./helpers/shippedContent.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

const today = new Date("2026-11-24T12:00:00Z");

async function parityFindings(contentDir: string) {
  const { problems } = await runChecks(contentDir, today);
  return problems.filter((problem) => problem.rule === "parity").map((problem) => formatProblem(problem));
}

test("parity: numbers are read the same way in both languages (1,4 is 1.4; times of day are left out)", (t) => {
  t.deepEqual(numbersIn("about 1.4 in 100, from 8:00 am"), ["1.4", "100"]);
  t.deepEqual(numbersIn("unas 1,4 de cada 100, desde las 8:00"), ["1.4", "100"]);
});

test("parity: the shipped Spanish guides say the same numbers, list items and questions as the English ones", async (t) => {
  const { contentDir } = await shippedContent(t);
  t.deepEqual(await parityFindings(contentDir), []);
});

test("parity: a Spanish guide whose numbers differ from the English one is an error naming the file, the line and the numbers", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("es/procedures/foam-sclerotherapy.md", (text) => text.replace("unas 4 de cada 100", "unas 14 de cada 100"));
  await edit("es/procedures/sclerotherapy.md", (text) => text.replace("duration: Unos 30 minutos", "duration: Unos 45 minutos"));
  const found = (await parityFindings(contentDir)).join("\n");
  t.regex(
    found,
    joinedRegExp(
      /content\/es\/procedures\/foam-sclerotherapy\.md:\d+:1 {2}error {2}section "Riesgos y efectos secundarios" lacks 4 and has 14 /,
      /that \S*content\/procedures\/foam-sclerotherapy\.md does not/,
    ),
  );
  t.regex(found, /content\/es\/procedures\/sclerotherapy\.md:6:1 {2}error {2}duration: lacks 30 and has 45/);
  // Either file may be the one that changed: the advice does not say to copy the original.
  t.regex(found, /the two must say the same: check which one is right \(either may have changed\)/);
  t.notRegex(found, /as the original/);
});

test("parity: a translation whose front matter does not parse gets its YAML error, not a parity error for the fields it could not give", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("es/procedures/foam-sclerotherapy.md", (text) => text.replace(/^title: .*$/m, "title: [broken"));
  const mine = (await runChecks(contentDir)).problems.filter((problem) => problem.file.endsWith("es/procedures/foam-sclerotherapy.md"));
  t.deepEqual(
    mine.map((problem) => problem.rule),
    ["yaml"],
    mine.map((problem) => formatProblem(problem)).join("\n"),
  );
});

test("parity: list items pasted as '•' bullets count as the list the page shows (they counted as none)", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("es/procedures/sclerotherapy.md", (text) => {
    const [before, after] = text.split("## Cuándo llamarnos");
    return `${before}## Cuándo llamarnos${after!.replace(/^- /gm, "•\t")}`;
  });
  t.deepEqual(await parityFindings(contentDir), []);
});

test("parity: a warning sign missing from a Spanish emergency block, or a question left untranslated, is an error", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("es/procedures/radiofrequency-ablation.md", (text) => text.replace(/\n- Dolor de pecho[^\n]*/, ""));
  await edit("es/procedures/compression-therapy.md", (text) => text.replace(/\n {2}- question: [^\n]*\n {4}answer: [^\n]*/, ""));
  const found = (await parityFindings(contentDir)).join("\n");
  t.regex(
    found,
    joinedRegExp(
      /radiofrequency-ablation\.md:\d+:1 {2}error {2}section "Cuándo llamarnos" has \d+ list items, /,
      /"When to call us" of \S*content\/procedures\/radiofrequency-ablation\.md has \d+: a warning sign or step may be missing/,
    ),
  );
  t.regex(found, /compression-therapy\.md:\d+:1 {2}error {2}faq has \d+ questions, \S*content\/procedures\/compression-therapy\.md has \d+/);
});
