import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { loadContentOrThrow } from "../src/content/load.ts";
import { buildSite } from "../src/site/build.ts";
import { fixtureSite, type FixtureSite } from "./helpers/fixtures.ts";

async function servedSite(t: import("ava").ExecutionContext, prepare?: (site: FixtureSite) => Promise<void>) {
  const site = await fixtureSite(t);
  await prepare?.(site);
  const content = await loadContentOrThrow(site.contentDir);
  await buildSite({ content, contentDir: site.contentDir, siteDir: site.siteDir });
  const server = await startSiteServer(site.siteDir);
  t.teardown(() => server.close());
  const browser: Browser = await launchBrowser();
  t.teardown(() => browser.close());
  return { origin: server.origin, browser };
}

/** A table wider than a phone, written in the guide's Markdown. */
const wideTable =
  "\n| Session | Veins treated | Injections | Stockings afterwards |\n|---|---|---|---|\n" +
  "| First | Spider veins on both calves | About twenty small ones | Two weeks, day and night |\n";

test.serial("pages read fully without JavaScript, on a phone-sized screen, with no sideways scrolling", async (t) => {
  const { origin, browser } = await servedSite(t, (site) => appendFile(path.join(site.contentDir, "procedures", "sclerotherapy.md"), wideTable));
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width: 320, height: 640 });
  for (const url of ["/", "/procedures/sclerotherapy/", "/compare/", "/contact/", "/search/", "/404.html"]) {
    const response = await page.goto(`${origin}${url}`, { waitUntil: "load" });
    t.is(response?.status(), 200, url);
    const layout = await page.evaluate(() => ({
      h1: document.querySelector("h1")?.getBoundingClientRect().height ?? 0,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      font: getComputedStyle(document.body).fontFamily,
    }));
    t.true(layout.h1 > 0, `${url}: the h1 is visible`);
    t.true(layout.overflow <= 0, `${url}: ${layout.overflow}px sideways scroll at 320px`);
    t.regex(layout.font, /Atkinson Hyperlegible Next/);
  }
  // The comparison table: every treatment's facts are on the screen, none off to the side.
  await page.goto(`${origin}/compare/`, { waitUntil: "load" });
  const offScreen = await page.$$eval(
    ".compare td",
    (cells) => cells.filter((cell) => cell.getBoundingClientRect().right > document.documentElement.clientWidth).length,
  );
  t.is(offScreen, 0, "compare table cells beyond the screen's right edge at 320px");
  // A table in a guide scrolls inside its own named, focusable box; the page does not.
  await page.goto(`${origin}/procedures/sclerotherapy/`, { waitUntil: "load" });
  const box = await page.$eval(".prose .table-scroll", (element) => ({
    scrolls: element.scrollWidth > element.clientWidth,
    role: element.getAttribute("role"),
    name: element.getAttribute("aria-label"),
    focusable: (element as HTMLElement).tabIndex === 0,
  }));
  t.deepEqual(box, { scrolls: true, role: "region", name: "When to call us", focusable: true });
});

test.serial("with the browser's text at 200% on a phone, the comparison's cards fit their box: a long word wraps (WCAG 1.4.4, 1.4.10)", async (t) => {
  const { origin, browser } = await servedSite(t, async (site) => {
    const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
    await writeFile(guide, (await readFile(guide, "utf8")).replace("title: Sclerotherapy", "title: Radiofrequency"));
  });
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await page.setViewport({ width: 360, height: 740 });
  await page.goto(`${origin}/compare/`, { waitUntil: "load" });
  const box = await page.$eval(".table-scroll", (element) => ({ content: element.scrollWidth, box: element.clientWidth }));
  t.true(box.content <= box.box, `the cards are ${box.content} px wide in a ${box.box} px box: their right side is cut off`);
});

test.serial("a wide wordmark logo keeps its proportions in the header, not squeezed into the round badge", async (t) => {
  const wordmark = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60"><rect width="240" height="60" fill="#1d4e89"/></svg>`;
  const { origin, browser } = await servedSite(t, async (site) => {
    await writeFile(path.join(site.contentDir, "wordmark.svg"), wordmark);
    await appendFile(path.join(site.contentDir, "_data", "clinic.yaml"), "logo: wordmark.svg\n");
  });
  const page = await browser.newPage();
  await page.goto(`${origin}/`, { waitUntil: "load" });
  const logo = await page.$eval(".brand .logo", (image) => {
    const style = getComputedStyle(image);
    const box = image.getBoundingClientRect();
    const [width, height] = [
      box.width - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight),
      box.height - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom),
    ];
    return { wide: image.classList.contains("logo--wide"), ratio: width / height, radius: style.borderRadius };
  });
  t.true(logo.wide);
  t.true(Math.abs(logo.ratio - 4) < 0.1, `drawn at ${logo.ratio.toFixed(2)}:1, the file is 4:1`);
  t.not(logo.radius, "50%");
});

test.serial("in forced-colors mode (Windows High Contrast), a focused procedure card still shows where focus is", async (t) => {
  const { origin, browser } = await servedSite(t);
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  await session.send("Emulation.setEmulatedMedia", { features: [{ name: "forced-colors", value: "active" }] });
  await page.goto(`${origin}/`, { waitUntil: "load" });
  await page.focus(".card__title a");
  const ring = await page.$eval(".card:focus-within", (card) => ({ outline: getComputedStyle(card).outlineStyle, width: getComputedStyle(card).outlineWidth }));
  t.is(ring.outline, "solid");
  t.is(ring.width, "3px");
});

test.serial("the first Tab reaches a visible skip link that moves focus to the main content, with a visible focus ring", async (t) => {
  const { origin, browser } = await servedSite(t);
  const page = await browser.newPage();
  await page.goto(`${origin}/procedures/sclerotherapy/`, { waitUntil: "load" });
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return { text: element.textContent, top: box.top, outline: style.outlineStyle, border: style.borderStyle };
  });
  t.is(skip.text, "Skip to main content");
  t.true(skip.top >= 0, "the skip link is on screen when focused");
  await page.keyboard.press("Enter");
  t.is(await page.evaluate(() => document.activeElement?.id), "main");
  await page.keyboard.press("Tab");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  t.not(ring, "none", "focused links show an outline");
});

test.serial("fonts, stylesheets and icons all resolve; the site makes no outside requests", async (t) => {
  const { origin, browser } = await servedSite(t);
  const page = await browser.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response) => response.status() >= 400 && failures.push(`${response.status()} ${response.url()}`));
  await page.goto(`${origin}/procedures/sclerotherapy/`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  t.deepEqual(failures, []);
  t.deepEqual(
    requests.filter((url) => !url.startsWith(origin)),
    [],
  );
  t.true(requests.some((url) => url.endsWith(".woff2")));
});
