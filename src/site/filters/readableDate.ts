/** `2026-10-01` → "October 1, 2026" (or "1 de octubre de 2026"); dates stay as written, no time zone shift. */
export function readableDate(isoDate: string, lang = "en"): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const locale = lang === "en" ? "en-US" : lang;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(year, month - 1, day));
}
