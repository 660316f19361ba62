import type { Page } from "puppeteer-core";
import { PamphletError } from "../shared/errors.ts";
import { findClippedText, layOutAtPrintWidth } from "./clippedText.ts";
import { withDeadline } from "./deadline.ts";
import { openView } from "./openView.ts";

export interface PrintOptions {
  /** Per-brochure limit for each step, in milliseconds. */
  timeoutMs: number;
  /** CSS added to the page before printing (e.g. the tri-fold's bleed). */
  css?: string;
  /** The navigation event to wait for before fonts and images: `load` (default); `networkidle0` adds half a second of quiet. */
  waitUntil?: "load" | "networkidle0";
  /** Navigate to the view, never write it into the tab's document (see openView): every file it uses is fetched anew. */
  navigate?: boolean;
}

/** Content that does not fit a fixed layout (a tri-fold panel): reported, never clipped or shrunk. */
export class DoesNotFitError extends PamphletError {}

/**
 * Loads a print view in a tab and waits until it is ready to print. Waits for events, never for
 * time: the load event, the fonts, every image decoded; each under a deadline that names what it
 * was waiting for. Fails when an image is missing or content overflows a fixed-size box.
 */
export async function loadForPrint(page: Page, url: string, { timeoutMs, css, waitUntil = "load", navigate = false }: PrintOptions): Promise<void> {
  const answer = await openView(page, url, timeoutMs, navigate ? "navigate" : waitUntil);
  // A missing print view answers with a "Not found" page, which would print as a PDF like any other.
  if (!answer.ok) {
    throw new PamphletError(
      `${url} answered ${answer.status} ${answer.statusText}: the built site has no such print view. Build the site again (npm run build), then retry.`,
    );
  }
  if (css) await page.addStyleTag({ content: css });
  const broken = await withDeadline(page.evaluate(waitForFontsAndImages), timeoutMs, `waiting for fonts and images of ${url}`);
  if (broken.images.length > 0) {
    throw new PamphletError(`image(s) did not load, so the brochure would print with a hole: ${[...new Set(broken.images)].join(", ")}`);
  }
  if (broken.fonts.length > 0) {
    throw new PamphletError(`font(s) did not load, so the brochure would print in a fallback typeface: ${[...new Set(broken.fonts)].join(", ")}`);
  }
  const printView = await layOutAtPrintWidth(page);
  await addSectionsThatFit(page);
  const overflows = await page.evaluate(measureOverflow);
  const clipped = printView ? await findClippedText(page) : [];
  if (overflows.length > 0 || clipped.length > 0) {
    throw new DoesNotFitError(
      `does not fit: ${[
        ...overflows.map((o) => `${o.box} is over by about ${o.lines} line${o.lines === 1 ? "" : "s"} (${o.mm} mm): shorten ${o.fix}`),
        ...clipped.map((c) => `"${c.text}" runs ${c.mm} mm past the side of ${c.box}${c.fix ? `: shorten ${c.fix}` : ": it would be cut off"}`),
      ].join("; ")}. Text is never shrunk below the minimum size.`,
    );
  }
}

/**
 * Shows each optional section (`[data-optional]`, hidden: the tri-fold's before- and after-care…)
 * in priority order, keeping it only when every fixed box still fits: the panels carry as much
 * of the guide as they hold, chosen by a rule rather than a fixed list.
 */
async function addSectionsThatFit(page: Page): Promise<void> {
  // The whole loop in one round trip (a tri-fold has five priorities: measured, 16 round trips took
  // ~25 ms more), with measureOverflow handed in as source: the page cannot call this module's functions.
  await page.evaluate(`(${showSectionsThatFit})(${measureOverflow})`);
}

/**
 * Runs in the page: addSectionsThatFit's loop, measuring with `overflows` (measureOverflow).
 * (No named helpers in here: the function runs in the page, where tsx's name helper does not exist.)
 */
function showSectionsThatFit(overflows: typeof measureOverflow): void {
  const sections = [...document.querySelectorAll<HTMLElement>("[data-optional]")];
  const priorities = [...new Set(sections.map((section) => Number(section.dataset.optional)))].sort((a, b) => a - b);
  for (const priority of priorities) {
    const group = sections.filter((section) => Number(section.dataset.optional) === priority);
    group.forEach((section) => (section.hidden = false));
    if (overflows().length > 0) group.forEach((section) => (section.hidden = true));
  }
}

export interface PdfOptions {
  /**
   * Untagged, with no bookmarks: measured, half the time of a full print for the booklet (243
   * against 516 ms), with the same pages. For a pass that is measured and never kept.
   * @defaultValue false
   */
  draft?: boolean;
}

/** Chromium's options for a brochure's print (the bench's print floor uses them too). */
export const pdfOptions = ({ draft = false }: PdfOptions = {}) =>
  ({ preferCSSPageSize: true, printBackground: true, tagged: !draft, outline: !draft, timeout: 0 }) as const;

export function printToPdf(page: Page, { timeoutMs }: PrintOptions, options: PdfOptions = {}): Promise<Uint8Array> {
  return withDeadline(page.pdf(pdfOptions(options)), timeoutMs, `printing ${page.url()} to PDF`);
}

export async function printPage(page: Page, url: string, options: PrintOptions): Promise<Uint8Array> {
  await loadForPrint(page, url, options);
  return printToPdf(page, options);
}

/**
 * Runs in the page: once fonts and images are ready, resolves with the images and fonts that failed.
 * (Not `image.decode()`: measured, it never settles for a large image in a background tab.)
 */
async function waitForFontsAndImages(): Promise<{ images: string[]; fonts: string[] }> {
  await document.fonts.ready;
  const images = [...document.images];
  // No named helpers in here: the function runs in the page, where tsx's name helper does not exist.
  await Promise.all(
    images.map(
      (image) => image.complete || new Promise((resolve) => ["load", "error"].forEach((event) => image.addEventListener(event, resolve, { once: true }))),
    ),
  );
  return {
    images: images.filter((image) => image.naturalWidth === 0).map((image) => image.currentSrc || image.src),
    fonts: [...document.fonts].filter((font) => font.status === "error").map((font) => `${font.family} ${font.weight} ${font.style}`),
  };
}

/**
 * Runs in the page: for each `[data-fit]` box, how far its content runs past it, and what to shorten
 * (`data-fix`: the box shows text from the procedure, or from clinic.yaml). A multi-column
 * box is measured by laying its content out in one column of the same width: the overflow is the
 * height beyond what its columns hold, plus a small safety margin for breaks that leave a column short.
 */
function measureOverflow(): Array<{ box: string; fix: string; lines: number; mm: number }> {
  const pxPerMm = 96 / 25.4;
  const safety = 1.5 * pxPerMm;
  const results: Array<{ box: string; fix: string; lines: number; mm: number }> = [];
  for (const box of document.querySelectorAll<HTMLElement>("[data-fit]")) {
    const style = getComputedStyle(box);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
    const columns = Number.parseInt(style.columnCount, 10);
    let over: number;
    if (columns > 1) {
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const capacity = columns * (box.clientHeight - padding);
      const probe = box.cloneNode(true) as HTMLElement;
      const columnWidth =
        (box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (columns - 1) * parseFloat(style.columnGap)) / columns;
      probe.style.cssText = `columns:auto;height:auto;width:${columnWidth}px;padding:0;position:absolute;visibility:hidden;`;
      box.parentElement!.append(probe);
      const needed = probe.scrollHeight;
      probe.remove();
      const spills = box.scrollWidth > box.clientWidth + 1;
      over = Math.max(needed - capacity, spills ? lineHeight : -Infinity);
      over += safety;
    } else {
      // Into the bottom padding too (the room kept clear of the paper's edge, which printers cannot print on):
      // Chromium's scrollHeight leaves the padding out, so text 3 mm from the edge measured as fitting.
      const range = document.createRange();
      range.selectNodeContents(box);
      const contentEnd = box.getBoundingClientRect().bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom);
      over = Math.max(box.scrollHeight - box.clientHeight, range.getBoundingClientRect().bottom - contentEnd);
    }
    if (over > 1) {
      results.push({
        box: box.dataset.fit!,
        fix: box.dataset.fix ?? "the text",
        lines: Math.max(1, Math.ceil(over / lineHeight)),
        mm: Math.max(1, Math.round(over / pxPerMm)),
      });
    }
  }
  return results;
}
