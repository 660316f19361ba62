/**
 * Exit statuses a script can tell apart (README, "Commands"): 0 everything made; 1 content or render
 * errors; 2 bad usage; 3 the site and every other brochure were made and published, but some
 * brochures do not fit their format (a tri-fold too long): fix those guides, nothing else is wrong.
 */
export const exitStatus = { ok: 0, errors: 1, usage: 2, brochuresDoNotFit: 3 } as const;

/** The status for a brochure run: 3 when the only failures are brochures that do not fit. */
export function brochureRunStatus({ ok, onlyDoNotFit }: { ok: boolean; onlyDoNotFit: boolean }): number {
  if (ok) return exitStatus.ok;
  return onlyDoNotFit ? exitStatus.brochuresDoNotFit : exitStatus.errors;
}
