// npm run bench:profile [-- --site output/site --runs 3]
// Where a brochure's time goes, phase by phase, printing a built site's letter views in one tab:
// loading the page (with and without the request interception the printer uses to block other
// origins), waiting for fonts and images and the fit checks, page.pdf, finishing the PDF with pdf-lib
// on Node's thread. Medians in ms per brochure. Build the site first (npm run build).
import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "puppeteer-core";
import { finishPdf } from "../src/brochures/finishPdf.ts";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { printJobs } from "../src/brochures/printJobs.ts";
import { loadForPrint, printToPdf } from "../src/brochures/printPage.ts";
import { readViewsManifest } from "../src/brochures/readViewsManifest.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { fixed, median } from "./stats.ts";

const { values } = parseArgs({ options: { site: { type: "string", default: "output/site" }, runs: { type: "string", default: "3" } } });
const server = await startSiteServer(path.resolve(values.site));
const browser = await launchBrowser();
try {
  const jobs = printJobs(await readViewsManifest(server.origin), { formats: ["letter"], brochuresDir: "/tmp" });
  const phases: Record<string, number[]> = {};
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    (phases[phase] ??= []).push(performance.now() - started);
    return result;
  };
  const options = { timeoutMs: 30_000 };
  for (const label of ["no blocking", "request interception"] as const) {
    const page: Page = await browser.newPage();
    if (label === "request interception") {
      await page.setRequestInterception(true);
      page.on("request", (request) => void request.continue().catch(() => undefined));
    }
    for (let run = 0; run < Number(values.runs); run++) {
      for (const job of jobs) {
        const url = `${server.origin}${job.url}`;
        await page.emulateMediaType("print");
        await time(`goto, load event (${label})`, () => page.goto(url, { waitUntil: "load" }));
        await time(`goto + fonts, images, fit checks (${label})`, () => loadForPrint(page, url, options));
        const pdf = await time(`page.pdf (${label})`, () => printToPdf(page, options));
        await time(`finishPdf, pdf-lib on Node's thread (${label})`, () => finishPdf(pdf, job.metadata!));
      }
    }
    await page.close();
  }
  console.log(`${jobs.length} letter brochures × ${values.runs} runs, one tab; median ms per brochure`);
  for (const [phase, samples] of Object.entries(phases)) console.log(`${phase.padEnd(60)} ${fixed(median(samples), 0).padStart(6)}`);
} finally {
  await browser.close();
  await server.close();
}
