import { launchBrowser } from "../src/brochures/launchBrowser.ts";

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
        await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }); // warm
        return page;
      }),
    );
    const started = performance.now();
    await Promise.all(
      pages.map(async (page) => {
        for (let print = 0; print < printsPerTab; print++) await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      }),
    );
    return (tabs * printsPerTab) / ((performance.now() - started) / 1000);
  } finally {
    await browser.close();
  }
}
