import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { runChecks } from "../check/runChecks.ts";
import { UsageError } from "../shared/errors.ts";
import { clinicFile } from "../content/load.ts";
import { formatSummary, hasErrors } from "../shared/problem.ts";
import { isWithin } from "../shared/isWithin.ts";
import type { Folders } from "./options.ts";
import { reportProblems } from "../cli/report.ts";

/**
 * `pamphlet check [file…] [--json]`: every content problem in one report; with files, only theirs
 * (and clinic.yaml's, which every file depends on). Errors exit 1; warnings alone exit 0.
 */
export async function runCheck(folders: Folders, { json = false, files = [] as string[], readingAge = false } = {}): Promise<number> {
  const only = files.map((file) => chosenFile(file, folders.contentDir));
  const report = await runChecks(folders.contentDir);
  const shown = (file: string) => only.length === 0 || [...only, path.resolve(clinicFile(folders.contentDir))].includes(path.resolve(file));
  const problems = report.problems.filter((problem) => shown(problem.file));
  const readingLevels = report.readingLevels.filter((level) => shown(level.file));
  if (json) {
    const errors = problems.filter((problem) => problem.severity === "error").length;
    const summary = { errors, warnings: problems.length - errors };
    console.log(JSON.stringify({ problems, readingLevels, summary }, null, 2));
  } else {
    for (const level of readingLevels) {
      const grade = level.formula.startsWith("Flesch");
      const shown = (score: number) => (grade && readingAge ? `${score} (reading age ${ukReadingAge(score)})` : `${score}`);
      const goal = grade ? `≤ ${shown(level.target)}` : `≥ ${level.target}`;
      console.log(`${level.ok ? "✓" : "!"} ${level.file}  ${level.formula} ${shown(level.score)} (target ${goal})`);
      // Checking chosen guides: each section's level too, the hardest first to fix.
      if (only.length > 0)
        for (const part of [...level.sections, ...level.fields]) console.log(`    ${part.ok ? "✓" : "!"} ${part.name}  ${shown(part.score)}`);
    }
    if (problems.length > 0) reportProblems(problems);
    else console.log(formatSummary(problems));
    const elsewhere = report.problems.filter((problem) => !shown(problem.file));
    // An error elsewhere may be this file's doing (its translation no longer says the same): said, not only counted.
    const errors = elsewhere.filter((problem) => problem.severity === "error").length;
    const ofThem = errors === 0 ? "" : errors === 1 ? ", 1 of them an error" : `, ${errors} of them errors`;
    if (elsewhere.length > 0) console.log(`(${elsewhere.length} more in other files${ofThem}: run check without files to see them)`);
  }
  return hasErrors(problems) ? 1 : 0;
}

/**
 * The UK reading age (years) of a US grade: a US grade is about the school year, and children start
 * grade 1 at about 6, so age ≈ grade + 5 (the convention UK readability tools use).
 */
const ukReadingAge = (grade: number) => Math.max(5, Math.round(grade + 5));

/** A file given to check: a Markdown file in the content folder, as an absolute path. */
function chosenFile(file: string, contentDir: string): string {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UsageError(`"check" takes files, not the folder "${file}": to check another content folder, write --content ${file}`);
  }
  const absolute = path.resolve(file);
  if (!existsSync(absolute))
    throw new UsageError(`There is no file ${file}: give a guide's file, e.g. ${path.join(contentDir, "procedures", "sclerotherapy.md")}`);
  if (!isWithin(absolute, path.resolve(contentDir)))
    throw new UsageError(`${file} is not in the content folder ${contentDir}: give one of its files, or the folder it is in with --content`);
  return absolute;
}
