import test from "ava";
import { loadForBuild, runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { shippedContent } from "./helpers/shippedContent.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

const today = new Date("2026-11-24T12:00:00Z");

async function safetyFindings(contentDir: string) {
  const { problems } = await runChecks(contentDir, today);
  return problems.filter((problem) => problem.rule === "safety").map((problem) => formatProblem(problem));
}

test("safety: the shipped guides state every warning and reason not to treat their kind needs", async (t) => {
  const { contentDir } = await shippedContent(t);
  t.deepEqual(await safetyFindings(contentDir), []);
});

test("safety: removing the foam guide's clot and stroke warnings and its emergency block is an error naming the guide and what is missing", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/foam-sclerotherapy.md", (text) => {
    const [before, after] = text.split("## When to call us");
    const nextSections = after!.includes("\n## ") ? after!.slice(after!.indexOf("\n## ")) : "";
    return `${before}## When to call us\n\nCall us in the morning if anything worries you.\n${nextSections}`;
  });
  const found = (await safetyFindings(contentDir)).join("\n");
  for (const missing of ["a blood clot in a deep vein", "a blood clot in the lungs", "an emergency block", "vision and nerve warning signs"]) {
    t.regex(
      found,
      new RegExp(
        `content/procedures/foam-sclerotherapy\\.md:\\d+:1 {2}error {2}` +
          `this guide \\(kind: foam\\) must state [^\\n]*${missing}[^\\n]*: add it to "## When to call us"`,
      ),
      missing,
    );
  }
});

test("safety: emergency signs moved under a ## heading of their own are an error at 'When to call us', which the take-home sheets print alone", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/sclerotherapy.md", (text) =>
    text.replace("Get emergency help right away if you have:", "## Emergency signs\n\nGet emergency help right away if you have:"),
  );
  t.regex(
    (await safetyFindings(contentDir)).join("\n"),
    joinedRegExp(
      /content\/procedures\/sclerotherapy\.md:\d+:1 {2}error {2}/,
      /this guide \(kind: injection\) must state [^\n]*an emergency block[^\n]*: add it to "## When to call us"/,
    ),
  );
});

test("safety: a misspelt heading ('## When to cal us') is named, at its line, as why its warnings are missing", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/sclerotherapy.md", (text) => text.replace("## When to call us", "## When to cal us"));
  const found = (await safetyFindings(contentDir)).filter((line) => line.includes("sclerotherapy.md"));
  t.true(found.length > 0);
  for (const line of found)
    t.regex(
      line,
      /sclerotherapy\.md:\d+:1 {2}error {2}.*add it to "## When to call us" \(if it is under "## When to cal us", write the heading as "## When to call us"\)/,
    );
});

test("safety: deleting a pregnancy warning, in English or Spanish, is an error at the section that should hold it", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/sclerotherapy.md", (text) => text.replace("- Are pregnant or breastfeeding\n", ""));
  await edit("es/procedures/radiofrequency-ablation.md", (text) => text.replace("- Está embarazada\n", ""));
  const found = (await safetyFindings(contentDir)).join("\n");
  t.regex(
    found,
    joinedRegExp(
      /content\/procedures\/sclerotherapy\.md:\d+:1 {2}error {2}/,
      /this guide \(kind: injection\) must state a reason not to treat: pregnancy: add it to "## Who it helps"/,
    ),
  );
  t.regex(
    found,
    joinedRegExp(
      /content\/es\/procedures\/radiofrequency-ablation\.md:\d+:1 {2}error {2}/,
      /this guide \(kind: thermal-ablation\) must state a reason not to treat: pregnancy: add it to "## A quién ayuda"/,
    ),
  );
});

test("safety: risky advice ('Rest in bed for 3 days', 'stop your blood thinner') is an error at its line; the same words negated pass", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/radiofrequency-ablation.md", (text) =>
    text.replace(
      "## After the treatment\n",
      "## After the treatment\n\nRest in bed for 3 days.\n\nYou do not need bed rest.\n\nDo not stop your blood thinner unless your doctor tells you to.\n",
    ),
  );
  await edit("es/procedures/foam-sclerotherapy.md", (text) =>
    text.replace("## Después del tratamiento\n", "## Después del tratamiento\n\nDeje su anticoagulante 5 días antes.\n\nNo necesita reposo en cama.\n"),
  );
  const found = await safetyFindings(contentDir);
  t.is(found.length, 2, found.join("\n"));
  t.regex(found.join("\n"), /radiofrequency-ablation\.md:\d+:1 {2}error {2}"Rest in bed" is advice that can harm/);
  t.regex(found.join("\n"), /es\/procedures\/foam-sclerotherapy\.md:\d+:1 {2}error {2}"Deje su anticoagulante" is advice that can harm/);
});

test("safety: a guide with no kind is a warning that lists the kinds", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/compression-therapy.md", (text) => text.replace("kind: compression\n", ""));
  const found = (await safetyFindings(contentDir)).join("\n");
  t.regex(
    found,
    /compression-therapy\.md:2:1 {2}warning {2}no "kind": add kind: one of injection, foam, thermal-ablation, adhesive, surgery, compression, consultation/,
  );
});

test("a guide missing a warning its kind must state is not built: its take-home sheet would print without it; a guide with no kind still builds", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  // Renamed, the heading no longer starts the section the aftercare sheet and tri-fold take their warning signs from.
  await edit("procedures/sclerotherapy.md", (text) => text.replace("## When to call us", "## When to contact us"));
  const refused = await loadForBuild(contentDir);
  t.falsy(refused.content, "not built");
  const errors = refused.problems.filter((problem) => problem.severity === "error").map((problem) => formatProblem(problem));
  t.true(errors.length > 0);
  t.true(
    errors.every((line) => /procedures\/sclerotherapy\.md:\d+:\d+ {2}error {2}this guide \(kind: injection\) must state .* \(safety\)$/.test(line)),
    errors.join("\n"),
  );
  await edit("procedures/sclerotherapy.md", (text) => text.replace("## When to contact us", "## When to call us").replace(/^kind: .*\n/m, ""));
  const noKind = await loadForBuild(contentDir);
  t.truthy(noKind.content, noKind.problems.map((problem) => formatProblem(problem)).join("\n"));
});
