import { readFileSync } from "node:fs";
import { clinicFile } from "../content/load.ts";
import { displayPath } from "../shared/displayPath.ts";
import { inShallowClone, lastTextChanges, realPath } from "./gitHistory.ts";
import { fieldProblem, type Check, type Problem } from "./types.ts";

/**
 * A guide is signed off by its `lastReviewed` and `reviewer`, which every page and brochure prints
 * ("Last reviewed … by …"). A guide whose text was committed changed after that day says a review it
 * has not had: a warning, an error once clinic.yaml says `release: true`, so the clinic's publishing
 * workflow (which runs check first) waits for the review. Read from git history, as stale translations
 * are: skipped outside a repository, in a shallow clone, and for edits not yet committed. A commit on
 * the review day counts as reviewed; so do the commit that made the file and one that changes only
 * `lastReviewed` and `reviewer` (recording the review), whenever they were made.
 */
export const checkSignOff: Check = ({ content, contentDir }) => {
  const files = content.procedures.map((procedure) => procedure.file);
  if (files.length > 0 && inShallowClone(files[0]!)) return [shallowHistory(contentDir, content.clinic.release === true)];
  const history = lastTextChanges(files);
  return content.procedures.flatMap((procedure): Problem[] => {
    const change = history.get(realPath(procedure.file));
    if (!change || change.date <= procedure.lastReviewed) return [];
    const by = procedure.reviewer ? ` by ${procedure.reviewer}` : "";
    const message =
      `changed on ${change.date} (commit ${change.commit} "${change.subject}"), after it was last reviewed (${procedure.lastReviewed}${by}), ` +
      `which its pages and brochures say: have the change reviewed (git show ${change.commit} -- ${procedure.file}), then update lastReviewed ` +
      "and reviewer";
    return [fieldProblem(procedure, "lastReviewed", content.clinic.release ? "error" : "warning", "sign-off", message)];
  });
};

/**
 * In a shallow clone no guide's changes can be dated: said once, at clinic.yaml's `release` (an error once
 * released), where a silent pass let a publishing workflow put unreviewed edits out as reviewed.
 */
function shallowHistory(contentDir: string, released: boolean): Problem {
  const file = clinicFile(contentDir);
  let line = 1;
  try {
    line =
      readFileSync(file, "utf8")
        .split("\n")
        .findIndex((text) => /^release\s*:/.test(text)) + 1 || 1;
  } catch {
    // The loader already said clinic.yaml is missing.
  }
  return {
    file: displayPath(file),
    line,
    column: 1,
    severity: released ? "error" : "warning",
    rule: "sign-off",
    message:
      "this is a shallow clone (the last commit only, as a CI checkout makes by default), so whether each guide was reviewed after its last " +
      "change cannot be checked, nor whether a translation is behind its original: fetch the whole history (in a GitHub workflow, " +
      "actions/checkout with fetch-depth: 0; else git fetch --unshallow)",
  };
}
