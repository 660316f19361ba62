import { headingsOf } from "../content/markdown.ts";
import { bodyProblem, fieldProblem, type Check, type Problem, type ProcedureSource } from "./types.ts";

/** "## Sources" as each language writes it (templates/strings/*.yaml `sourcesTitle`). */
const sourcesHeadings: Record<string, RegExp> = { en: /^(sources|references)$/i, es: /^(fuentes|referencias)$/i };

const example = '- "NICE. Varicose veins: diagnosis and management. CG168, 2013."';

/**
 * Every procedure names where its facts come from (../shared/CONTENT.md: "Claims carry their
 * source"): front matter `sources:`, which the page and every brochure print. A guide without it is
 * an error; so is a "## Sources" written into the text, which the brochures would print twice or
 * not at all.
 */
export const checkSources: Check = ({ content }) => content.procedures.flatMap((procedure) => [...missingSources(procedure), ...sourcesInText(procedure)]);

function missingSources(procedure: ProcedureSource): Problem[] {
  // (A guide whose front matter could not be read at all is the loader's to report: its title has no line.)
  if ((procedure.sources && procedure.sources.length > 0) || !procedure.fieldLines.title) return [];
  const what =
    "list the guidelines, drug labels or trials this guide's facts come from, " +
    `one quoted line each (e.g. ${example}); the web page and every brochure print them`;
  if (procedure.sources) return [fieldProblem(procedure, "sources", "error", "sources", `sources: is empty: ${what}`)];
  // Where the list goes: just before the closing --- of the front matter.
  return [
    {
      file: procedure.file,
      line: Math.max(1, procedure.bodyLine - 1),
      column: 1,
      severity: "error",
      rule: "sources",
      message: `no sources: add sources: to the front matter and ${what}`,
    },
  ];
}

function sourcesInText(procedure: ProcedureSource): Problem[] {
  const heading = sourcesHeadings[procedure.lang] ?? sourcesHeadings.en!;
  return headingsOf(procedure.body).flatMap(({ level, text, line }) =>
    level === 2 && heading.test(text.trim())
      ? [
          bodyProblem(
            procedure,
            line,
            "error",
            "sources",
            `"## ${text.trim()}" in the text: move its list into the front matter's sources: (one quoted line each), ` +
              "which the page and every brochure print under their own heading",
          ),
        ]
      : [],
  );
}
