import { closestWord } from "../shared/closestWord.ts";
import { headingsOf } from "../content/markdown.ts";
import { proseLines, withoutInlineCode } from "../content/codeFences.ts";
import { foldText } from "../content/foldText.ts";
import { sectionHeadings, sectionKeys, splitSections, type Section, type SectionKey } from "../content/sections.ts";
import { bodyProblem, fieldProblem, type Check, type Problem, type ProcedureSource } from "./types.ts";

/** Words a writer leaves to fill in later, which must not reach a patient (in capitals: "todo" is Spanish for "all"). */
const placeholder = /(?<![\p{L}\p{N}])(TODO|TBD|FIXME|XXX|[Ll]orem ipsum)(?![\p{L}\p{N}])/u;

/**
 * Every required section is there once, in order, and has text. A heading
 * that nearly matches one (a word off, an accent or a level missing) is named where it is.
 * (A `#` title in the body is the headings check's.)
 */
/** An HTML tag as written in a guide (`<iframe src=…>`, `</div>`, `<br/>`); not `<5 mm` nor an address in <…>. */
const htmlTag = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;

export const checkSections: Check = ({ content }) =>
  // (An empty body is the loader's to report, once.)
  content.procedures
    .filter((procedure) => procedure.body.trim() !== "")
    .flatMap((procedure) => {
      const headings = sectionHeadings[procedure.lang] ?? sectionHeadings.en!;
      const sections = splitSections(procedure.body, procedure.lang);
      const problems: Problem[] = [];
      const at = (line: number, message: string) => problems.push(bodyProblem(procedure, line, "error", "sections", message));
      const fileLine = (section: Section) => procedure.bodyLine + section.line - 1;
      let previous = -1;
      const seen = new Map<SectionKey, Section>();
      for (const section of sections) {
        const text = section.markdown.split("\n").slice(1).join("\n");
        if (section.key && text.trim() === "")
          at(section.line, `section "## ${section.heading}" has no text: write it (patients read every section, in print too)`);
        if (!section.key) continue;
        const first = seen.get(section.key);
        if (first) {
          at(section.line, `section "## ${section.heading}" appears twice (lines ${fileLine(first)} and ${fileLine(section)}): put its text under one heading`);
          continue;
        }
        seen.set(section.key, section);
        const index = sectionKeys.indexOf(section.key);
        if (index < previous) at(section.line, `section "## ${section.heading}" is out of order: move it before "## ${headings[sectionKeys[previous]!]}"`);
        previous = Math.max(previous, index);
      }
      procedure.body.split("\n").forEach((line, index) => {
        const filler = placeholder.exec(line);
        if (filler) at(index + 1, `"${filler[0]}" is a placeholder: write the text before publishing`);
      });
      // Guides are Markdown without HTML (content/markdown.ts): a comment is shown as written, not hidden, to patients.
      proseLines(procedure.body).forEach((line, index) => {
        if (line.includes("<!--")) at(index + 1, '"<!--" starts an HTML comment, which pages and brochures show as written: delete what should not be shown');
        const tag = htmlTag.exec(withoutInlineCode(line));
        if (tag)
          at(
            index + 1,
            `"${tag[0].slice(0, 40)}" is HTML, which pages and brochures show as written (guides are Markdown only): write it in Markdown or delete it`,
          );
      });
      // The front matter prints too: on the cover, the at-a-glance box and the questions.
      const fields = Object.entries(procedure).filter(([key, value]) => typeof value === "string" && key in procedure.fieldLines);
      const answers = (procedure.faq ?? []).flatMap((entry) => [entry.question, entry.answer]).map((text): [string, unknown] => ["faq", text]);
      for (const [field, value] of [...fields, ...answers]) {
        const filler = placeholder.exec(String(value));
        if (filler)
          problems.push(fieldProblem(procedure, field, "error", "sections", `${field}: "${filler[0]}" is a placeholder: write the text before publishing`));
      }
      const nearMisses = nearMissHeadings(procedure, sections);
      for (const key of sectionKeys.filter((candidate) => !seen.has(candidate))) {
        const wanted = headings[key];
        const near = nearMisses.find((heading) => heading.key === key);
        if (near) {
          at(
            near.line,
            near.level === 2
              ? `"## ${near.text}" is not one of the sections: did you mean "## ${wanted}"? (section headings are written exactly so)`
              : `"${"#".repeat(near.level)} ${near.text}" should be the section "## ${wanted}": sections are ## headings, written exactly so`,
          );
          continue;
        }
        const next = sections.find((section) => section.key && sectionKeys.indexOf(section.key) > sectionKeys.indexOf(key));
        const where = next ? `before "## ${next.heading}"` : "at the end";
        at(next?.line ?? Math.max(1, procedure.body.split("\n").length), `missing section "## ${wanted}": add it ${where}`);
      }
      return problems;
    });

/** Headings that are not a section as written but nearly one: "Before you visit", "Despues del tratamiento", "### During the treatment". */
function nearMissHeadings(procedure: ProcedureSource, sections: Section[]): Array<{ key: SectionKey; line: number; level: number; text: string }> {
  const headings = sectionHeadings[procedure.lang] ?? sectionHeadings.en!;
  const keyed = new Set(sections.filter((section) => section.key).map((section) => section.line));
  const byFolded = new Map(sectionKeys.map((key) => [foldText(headings[key]), key]));
  const found = [];
  for (const { level, text, line, topLevel } of headingsOf(procedure.body)) {
    if (!topLevel || keyed.has(line)) continue;
    const folded = foldText(text).replace(/[:.]+$/, "");
    const key = byFolded.get(folded) ?? byFolded.get(closestWord(folded, [...byFolded.keys()]) ?? "");
    if (key) found.push({ key, line, level, text });
  }
  return found;
}
