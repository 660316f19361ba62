import { lastTextChanges, realPath } from "./gitHistory.ts";
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
export const checkSignOff: Check = ({ content }) => {
  const history = lastTextChanges(content.procedures.map((procedure) => procedure.file));
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
