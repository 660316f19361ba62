// Lighthouse on the built site, in the installed Chromium: the home page and one procedure page,
// served on loopback with the headers a static host would send (from _headers).
// Usage: npm run bench:lighthouse [-- --out output]   (build first: npm run build)
import path from "node:path";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { siteWideHeaders } from "../src/site/hostHeaders.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "output" } } });
const siteDir = path.join(values.out, "site");
const server = await startSiteServer(siteDir, { headers: await siteWideHeaders(siteDir) });
const browser = await launchBrowser();
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
try {
  console.log(`Lighthouse ${categories.join(", ")} (mobile, simulated throttling)`);
  for (const url of ["/", "/procedures/sclerotherapy/", "/es/procedures/sclerotherapy/"]) {
    // Chromium is spoken to over a pipe (no DevTools port): Lighthouse drives it through a Puppeteer page.
    const page = await browser.newPage();
    const result = await lighthouse(`${server.origin}${url}`, { output: "json", logLevel: "error", onlyCategories: [...categories] }, undefined, page);
    await page.close();
    const scores = categories.map((category) => `${category} ${Math.round((result?.lhr.categories[category]?.score ?? 0) * 100)}`);
    console.log(`${url.padEnd(30)} ${scores.join("  ")}`);
    const failing = Object.values(result?.lhr.audits ?? {}).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === "binary");
    for (const audit of failing) console.log(`  - ${audit.id}: ${audit.title}`);
  }
} finally {
  await browser.close();
  await server.close();
}
