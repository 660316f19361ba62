/**
 * One regular expression written as several, so a long expected message fits within 160 columns:
 * the parts' sources joined as they are, with the first part's flags. Split only between whole
 * atoms (never inside a group, a class or an escape), so each part is a valid expression.
 */
export function joinedRegExp(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((part) => part.source).join(""), parts[0]?.flags);
}
