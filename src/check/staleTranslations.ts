import { lastChanges, realPath } from "./gitHistory.ts";
import { fieldProblem, type Check, type Problem } from "./types.ts";

/**
 * A translation is stale when its original changed after the translation was last reviewed. Two
 * signals, because a date in front matter cannot see an unreviewed edit and history is not always there:
 *  - the original's own `lastReviewed` is later than the translation's (works anywhere);
 *  - git history: the last commit that changed the original is dated after the translation's
 *    `lastReviewed` (works on a fresh clone and in a clinic's own repository, where file times
 *    are only the time of the checkout, so they cannot be used). Skipped outside a git repository,
 *    in a shallow clone (whose only commit would date every file), and for uncommitted edits.
 */
export const checkStaleTranslations: Check = ({ content }) => {
  const originals = new Map(
    content.procedures.filter((procedure) => procedure.lang === content.clinic.defaultLanguage).map((procedure) => [procedure.slug, procedure]),
  );
  const translated = content.procedures.filter((procedure) => procedure.lang !== content.clinic.defaultLanguage);
  // Every guide's history, as the sign-off check asks for it: one git log for both (see gitHistory.ts).
  const history = lastChanges(content.procedures.map((procedure) => procedure.file));
  return translated.flatMap((translation): Problem[] => {
    const original = originals.get(translation.slug);
    if (!original) return [];
    const stale = (message: string) => fieldProblem(translation, "lastReviewed", "error", "stale-translation", message);
    if (original.lastReviewed > translation.lastReviewed) {
      return [
        stale(
          `${original.file} was reviewed on ${original.lastReviewed}, after this translation (${translation.lastReviewed}): ` +
            "bring the translation up to date with it, then update lastReviewed",
        ),
      ];
    }
    const change = history.get(realPath(original.file));
    if (change && change.date > translation.lastReviewed) {
      const changed = `${original.file} changed on ${change.date} (commit ${change.commit} "${change.subject}")`;
      const fix = `compare the two (git show ${change.commit} -- ${original.file}), update the translation, then update lastReviewed`;
      return [stale(`${changed}, after this translation was last reviewed (${translation.lastReviewed}): ${fix}`)];
    }
    return [];
  });
};
