import { readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { shippedContent } from "./helpers/shippedContent.ts";

const today = new Date("2026-11-24T12:00:00Z");

async function findings(contentDir: string, rules = ["sections", "sources"]) {
  const { problems } = await runChecks(contentDir, today);
  return problems.filter((problem) => rules.includes(problem.rule)).map((problem) => formatProblem(problem));
}

/** Removes a `## heading` section up to the next `## ` heading. */
const withoutSection = (heading: string) => (text: string) => text.replace(new RegExp(`## ${heading}\\n[\\s\\S]*?(?=\\n## )`), "");
/** Removes the front matter's `sources:` list. */
const withoutSources = (text: string) => text.replace(/\nsources:\n( {2}- .*\n)+/, "\n");
/** 1-based line of the first line equal to `line`, after `from`. */
const lineOf = async (file: string, line: string, from = 0) => (await readFile(file, "utf8")).split("\n").indexOf(line, from) + 1;

test("sources and other options: the shipped guides, English and Spanish, have both; the pages (about, FAQ) need neither", async (t) => {
  const { contentDir } = await shippedContent(t);
  t.deepEqual(await findings(contentDir), []);
});

test("sources and other options: a heading in another case still counts (## Other Options)", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/sclerotherapy.md", (text) => text.replace("## Other options\n", "## Other Options\n"));
  t.deepEqual(await findings(contentDir), []);
});

test("other options: a guide without the section is an error at the next section's line, with its heading in the guide's language", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/foam-sclerotherapy.md", withoutSection("Other options"));
  await edit("es/procedures/medical-adhesive-closure.md", withoutSection("Otras opciones"));
  const found = (await findings(contentDir)).join("\n");
  const english = await lineOf(path.join(contentDir, "procedures", "foam-sclerotherapy.md"), "## Before your visit");
  const spanish = await lineOf(path.join(contentDir, "es", "procedures", "medical-adhesive-closure.md"), "## Antes de su visita");
  t.true(
    found.includes(
      `content/procedures/foam-sclerotherapy.md:${english}:1  error  missing section "## Other options": add it before "## Before your visit"  (sections)`,
    ),
    found,
  );
  t.true(
    found.includes(
      `content/es/procedures/medical-adhesive-closure.md:${spanish}:1  error  missing section "## Otras opciones": ` +
        'add it before "## Antes de su visita"  (sections)',
    ),
    found,
  );
  t.is(found.split("\n").length, 2, found);
});

test("other options: a near miss is named as such (## Other option, ## Otras opcion)", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/radiofrequency-ablation.md", (text) => text.replace("## Other options\n", "## Other option\n"));
  await edit("es/procedures/sclerotherapy.md", (text) => text.replace("## Otras opciones\n", "## Otras opcion\n"));
  const found = (await findings(contentDir)).join("\n");
  t.regex(found, /radiofrequency-ablation\.md:\d+:1 {2}error {2}"## Other option" is not one of the sections: did you mean "## Other options"\?/);
  t.regex(found, /es\/procedures\/sclerotherapy\.md:\d+:1 {2}error {2}"## Otras opcion" is not one of the sections: did you mean "## Otras opciones"\?/);
});

test("sources: a guide without sources: is an error at the end of its front matter saying what to list; an empty list at its line", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/endovenous-laser-ablation.md", withoutSources);
  await edit("es/procedures/foam-sclerotherapy.md", withoutSources);
  await edit("procedures/vein-consultation.md", (text) => text.replace(/\nsources:\n( {2}- .*\n)+/, "\nsources: []\n"));
  const found = (await findings(contentDir, ["sources"])).join("\n");
  const close = async (file: string) => lineOf(path.join(contentDir, file), "---", 1);
  for (const file of ["procedures/endovenous-laser-ablation.md", "es/procedures/foam-sclerotherapy.md"]) {
    t.regex(
      found,
      new RegExp(
        `content/${file.replace(/[./]/g, "\\$&")}:${await close(file)}:1 {2}error {2}no sources: add sources: to the front matter ` +
          "and list the guidelines, drug labels or trials this guide's facts come from",
      ),
      file,
    );
  }
  const emptyList = await lineOf(path.join(contentDir, "procedures", "vein-consultation.md"), "sources: []");
  t.regex(found, new RegExp(`content/procedures/vein-consultation\\.md:${emptyList}:1 {2}error {2}sources: is empty`));
  t.is(found.split("\n").length, 3, found);
});

test("sources: a '## Sources' (or '## Fuentes') written into the text is an error at its line: they belong in the front matter", async (t) => {
  const { contentDir, edit } = await shippedContent(t);
  await edit("procedures/ambulatory-phlebectomy.md", (text) => `${text.trimEnd()}\n\n## Sources\n\n- NICE CG168.\n`);
  await edit("es/procedures/ambulatory-phlebectomy.md", (text) => `${text.trimEnd()}\n\n## Fuentes\n\n- NICE CG168.\n`);
  const found = (await findings(contentDir, ["sources"])).join("\n");
  t.regex(found, /content\/procedures\/ambulatory-phlebectomy\.md:\d+:1 {2}error {2}"## Sources" in the text: move its list into the front matter's sources:/);
  t.regex(found, /content\/es\/procedures\/ambulatory-phlebectomy\.md:\d+:1 {2}error {2}"## Fuentes" in the text/);
});
