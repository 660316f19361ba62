import type { Page } from "puppeteer-core";
import { PamphletError } from "../shared/errors.ts";
import { destinationPages } from "./pdfDestinations.ts";
import { loadForPrint, printToPdf, type PrintOptions } from "./printPage.ts";

/**
 * Prints the booklet. Chromium cannot resolve page numbers into the contents or start a guide on a
 * right-hand page (`break-before: right` prints as a plain page break), so the booklet is printed
 * twice: the first print (a draft: untagged, half the time) says where each guide starts, by the
 * contents' links to it; blank note pages are then shown before guides
 * that would start on a left-hand (even) page, and before the back page (the outside back cover) as
 * many as make the page count a multiple of four (a stapled booklet is folded sheets of four pages),
 * the contents get the page numbers, and the second print is checked against them.
 */
export async function printBooklet(page: Page, url: string, options: PrintOptions): Promise<Uint8Array> {
  await loadForPrint(page, url, options);
  const guides = await page.evaluate(() =>
    [...document.querySelectorAll("[data-guide-title]")].map((element) => ({ id: element.id, title: element.getAttribute("data-guide-title")! })),
  );
  const first = await destinationPages(await printToPdf(page, options, { draft: true }));
  const firstStarts = guideStarts(first.pages, guides);

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
  const final = await destinationPages(pdf);
  const finalStarts = guideStarts(final.pages, guides);
  const wrong = plan.filter((step, index) => finalStarts[index] !== step.start);
  if (final.pageCount % 4 !== 0) wrong.push({ id: "back page", start: final.pageCount, blankBefore: blanksBeforeBack > 0 });
  if (wrong.length > 0) {
    throw new PamphletError(`the booklet's page numbers did not settle (${wrong.map((step) => step.id).join(", ")}); please report this`);
  }
  return pdf;
}

/** Start page of each guide: where the contents' link to it lands. */
function guideStarts(destinations: Map<string, number>, guides: Array<{ id: string; title: string }>): number[] {
  const missing = guides.find((guide) => (destinations.get(guide.id) ?? 0) < 1);
  if (missing) {
    throw new PamphletError(`could not find where the guide "${missing.title}" starts in the booklet (no destination #${missing.id}); please report this`);
  }
  return guides.map((guide) => destinations.get(guide.id)!);
}
