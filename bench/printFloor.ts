import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { pdfOptions as brochurePdfOptions } from "../src/brochures/printPage.ts";
import { median } from "./stats.ts";

/** Pamphlet's own options for a brochure's print. */
const pdfOptions = brochurePdfOptions();

/**
 * The print floor of this Chromium on this machine: `tabs` tabs, each with a print view already
 * loaded (fonts and images ready), calling page.pdf again and again with Pamphlet's options. No
 * navigation, no waits, no finishing, no files: what is left when everything but printing is gone.
 * Returns PDFs per second.
 */
export async function printFloor(urls: string[], tabs: number, printsPerTab = 6): Promise<number> {
  const browser = await launchBrowser();
  try {
    const pages = await Promise.all(
      Array.from({ length: tabs }, async (_, index) => {
        const page = await browser.newPage();
        await page.goto(urls[index % urls.length]!, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.pdf(pdfOptions); // warm
        return page;
      }),
    );
    const started = performance.now();
    await Promise.all(
      pages.map(async (page) => {
        for (let print = 0; print < printsPerTab; print++) await page.pdf(pdfOptions);
      }),
    );
    return (tabs * printsPerTab) / ((performance.now() - started) / 1000);
  } finally {
    await browser.close();
  }
}

/**
 * What one page.pdf call costs besides its pages: one tab prints a short view (a letter brochure) and
 * a long one (the booklet) again and again, and the two medians give a fixed cost per call and a
 * cost per page (ms). A large fixed cost says that printing several brochures in one call would pay.
 */
export async function printCallCost(shortUrl: string, longUrl: string, prints = 4): Promise<{ perCall: number; perPage: number }> {
  const { PDFDocument } = await import("../src/shared/pdfLib.ts");
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const timedPrints = async (url: string) => {
      await page.goto(url, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pages = (await PDFDocument.load(await page.pdf(pdfOptions))).getPageCount(); // warm
      const times: number[] = [];
      for (let print = 0; print < prints; print++) {
        const started = performance.now();
        await page.pdf(pdfOptions);
        times.push(performance.now() - started);
      }
      return { pages, ms: median(times) };
    };
    const short = await timedPrints(shortUrl);
    const long = await timedPrints(longUrl);
    const perPage = (long.ms - short.ms) / (long.pages - short.pages);
    return { perCall: short.ms - perPage * short.pages, perPage };
  } finally {
    await browser.close();
  }
}
