// One formatter per language: making an Intl.DateTimeFormat is slow, and every page shows a date.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `2026-10-01` → "October 1, 2026" (en, en-US), "1 October 2026" (en-GB) or "1 de octubre de 2026"
 * (es); dates stay as written, no time zone shift.
 */
export function readableDate(isoDate: string, locale = "en"): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(locale, formatter);
  }
  return formatter.format(Date.UTC(year, month - 1, day));
}
