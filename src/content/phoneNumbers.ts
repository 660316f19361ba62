/**
 * `phone` as people write it, anywhere in a text: its last seven digits with any spaces, dots, dashes
 * or brackets between them, after whatever area or country code a writer puts before them ("020 7946
 * 0321" for "+44 20 7946 0321", "+44 (0)161 …" for "0161 …"). What follows it does not matter
 * ("0161 496 0147 (24 hours)", "… - 9am to 5pm"); another digit right after it does.
 */
export function phonePattern(phone: string): RegExp {
  const gap = "[\\s().-]*";
  const last = phone.replace(/\D/g, "").slice(-7);
  return new RegExp(`(?<![\\d+])(?:\\+?\\(?\\d[\\d\\s().-]*?${gap})?${[...last].join(gap)}(?!\\d)`, "g");
}
