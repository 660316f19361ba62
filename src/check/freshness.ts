import { fieldProblem, type Check } from "./types.ts";

/** Medical content is reviewed at least yearly: older than 12 months is a warning, older than 24 an error. */
export const checkFreshness: Check = ({ content, today }) =>
  content.procedures.flatMap((procedure) => {
    if (procedure.lastReviewed > today.toISOString().slice(0, 10)) {
      return [fieldProblem(procedure, "lastReviewed", "error", "freshness", `lastReviewed ${procedure.lastReviewed} is in the future: use the date the review happened`)];
    }
    const [year, month, day] = procedure.lastReviewed.split("-").map(Number) as [number, number, number];
    const months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month) - (today.getUTCDate() < day ? 1 : 0);
    if (months >= 24) {
      return [fieldProblem(procedure, "lastReviewed", "error", "freshness", `last reviewed ${procedure.lastReviewed}, ${months} months ago (over 24): have it reviewed, then update lastReviewed and reviewer`)];
    }
    if (months >= 12) {
      return [fieldProblem(procedure, "lastReviewed", "warning", "freshness", `last reviewed ${procedure.lastReviewed}, ${months} months ago (over 12): plan a review soon`)];
    }
    return [];
  });
