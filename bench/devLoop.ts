import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { startDevServer } from "../src/dev/devServer.ts";

/**
 * A writer's loop in `pamphlet dev`, driven in Chromium: save a guide, time until its open page has
 * reloaded with the edit, then until that guide's live PDF has been served. Each save changes one
 * sentence, as a writer does. Returns seconds per save for both.
 */
export async function devLoop(contentDir: string, siteDir: string, slug: string, saves = 10): Promise<{ reload: number[]; pdf: number[] }> {
  const guide = path.join(contentDir, "procedures", `${slug}.md`);
  const original = await readFile(guide, "utf8");
  const dev = await startDevServer({ contentDir, siteDir, port: 0 });
  const browser = await launchBrowser();
  const reload: number[] = [];
  const pdf: number[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${dev.origin}/procedures/${slug}/`, { waitUntil: "load" });
    for (let save = 1; save <= saves; save++) {
      const marker = `Benchmark edit ${save}.`;
      const reloaded = page.waitForNavigation({ waitUntil: "load", timeout: 60_000 });
      const started = performance.now();
      const savedAt = Date.now();
      await writeFile(guide, original.replace("## What it is\n", `## What it is\n\n${marker}\n`));
      await reloaded;
      if (!(await page.content()).includes(marker)) throw new Error(`the page reloaded without save ${save}`);
      // When the page fired its load event, by the browser's clock: this process also runs the dev server, and
      // Puppeteer would hear of the load only once the server's thread is free (it works out the page's notes then).
      const loadedAt = await page.evaluate(
        () => performance.timeOrigin + (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
      );
      reload.push((loadedAt - savedAt) / 1000);
      const response = await fetch(`${dev.origin}/brochures/${slug}.pdf`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`the live PDF answered ${response.status}`);
      pdf.push((performance.now() - started) / 1000);
    }
    return { reload, pdf };
  } finally {
    await browser.close();
    await dev.close();
    await writeFile(guide, original);
  }
}
