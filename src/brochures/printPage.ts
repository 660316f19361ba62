import type { Page } from "puppeteer-core";
import { PamphletError } from "../content/errors.ts";
import { withDeadline } from "./deadline.ts";

export interface PrintOptions {
  /** Per-brochure limit for each step, in milliseconds. */
  timeoutMs: number;
}

/**
 * Loads a print view in a tab and prints it. Waits for events, never for time: the load event,
 * the fonts, every image decoded; each under a deadline that says what it was waiting for.
 */
export async function printPage(page: Page, url: string, { timeoutMs }: PrintOptions): Promise<Uint8Array> {
  await withDeadline(page.goto(url, { waitUntil: "load", timeout: 0 }), timeoutMs, `loading ${url}`);
  const broken = await withDeadline(page.evaluate(waitForFontsAndImages), timeoutMs, `waiting for fonts and images of ${url}`);
  if (broken.length > 0) {
    throw new PamphletError(`image(s) did not load, so the brochure would print with a hole: ${broken.join(", ")}`);
  }
  return withDeadline(
    page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 }),
    timeoutMs,
    `printing ${url} to PDF`,
  );
}

/** Runs in the page: resolves with the URLs of images that failed, once fonts and images are ready. */
async function waitForFontsAndImages(): Promise<string[]> {
  await document.fonts.ready;
  const images = [...document.images];
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  return images.filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
}
