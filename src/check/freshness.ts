import { reviewMonths } from "../content/nextReview.ts";
import { fieldProblem, type Check } from "./types.ts";

/**
 * Medical content is reviewed on the clinic's policy (clinic.yaml `reviewEveryMonths`, 12 by
 * default): past it is a warning (an error when clinic.yaml says `release: true`), past twice it an error.
 */
export const checkFreshness: Check = ({ content, today }) =>
  content.procedures.flatMap((procedure) => {
    const reviewed = (severity: "error" | "warning", message: string) => fieldProblem(procedure, "lastReviewed", severity, "freshness", message);
    if (procedure.lastReviewed > today.toISOString().slice(0, 10)) {
      return [reviewed("error", `lastReviewed ${procedure.lastReviewed} is in the future: use the date the review happened`)];
    }
    const policy = reviewMonths(content.clinic);
    const [year, month, day] = procedure.lastReviewed.split("-").map(Number) as [number, number, number];
    const months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month) - (today.getUTCDate() < day ? 1 : 0);
    if (months >= 2 * policy) {
      return [
        reviewed(
          "error",
          `last reviewed ${procedure.lastReviewed}, ${months} months ago (over ${2 * policy}): have it reviewed, then update lastReviewed and reviewer`,
        ),
      ];
    }
    if (months >= policy) {
      return content.clinic.release
        ? [
            reviewed(
              "error",
              `last reviewed ${procedure.lastReviewed}, ${months} months ago (over ${policy}), and clinic.yaml says release: true: ` +
                "have it reviewed before publishing, then update lastReviewed and reviewer",
            ),
          ]
        : [reviewed("warning", `last reviewed ${procedure.lastReviewed}, ${months} months ago (over ${policy}): plan a review soon`)];
    }
    return [];
  });

/** For `build` and `dev`: once clinic.yaml says `release: true`, an overdue review stops the build (every finding is then an error). */
export const releaseFreshness: Check = (context) => (context.content.clinic.release ? checkFreshness(context) : []);
/** For `check` and the build's reminder before release (after it, releaseFreshness reports them). */
export const draftFreshness: Check = (context) => (context.content.clinic.release ? [] : checkFreshness(context));
