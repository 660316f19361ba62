/** A `tel:` link target from a phone number as the clinic writes it: "(555) 010-0147" → "tel:+15550100147". */
export function telHref(phone: string, countryCode = "1"): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  return `tel:${digits.startsWith("+") ? digits : `+${countryCode}${digits}`}`;
}
