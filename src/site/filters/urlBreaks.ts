const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * A web address as HTML that may wrap after each "/" of its path
 * ("https://veins.example.com/es/procedures/<wbr>…"), never inside a word.
 */
export function urlBreaks(url: string): string {
  const escaped = url.replace(/[&<>"]/g, (character) => escapes[character]!);
  const [, scheme = "", rest = escaped] = /^([a-z]+:\/\/)?(.*)$/i.exec(escaped) ?? [];
  return `${scheme}${rest.replace(/\//g, "/<wbr>")}`;
}
