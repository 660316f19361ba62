import type { Page } from "puppeteer-core";

/**
 * Each link of a loaded print view by where it goes (an address, or `#id` for a place in the
 * document), with its name as the page says it: its `aria-label`, else its text as shown, else its
 * pictures' alt text. The PDF's link descriptions are these names (pdfUa.ts), so a screen reader
 * says a link as printed, in the brochure's language: "(555) 010-0147", not "Call 5550100147".
 */
export const linkNames = (page: Page): Promise<Record<string, string>> => page.evaluate(namesByTarget);

/** Runs in the page (no named helpers in here: tsx's name helper does not exist there). */
function namesByTarget(): Record<string, string> {
  const names: Record<string, string> = {};
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const href = link.getAttribute("href")!;
    const target = href.startsWith("#") ? decodeURIComponent(href) : link.href;
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out (hidden parts left out, blocks apart), as it is read
    const said = link.getAttribute("aria-label") || link.innerText || [...link.querySelectorAll("img")].map((image) => image.alt).join(" ");
    const name = said.replace(/\s+/g, " ").trim();
    if (name && !(target in names)) names[target] = name;
  }
  return names;
}
