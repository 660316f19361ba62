import { escapeHtml } from "../../shared/escapeHtml.ts";
import { domainToUnicode } from "node:url";

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
 * ("https://veins.example.com/es/procedures/<wbr>…") and, in a host too long for its line, before
 * each "." of the host ("https://www<wbr>.ancoats…"). Where a name is longer than the line even so,
 * the print CSS lets it break anywhere rather than run past the page or panel.
 */
export function urlBreaks(url: string): string {
  const escaped = escapeHtml(readable(url));
  const [, scheme = "", rest = escaped] = /^([a-z]+:\/\/)?(.*)$/i.exec(escaped) ?? [];
  const slash = rest.indexOf("/");
  const [host, path] = slash === -1 ? [rest, ""] : [rest.slice(0, slash), rest.slice(slash)];
  return `${scheme}${host.replace(/\./g, "<wbr>.")}${path.replace(/\//g, "/<wbr>")}`;
}
