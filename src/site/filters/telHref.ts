/**
 * A `tel:` link target that dials the number as the clinic writes it: "(555) 010-0147" →
 * "tel:5550100147", "+44 20 7946 0958" → "tel:+442079460958". No country code is guessed: a clinic
 * outside North America, or a "1-800" number, would be dialled wrong. Patients calling from abroad
 * need the clinic to write the number with its "+" country code.
 */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/[^0-9]/g, "")}`;
}
