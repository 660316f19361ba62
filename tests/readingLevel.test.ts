import test from "ava";
import { readability } from "../src/check/readability.ts";
import { runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { runPamphlet } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";

const today = new Date("2026-11-24T12:00:00Z");
const jargon =
  "Venous insufficiency, characterized by pathophysiological valvular incompetence and consequential hemodynamic abnormalities, " +
  "necessitates comprehensive multidisciplinary evaluation incorporating duplex ultrasonography " +
  "before interventional management is undertaken by appropriately credentialed practitioners in accredited facilities.";
const plain = (n: number) => Array.from({ length: n }, () => "We put a small needle in the vein. It does not take long. You can go home after.").join(" ");

test("reading level: list items without a full stop are fragments, not sentences", (t) => {
  const result = readability("Bring these things to your visit today.\n\n- Loose clothes\n- Your stockings\n- A list of medicines\n", "en")!;
  t.is(result.sentences, 1);
  t.is(result.words, 15);
  const asSentences = readability("Bring these things to your visit today. Loose clothes. Your stockings. A list of medicines.", "en")!;
  t.true(result.score > asSentences.score, `fragments ${result.score} must not read easier than the same words as four sentences ${asSentences.score}`);
});

test("reading level: each text is scored once, however often a check asks (the dev server checks every guide on each save)", (t) => {
  const text = "The vein closes and fades over a few weeks. Most people go back to work the same day.";
  const first = readability(text, "en");
  t.truthy(first);
  t.is(readability(text, "en"), first, "the same text again: the scores already worked out");
  t.is(readability(text, "es")?.formula, "Szigriszt-Pazos (INFLESZ)", "the same words in another language: scored by its own formula");
  t.not(readability(`${text} Walk every day.`, "en"), first, "another text is scored anew");
});

test("reading level: one jargon sentence makes its section miss the target, named with the sentence and its line, though the guide passes", async (t) => {
  const site = await fixtureSite(t);
  const body = `## What it is\n\n${plain(8)}\n\n## Who it helps\n\n${plain(2)}\n\n${jargon}\n\n## Before your visit\n\n${plain(8)}\n`;
  const file = await writeProcedure(site, "jargon", procedureText({ title: "Jargon" }, body));
  const { problems, readingLevels } = await runChecks(site.contentDir, today);
  const level = readingLevels.find((found) => found.file === file || found.file.endsWith("/jargon.md"))!;
  t.true(level.ok, `the whole guide averages ${level.score}`);
  t.deepEqual(
    level.sections.map((section) => [section.name, section.ok]),
    [
      ["What it is", true],
      ["Who it helps", false],
      ["Before your visit", true],
    ],
  );
  const found = problems.filter((problem) => problem.rule === "reading-level" && problem.file.endsWith("/jargon.md")).map((problem) => formatProblem(problem));
  t.is(found.length, 1, found.join("\n"));
  const lines = procedureText({ title: "Jargon" }, body).split("\n");
  const [, at, worst] =
    /jargon\.md:(\d+):1 {2}warning {2}section "Who it helps": Flesch–Kincaid grade [\d.]+, target 8 or lower: .* Hardest sentence: line (\d+) /.exec(
      found[0]!,
    ) ?? [];
  t.is(lines[Number(at) - 1], "## Who it helps");
  t.true(lines[Number(worst) - 1]!.startsWith("Venous insufficiency"));
});

test("reading level: a hard summary or FAQ answer is a warning at its field; labels and questions are not scored", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(
    site,
    "hard-summary",
    procedureText(
      {
        title: "Hard summary",
        summary:
          "Endovenous thermal ablation obliterates incompetent saphenous trunks, eliminating pathological reflux and ameliorating symptomatic manifestations.",
        veinsTreated: "Incompetent great saphenous, small saphenous and anterior accessory saphenous trunks",
        faq: [{ question: "Is endovenous thermal ablation appropriate considering my comorbidities?", answer: "Most people can go home the same day." }],
      },
      `## What it is\n\n${plain(4)}\n`,
    ),
  );
  const found = (await runChecks(site.contentDir, today)).problems
    .filter((problem) => problem.rule === "reading-level" && problem.file.endsWith("/hard-summary.md"))
    .map((problem) => formatProblem(problem));
  t.is(found.length, 1, found.join("\n"));
  t.regex(found[0]!, /hard-summary\.md:3:1 {2}warning {2}summary: Flesch–Kincaid grade [\d.]+, target 8 or lower/);
});

test("check --reading-age shows English levels as UK reading ages beside the grades, section by section for a chosen guide", async (t) => {
  const run = await runPamphlet(["check", "--reading-age", "content/procedures/sclerotherapy.md"]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /sclerotherapy\.md {2}Flesch–Kincaid grade ([\d.]+) \(reading age \d+\) \(target ≤ 8 \(reading age 13\)\)/);
  t.regex(run.stdout, /\n {4}✓ Risks and side effects {2}[\d.]+ \(reading age \d+\)/);
});
