import { formatProblems, hasErrors, type Problem } from "../shared/problem.ts";
import type { BrochureResult } from "../brochures/printSite.ts";

const useColor = () => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

/** Prints content problems (all of them) and says whether the run may go on. */
export function reportProblems(problems: readonly Problem[]): boolean {
  if (problems.length > 0) console.error(formatProblems(problems, useColor()));
  return !hasErrors(problems);
}

/** Prints the closing line for a brochure run; returns whether every brochure was made. */
export function reportBrochureSummary(results: readonly BrochureResult[], seconds: number): boolean {
  const count = (of: readonly BrochureResult[]) => ({
    made: of.filter((result) => result.ok && !result.skipped).length,
    skipped: of.filter((result) => result.ok && result.skipped).length,
    failed: of.filter((result) => !result.ok).length,
  });
  const pdfs = count(results.filter((result) => result.name.endsWith(".pdf")));
  const images = count(results.filter((result) => result.name.endsWith(".png")));
  console.log(`Brochures: ${pdfs.made} made, ${pdfs.skipped} skipped (unchanged), ${pdfs.failed} failed in ${seconds.toFixed(1)} s`);
  if (images.made + images.skipped + images.failed > 0) {
    console.log(`Share images: ${images.made} made, ${images.skipped} skipped (unchanged), ${images.failed} failed`);
  }
  const failed = results.filter((result): result is Extract<BrochureResult, { ok: false }> => !result.ok);
  // One line per reason: a clinic.yaml change can fail every tri-fold for the same reason.
  const byReason = new Map<string, string[]>();
  for (const result of failed) byReason.set(result.error, [...(byReason.get(result.error) ?? []), result.name]);
  for (const [reason, names] of byReason) console.error(`  not made: ${names.join(", ")} (${reason})`);
  return failed.length === 0;
}
