import type { Check, Problem, ProcedureSource } from "./types.ts";
import { fieldProblem } from "./types.ts";

/**
 * Two procedures of one language with the same title (a copied file whose title was not changed):
 * readers cannot tell them apart on the home page, in search or in the print centre. Each of them
 * gets the warning, naming the others.
 */
export const checkDuplicateTitles: Check = ({ content }) => {
  const byTitle = new Map<string, ProcedureSource[]>();
  for (const procedure of content.procedures) {
    const key = `${procedure.lang}\0${procedure.title.trim().toLowerCase()}`;
    byTitle.set(key, [...(byTitle.get(key) ?? []), procedure]);
  }
  const problems: Problem[] = [];
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    for (const procedure of group) {
      const others = group
        .filter((other) => other !== procedure)
        .map((other) => `${other.slug}.md`)
        .join(", ");
      problems.push(
        fieldProblem(
          procedure,
          "title",
          "warning",
          "titles",
          `has the same title as ${others} ("${procedure.title}"): readers cannot tell them apart; give each its own title`,
        ),
      );
    }
  }
  return problems;
};
