/**
 * `phone` as people write it, anywhere in a text: any spaces, dots, dashes or brackets between its
 * digits, and its country code (+44, +44 (0)) in place of a leading 0. What follows it does not
 * matter ("0161 496 0147 (24 hours)", "… - 9am to 5pm"); another digit right before or after does.
 */
export function phonePattern(phone: string): RegExp {
  const digits = phone.replace(/\D/g, "");
  const gap = "[\\s().-]*";
  const country = `\\+\\d{1,3}${gap}`;
  const start = digits.startsWith("0") ? `(?:${country}(?:\\(0\\)${gap})?|0${gap})` : `(?:${country})?`;
  return new RegExp(`(?<![\\d+])${start}${[...digits.replace(/^0/, "")].join(gap)}(?!\\d)`, "g");
}
