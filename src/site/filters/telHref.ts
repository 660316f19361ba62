/**
 * A `tel:` link target that dials the number as the clinic writes it: "(555) 010-0147" →
 * "tel:5550100147", "+44 20 7946 0958" → "tel:+442079460958". No country code is guessed: a clinic
 * outside North America, or a "1-800" number, would be dialled wrong. Patients calling from abroad
 * need the clinic to write the number with its "+" country code. The "(0)" of the UK's
 * "+44 (0)20 …" is the trunk prefix dialled only at home: after a country code it is left out.
 */
export function telHref(phone: string): string {
  const international = phone.trim().startsWith("+");
  const digits = (international ? phone.replace(/\(\s*0\s*\)/, "") : phone).replace(/[^0-9]/g, "");
  return `tel:${international ? "+" : ""}${digits}`;
}
