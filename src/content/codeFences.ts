/**
 * A Markdown body's lines with fenced code (``` or ~~~, closed by the same mark) and its fence lines
 * blanked out: what is written there is shown as written, so no check or heading reads it. The
 * line count stays the same, so line numbers stay right.
 */
export function proseLines(body: string): string[] {
  let fence: string | undefined;
  return body.split("\n").map((line) => {
    const mark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (mark) {
      fence = fence === mark ? undefined : (fence ?? mark);
      return "";
    }
    return fence ? "" : line;
  });
}

/** A line with its inline code blanked (same columns): inline code is shown as written, so what is in it is meant. */
export const withoutInlineCode = (line: string): string => line.replace(/`+[^`]*`+/g, (code) => " ".repeat(code.length));
