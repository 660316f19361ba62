import { sectionHeadings, sectionKeys, splitSections } from "../content/sections.ts";
import { bodyProblem, type Check } from "./types.ts";

/** Every required section is there, in order (../shared/CONTENT.md); the body has no `#` title of its own. */
export const checkSections: Check = ({ content }) =>
  content.procedures.flatMap((procedure) => {
    const headings = sectionHeadings[procedure.lang] ?? sectionHeadings.en!;
    const sections = splitSections(procedure.body, procedure.lang);
    const problems = [];
    const titleLine = procedure.body.split("\n").findIndex((line) => /^#\s/.test(line));
    if (titleLine !== -1) {
      problems.push(bodyProblem(procedure, titleLine + 1, "warning", "sections", "a # heading in the body makes a second page title: the title comes from front matter, so use ## for sections"));
    }
    let previous = -1;
    for (const section of sections) {
      if (!section.key) continue;
      const index = sectionKeys.indexOf(section.key);
      if (index < previous) {
        const after = headings[sectionKeys[previous]!];
        problems.push(bodyProblem(procedure, section.line, "error", "sections", `section "## ${section.heading}" is out of order: move it before "## ${after}"`));
      }
      previous = Math.max(previous, index);
    }
    const present = new Set(sections.map((section) => section.key));
    for (const key of sectionKeys.filter((candidate) => !present.has(candidate))) {
      const next = sections.find((section) => section.key && sectionKeys.indexOf(section.key) > sectionKeys.indexOf(key));
      const where = next ? `before "## ${next.heading}"` : "at the end";
      problems.push(bodyProblem(procedure, next?.line ?? Math.max(1, procedure.body.split("\n").length), "error", "sections", `missing section "## ${headings[key]}": add it ${where}`));
    }
    return problems;
  });
