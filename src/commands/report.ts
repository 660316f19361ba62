import { formatProblems, hasErrors, type Problem } from "../content/problem.ts";
import type { BrochureResult } from "../brochures/renderBrochures.ts";

const useColor = () => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

/** Prints content problems (all of them) and says whether the run may go on. */
export function reportProblems(problems: readonly Problem[]): boolean {
  if (problems.length > 0) console.error(formatProblems(problems, useColor()));
  return !hasErrors(problems);
}

/** Prints the closing line for a brochure run; returns whether every brochure was made. */
export function reportBrochureSummary(results: readonly BrochureResult[], seconds: number): boolean {
  const failed = results.filter((result) => !result.ok);
  const images = results.filter((result) => result.name.endsWith(".png"));
  const pdfs = results.length - images.length;
  const failedPdfs = failed.filter((result) => !result.name.endsWith(".png")).length;
  console.log(`Brochures: ${pdfs - failedPdfs} made, 0 skipped, ${failedPdfs} failed in ${seconds.toFixed(1)} s`);
  if (images.length > 0) console.log(`Share images: ${images.length - (failed.length - failedPdfs)} made`);
  for (const result of failed) console.error(`  not made: ${result.name} (${result.ok ? "" : result.error})`);
  return failed.length === 0;
}
