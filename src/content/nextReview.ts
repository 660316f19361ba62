import type { Clinic } from "./clinicSchema.ts";

/** Months between reviews when clinic.yaml does not say (medical content is reviewed at least yearly). */
const defaultReviewMonths = 12;

export const reviewMonths = (clinic: Pick<Clinic, "reviewEveryMonths">) => clinic.reviewEveryMonths ?? defaultReviewMonths;

/** The date a guide reviewed on `lastReviewed` (YYYY-MM-DD) is due again, as YYYY-MM-DD; the 31st rolls back to the month's last day. */
export function nextReviewDate(lastReviewed: string, months: number): string {
  const [year, month, day] = lastReviewed.split("-").map(Number) as [number, number, number];
  const firstOfMonth = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfMonth.setUTCDate(Math.min(day, lastDay));
  return firstOfMonth.toISOString().slice(0, 10);
}
