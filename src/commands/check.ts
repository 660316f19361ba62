import { runChecks } from "../check/runChecks.ts";
import { formatSummary, hasErrors } from "../content/problem.ts";
import type { Folders } from "./options.ts";
import { reportProblems } from "./report.ts";

/** `pamphlet check [--json]`: every content problem in one report. Errors exit 1; warnings alone exit 0. */
export async function runCheck(folders: Folders, { json = false } = {}): Promise<number> {
  const report = await runChecks(folders.contentDir);
  if (json) {
    const errors = report.problems.filter((problem) => problem.severity === "error").length;
    const summary = { errors, warnings: report.problems.length - errors };
    console.log(JSON.stringify({ problems: report.problems, readingLevels: report.readingLevels, summary }, null, 2));
  } else {
    for (const level of report.readingLevels) {
      const goal = level.formula.startsWith("Flesch") ? `≤ ${level.target}` : `≥ ${level.target}`;
      console.log(`${level.ok ? "✓" : "!"} ${level.file}  ${level.formula} ${level.score} (target ${goal})`);
    }
    if (report.problems.length > 0) reportProblems(report.problems);
    else console.log(formatSummary(report.problems));
  }
  return hasErrors(report.problems) ? 1 : 0;
}
