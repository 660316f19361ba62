import { domainToUnicode } from "node:url";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** `https://xn--clnica-2ya.es/cl%C3%ADnica/` as people read it: `https://clínica.es/clínica/`. */
function readable(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${domainToUnicode(parsed.host)}${decodeURI(parsed.pathname)}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

/**
 * A web address as HTML that may wrap after each "/" of its path
 * ("https://veins.example.com/es/procedures/<wbr>…"), never inside a word.
 */
export function urlBreaks(url: string): string {
  const escaped = readable(url).replace(/[&<>"]/g, (character) => escapes[character]!);
  const [, scheme = "", rest = escaped] = /^([a-z]+:\/\/)?(.*)$/i.exec(escaped) ?? [];
  return `${scheme}${rest.replace(/\//g, "/<wbr>")}`;
}
