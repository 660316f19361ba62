// One formatter per language: making an Intl.DateTimeFormat is slow, and every page shows a date.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-10-01` → "October 1, 2026" (or "1 de octubre de 2026"); dates stay as written, no time zone shift. */
export function readableDate(isoDate: string, lang = "en"): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === "en" ? "en-US" : lang, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(lang, formatter);
  }
  return formatter.format(Date.UTC(year, month - 1, day));
}
