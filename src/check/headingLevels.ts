import { headingsOf } from "../content/markdown.ts";
import { bodyProblem, documentsOf, type Check } from "./types.ts";

/**
 * Heading levels in a write-up: the page's title is its only `#` heading, and each heading goes at
 * most one level deeper than the one before (`##` then `###`, not `####`). Screen-reader users move
 * through a page by its headings, and brochure bookmarks are made from them.
 */
export const checkHeadingLevels: Check = ({ content }) =>
  documentsOf(content).flatMap((document) => {
    let previous = 1; // the page's title
    return headingsOf(document.body).flatMap(({ level, line }) => {
      const skipped = level > previous + 1;
      const found =
        level === 1
          ? [bodyProblem(document, line, "warning", "headings", `"#" is the page's title, which the front matter gives: write sections as "##"`)]
          : skipped
            ? [
                bodyProblem(
                  document,
                  line,
                  "warning",
                  "headings",
                  `a ${"#".repeat(level)} heading right after ${"#".repeat(previous)} skips a level: use ${"#".repeat(previous + 1)} ` +
                    "(screen readers and PDF bookmarks go by heading level)",
                ),
              ]
            : [];
      previous = level;
      return found;
    });
  });
