import type { Problem } from "../shared/problem.ts";

export interface FrontMatterParts {
  yaml: string;
  /** File line of the first YAML line (the one after the opening `---`). */
  yamlLine: number;
  body: string;
  /** File line where the body starts. */
  bodyLine: number;
}

/** Splits `---` fenced front matter from the Markdown body. Text must already use `\n` line ends. */
export function splitFrontMatter(file: string, text: string): FrontMatterParts | { problem: Problem } {
  const fail = (message: string, line = 1) => ({ problem: { file, line, severity: "error" as const, message, rule: "front-matter" } });
  if (text.trim() === "") return fail("is empty: start it with front matter between two --- lines, then the text");
  if (!/^---[ \t]*\n/.test(text)) {
    return fail("has no front matter: the first line must be --- followed by the fields (title:, summary:, ...) and another ---");
  }
  const lines = text.split("\n");
  const close = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  if (close === -1) return fail("front matter is not closed: add a line with --- after the last field");
  return {
    yaml: lines.slice(1, close).join("\n"),
    yamlLine: 2,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}
