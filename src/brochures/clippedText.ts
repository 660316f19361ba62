import type { Page } from "puppeteer-core";

/** Text (or a picture) that runs past the left or right edge of its box: it would print cut off. */
export interface ClippedText {
  /** The box it runs out of: a `[data-fit]` panel's name, or "the page". */
  box: string;
  /** What to shorten (`data-fix`), or undefined for the page. */
  fix?: string;
  /** The start of the text that is cut, as a reader would recognise it. */
  text: string;
  mm: number;
}

/**
 * Lays the print view out at the width Chromium prints it at (the `@page` size less its left and
 * right margins), so what is measured is what prints. Without this the page is laid out at the
 * tab's 800 px, wider than a letter page's text, and a line that will not fit on paper looks fine.
 * Says whether the page is a print view (has an `@page` size); a share image's page has none.
 */
export async function layOutAtPrintWidth(page: Page): Promise<boolean> {
  const width = await page.evaluate(printWidthPx);
  if (width && Math.round(width) !== page.viewport()?.width) await page.setViewport({ width: Math.round(width), height: 800 });
  return Boolean(width);
}

/** Every text that runs sideways out of its fixed box or off the page (see measureClippedText). */
export const findClippedText = (page: Page): Promise<ClippedText[]> => page.evaluate(measureClippedText);

/**
 * Runs in the page: the printed text width in CSS px, from the first `@page` rule with a size.
 * (No named helpers in here: the function runs in the page, where tsx's name helper does not exist.)
 */
function printWidthPx(): number | undefined {
  const pxPer: Record<string, number> = { in: 96, mm: 96 / 25.4, cm: 96 / 2.54, pt: 96 / 72, px: 1, "": 1 };
  const papers: Record<string, number[]> = { letter: [8.5 * 96, 11 * 96], a4: [(210 * 96) / 25.4, (297 * 96) / 25.4] };
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSPageRule) || rule.selectorText !== "") continue;
      const words = rule.style.getPropertyValue("size").trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      // Lengths as written: "8.5in", "210mm", "0"; the first is the width.
      const lengths = [words, [rule.style.getPropertyValue("margin-left") || "0"], [rule.style.getPropertyValue("margin-right") || "0"]].map((list) =>
        list
          .map((word) => /^(-?[\d.]+)([a-z]*)$/.exec(word))
          .filter((match) => match !== null)
          .map((match) => Number(match[1]) * (pxPer[match[2]!] ?? 1)),
      );
      const paper = papers[words.find((word) => word in papers) ?? ""];
      const width = paper ? paper[words.includes("landscape") ? 1 : 0]! : lengths[0]![0];
      if (!width) continue;
      return width - (lengths[1]![0] ?? 0) - (lengths[2]![0] ?? 0);
    }
  }
  return undefined;
}

/**
 * Runs in the page: each text whose line runs past the left or right edge of the `[data-fit]` box
 * it sits in (a tri-fold panel), or of the page, by more than half a millimetre. A panel's
 * neighbour paints over it, and the page edge cuts it; neither shows in the vertical check. A
 * multi-column box that already overflows downwards spills into extra columns to its right: that
 * is the vertical check's to report, not this one's.
 */
function measureClippedText(): Array<{ box: string; fix?: string; text: string; mm: number }> {
  const pxPerMm = 96 / 25.4;
  const pageBox = { left: 0, right: document.documentElement.clientWidth };
  const found = new Map<string, { box: string; fix?: string; text: string; mm: number }>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    if (text.trim() === "") continue;
    const parent = node.parentElement!;
    if (parent.closest("[hidden], [aria-hidden=true]") || getComputedStyle(parent).visibility === "hidden") continue;
    const fitBox = parent.closest<HTMLElement>("[data-fit]");
    if (fitBox && Number.parseInt(getComputedStyle(fitBox).columnCount, 10) > 1 && fitBox.scrollWidth > fitBox.clientWidth + 1) continue;
    const edges = fitBox ? fitBox.getBoundingClientRect() : pageBox;
    range.selectNodeContents(node);
    let over = 0;
    for (const line of range.getClientRects()) {
      if (line.width === 0) continue;
      over = Math.max(over, line.right - edges.right, edges.left - line.left);
    }
    if (over <= pxPerMm / 2) continue;
    const box = fitBox?.dataset.fit ?? "the page";
    const quoted = text.trim().replace(/\s+/g, " ");
    const key = `${box}|${quoted}`;
    const mm = Math.max(1, Math.round(over / pxPerMm));
    if (!found.has(key) || found.get(key)!.mm < mm) {
      found.set(key, { box, fix: fitBox?.dataset.fix, text: quoted.length > 40 ? `${quoted.slice(0, 40)}…` : quoted, mm });
    }
  }
  return [...found.values()];
}
