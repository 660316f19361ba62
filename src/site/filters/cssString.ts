/** Quotes text for a CSS string, e.g. the clinic name in an `@page` footer. */
export function cssString(text: string): string {
  const escaped = String(text)
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\n\r\f]/g, "\\A ")
    .replace(/</g, "\\3C ");
  return `"${escaped}"`;
}
