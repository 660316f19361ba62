import { loadContent } from "../content/load.ts";
import { formatSummary } from "../content/problem.ts";
import type { Folders } from "./options.ts";
import { reportProblems } from "./report.ts";

/** `pamphlet check`: every content problem in one report. Errors exit 1; warnings alone exit 0. */
export async function runCheck(folders: Folders): Promise<number> {
  const { problems } = await loadContent(folders.contentDir);
  const ok = reportProblems(problems);
  if (problems.length === 0) console.log(`${folders.contentDir}: ${formatSummary(problems)}`);
  return ok ? 0 : 1;
}
