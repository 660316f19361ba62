import type { Page } from "puppeteer-core";

/**
 * The site paths a loaded print view uses: its own address, its stylesheets (and what they
 * `@import`), every `url()` in them (fonts, backgrounds), its pictures and icons. A rewritten tab
 * (openView.ts) takes what it already holds from Chromium's memory cache without a request, so
 * the requests a tab makes do not name everything a brochure was made from; these do, for the
 * print manifest.
 */
export const viewResources = (page: Page): Promise<string[]> => page.evaluate(referencedPaths);

/** Runs in the page (no named helpers in here: tsx's name helper does not exist there). */
function referencedPaths(): string[] {
  // Each address as written, with what it is relative to.
  const written: Array<[string | null, string]> = [[location.href, location.href]];
  // Links that load something; `rel=alternate` (the brochure's own PDF) or `canonical` load nothing.
  for (const link of document.querySelectorAll("link[rel~=stylesheet], link[rel~=icon], link[rel~=preload]"))
    written.push([link.getAttribute("href"), document.baseURI]);
  for (const element of document.querySelectorAll("[src]")) written.push([element.getAttribute("src"), document.baseURI]);
  for (const image of document.images) written.push([image.currentSrc, document.baseURI]);
  for (const element of document.querySelectorAll("image, feImage"))
    written.push([element.getAttribute("href") ?? element.getAttribute("xlink:href"), document.baseURI]);
  const sheets = [...document.styleSheets];
  for (const sheet of sheets) {
    const base = sheet.href ?? document.baseURI;
    written.push([sheet.href, base]);
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (rule instanceof CSSImportRule && rule.styleSheet) sheets.push(rule.styleSheet);
      for (const match of rule.cssText.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/g)) written.push([match[2] ?? null, base]);
    }
  }
  const paths = new Set<string>();
  for (const [value, base] of written) {
    if (!value || !URL.canParse(value, base)) continue;
    const url = new URL(value, base);
    if (url.origin === location.origin) paths.add(url.pathname);
  }
  return [...paths];
}
