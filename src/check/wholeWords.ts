import { escapeRegExp } from "../shared/escapeRegExp.ts";

/**
 * Any of `phrases` as whole words, any case: not preceded or followed by a letter or digit (so
 * "100%" does not match inside "1000%", nor "1 Test Road" inside "21 Test Road").
 */
export const wholeWords = (phrases: readonly string[], flags = "giu") =>
  new RegExp(`(?<![\\p{L}\\p{N}])(${phrases.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, flags);
