import puppeteer from "puppeteer-core";
import { findBrowser } from "../src/brochures/findBrowser.ts";

/**
 * The naive way to make PDFs, as many scripts do: a new browser per PDF, `goto` with
 * `networkidle0`, `page.pdf` with default options, written straight to its path.
 */
export async function naivePdfs(urls: string[], outFile: (index: number) => string): Promise<void> {
  for (const [index, url] of urls.entries()) {
    const browser = await puppeteer.launch({
      executablePath: findBrowser(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: "networkidle0" });
      await page.pdf({ path: outFile(index) });
    } finally {
      await browser.close();
    }
  }
}
