import type { Page } from "puppeteer-core";
import { PamphletError } from "../shared/errors.ts";
import { topLevelOutline } from "./pdfOutline.ts";
import { loadForPrint, printToPdf, type PrintOptions } from "./printPage.ts";

/**
 * Prints the booklet. Chromium cannot resolve page numbers into the contents or start a guide on a
 * right-hand page (`break-before: right` prints as a plain page break), so the booklet is printed
 * twice: the first print says where each guide starts; blank note pages are then shown before guides
 * that would start on a left-hand (even) page, and before the back page (the outside back cover) as
 * many as make the page count a multiple of four (a stapled booklet is folded sheets of four pages),
 * the contents get the page numbers, and the second print is checked against them.
 */
export async function printBooklet(page: Page, url: string, options: PrintOptions): Promise<Uint8Array> {
  await loadForPrint(page, url, options);
  const guides = await page.evaluate(() =>
    [...document.querySelectorAll("[data-guide-title]")].map((element) => ({ id: element.id, title: element.getAttribute("data-guide-title")! })),
  );
  const first = await topLevelOutline(await printToPdf(page, options));
  const firstStarts = guideStarts(
    first.outline,
    guides.map((guide) => guide.title),
  );

  let blanks = 0;
  const plan = guides.map((guide, index) => {
    let start = firstStarts[index]! + blanks;
    const blankBefore = start % 2 === 0;
    if (blankBefore) {
      blanks++;
      start++;
    }
    return { id: guide.id, start, blankBefore };
  });
  // The back page is the last, and the page count a multiple of four: notes pages fill the gap.
  const blanksBeforeBack = (4 - ((first.pageCount + blanks) % 4)) % 4;
  await page.evaluate(
    (steps, backBlanks) => {
      for (const step of steps) {
        document.querySelector<HTMLElement>(`[data-blank-before="${step.id}"]`)!.hidden = !step.blankBefore;
        document.querySelector(`[data-toc-page="${step.id}"]`)!.textContent = String(step.start);
      }
      document.querySelectorAll<HTMLElement>('[data-blank-before="back"]').forEach((blank, index) => (blank.hidden = index >= backBlanks));
    },
    plan,
    blanksBeforeBack,
  );

  const pdf = await printToPdf(page, options);
  const final = await topLevelOutline(pdf);
  const finalStarts = guideStarts(
    final.outline,
    guides.map((guide) => guide.title),
  );
  const wrong = plan.filter((step, index) => finalStarts[index] !== step.start);
  if (final.pageCount % 4 !== 0) wrong.push({ id: "back page", start: final.pageCount, blankBefore: blanksBeforeBack > 0 });
  if (wrong.length > 0) {
    throw new PamphletError(`the booklet's page numbers did not settle (${wrong.map((step) => step.id).join(", ")}); please report this`);
  }
  return pdf;
}

/** Start page of each guide, from the outline: the guides' `h1`s in document order. */
function guideStarts(outline: Array<{ title: string; page: number }>, titles: string[]): number[] {
  const entries = outline.slice(outline.length - titles.length);
  // Chromium drops the space where a long title wraps ("duplex⏎ultrasound" → "duplexultrasound").
  const squeeze = (text: string) => text.replace(/\s+/g, "");
  const mismatch = entries.findIndex((entry, index) => squeeze(entry.title) !== squeeze(titles[index]!) || entry.page < 1);
  if (entries.length !== titles.length || mismatch !== -1) {
    throw new PamphletError(`could not find where each guide starts in the booklet's bookmarks (expected "${titles[Math.max(0, mismatch)]}")`);
  }
  return entries.map((entry) => entry.page);
}
