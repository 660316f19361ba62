import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import test from "ava";
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { startSiteServer, type SiteServer } from "../src/brochures/siteServer.ts";
import { runPamphlet } from "./helpers/cli.ts";
import { hookCleanups } from "./helpers/fixtures.ts";
import { htmlPages } from "./helpers/siteFiles.ts";

/** The shipped content, built once for these tests: the site a clinic would publish. */
const cleanups = hookCleanups();
let siteDir: string;
let server: SiteServer;
let browser: Browser;
let pages: string[];

test.before(async () => {
  const { mkdtemp, rm } = await import("node:fs/promises");
  const os = await import("node:os");
  const outDir = await mkdtemp(path.join(os.tmpdir(), "pamphlet-audit-"));
  cleanups.teardown(() => rm(outDir, { recursive: true, force: true }));
  const run = await runPamphlet(["build", "--formats", "letter", "--out", outDir]);
  if (run.code !== 0) throw new Error(`build failed: ${run.stderr}`);
  siteDir = path.join(outDir, "site");
  server = await startSiteServer(siteDir);
  cleanups.teardown(() => server.close());
  browser = await launchBrowser();
  cleanups.teardown(() => browser.close());
  pages = await htmlPages(siteDir);
});
test.after.always(() => cleanups.run());

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

test.serial("axe finds no WCAG 2.2 AA violation on any page of the built site", async (t) => {
  t.true(pages.length > 60, `${pages.length} pages`);
  const source = await axeSource;
  const failures: string[] = [];
  const tabs = await Promise.all([browser.newPage(), browser.newPage()]);
  const queue = [...pages];
  await Promise.all(
    tabs.map(async (tab) => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        await tab.goto(`${server.origin}${url}`, { waitUntil: "load" });
        await tab.evaluate(source);
        const violations = await tab.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
            }
          ).axe;
          const result = await axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          });
          return result.violations.map(
            (violation) =>
              `${violation.id} at ${violation.nodes
                .map((node) => node.target.join(" "))
                .slice(0, 3)
                .join(", ")}`,
          );
        });
        failures.push(...violations.map((violation) => `${url}: ${violation}`));
      }
    }),
  );
  t.deepEqual(failures, []);
});

test.serial("each procedure page carries MedicalProcedure JSON-LD with its name, description and URL; the clinic's has name, phone and address", async (t) => {
  const procedures = pages.filter((url) => /^(\/es)?\/procedures\/[^/]+\/$/.test(url));
  t.is(procedures.length, 16);
  const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
  for (const url of procedures) {
    const html = await readFile(path.join(siteDir, url, "index.html"), "utf8");
    const [data] = jsonLd(html);
    t.is(data["@type"], "MedicalProcedure", url);
    t.is(data.name, /<h1[^>]*>([^<]+)<\/h1>/.exec(html)![1]!.replace(/&amp;/g, "&"), url);
    t.is(data.description, /<meta name="description" content="([^"]+)">/.exec(html)![1], url);
    t.is(data.url, `https://veins.example.com${url}`, url);
    // Nothing the front matter does not say: every procedure "non-invasive", the numbing as "how performed", a "scheduled" status.
    t.deepEqual(Object.keys(data).sort(), ["@context", "@id", "@type", "description", "followup", "inLanguage", "name", "subjectOf", "url"], url);
    // The questions the page shows, as FAQPage, when it has them.
    const questions = [...html.matchAll(/<div class="faq__entry">\s*<h3>([^<]+)<\/h3>/g)].map((match) =>
      match[1]!
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    );
    const faq = jsonLd(html).find((entry) => entry["@type"] === "FAQPage");
    t.deepEqual(faq?.mainEntity.map((entry: { name: string }) => entry.name) ?? [], questions, url);
    if (faq) t.is(faq.mainEntity[0].acceptedAnswer["@type"], "Answer");
  }
  t.true(
    procedures.some((url) => /FAQPage/.test(readFileSync(path.join(siteDir, url, "index.html"), "utf8"))),
    "the shipped guides have questions",
  );
  for (const url of ["/", "/contact/", "/es/"]) {
    const [clinic] = jsonLd(await readFile(path.join(siteDir, url, "index.html"), "utf8"));
    t.is(clinic["@type"], "MedicalClinic");
    t.is(clinic.name, "Maple Grove Vein Clinic (sample)");
    t.is(clinic.telephone, "(555) 010-0147");
    t.like(clinic.address, { "@type": "PostalAddress", streetAddress: "120 Sample Street, Suite 300", addressLocality: "Maple Grove", postalCode: "55311" });
    t.is(clinic.department[0].address.addressLocality, "Riverside", "every location is listed");
    // Hours as search engines read them, not clinic.yaml's free text.
    t.deepEqual(clinic.openingHoursSpecification, [
      { "@type": "OpeningHoursSpecification", dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday"], opens: "08:00", closes: "17:00" },
      { "@type": "OpeningHoursSpecification", dayOfWeek: ["Friday"], opens: "08:00", closes: "13:00" },
    ]);
    t.is(clinic.openingHours, undefined);
  }
});

test.serial("sitemap.xml lists every public page, with translations; robots.txt points to it", async (t) => {
  const sitemap = await readFile(path.join(siteDir, "sitemap.xml"), "utf8");
  const listed = [...sitemap.matchAll(/<loc>https:\/\/veins\.example\.com([^<]+)<\/loc>/g)].map((match) => match[1]);
  const publicPages = pages.filter((url) => !/\/(print|share|print-centre)\//.test(url) && !url.endsWith("404.html"));
  t.deepEqual([...listed].sort(), publicPages);
  t.regex(sitemap, /<xhtml:link rel="alternate" hreflang="es" href="https:\/\/veins\.example\.com\/es\/procedures\/sclerotherapy\/"\/>/);
  // The same pairs as the pages' own hreflang links, x-default included.
  const page = await readFile(path.join(siteDir, "es", "procedures", "sclerotherapy", "index.html"), "utf8");
  const entry = /<url>\s*<loc>https:\/\/veins\.example\.com\/es\/procedures\/sclerotherapy\/<\/loc>[\s\S]*?<\/url>/.exec(sitemap)![0];
  const pairs = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => `${match[1]} ${match[2]}`).sort();
  t.deepEqual(
    pairs(entry, /<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g),
    pairs(page, /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g),
  );
  const robots = await readFile(path.join(siteDir, "robots.txt"), "utf8");
  t.regex(robots, /^Sitemap: https:\/\/veins\.example\.com\/sitemap\.xml$/m);
  // A page kept out of search by "noindex" must be fetchable, or the tag is never read: robots.txt
  // blocks only pages that no public page links to.
  const disallowed = [...robots.matchAll(/^Disallow: (\S+)$/gm)].map((match) => match[1]!);
  t.true(disallowed.length > 0);
  for (const url of publicPages) {
    const html = await readFile(path.join(siteDir, url, "index.html"), "utf8");
    for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
      t.false(
        disallowed.some((prefix) => href!.startsWith(prefix)),
        `${url} links to ${href}, which robots.txt blocks`,
      );
    }
  }
});

test.serial("pages carry canonical URLs, meta descriptions, Open Graph and Twitter tags with a share image that exists", async (t) => {
  for (const url of pages.filter((page) => !/\/(print|share)\//.test(page))) {
    const html = await readFile(path.join(siteDir, url.endsWith(".html") ? url : `${url}index.html`), "utf8");
    // Not indexed: the 404 page (served at any missing address) and the staff's print centre.
    const notFound = url.endsWith("404.html") || url.includes("/print-centre/");
    t.regex(html, /<meta name="description" content="[^"]{20,}">/, url);
    if (!notFound) t.true(html.includes(`<link rel="canonical" href="https://veins.example.com${url}">`), url);
    for (const property of ["og:title", "og:description", ...(notFound ? [] : ["og:url"]), "og:image", "og:locale"])
      t.regex(html, new RegExp(`<meta property="${property}" content="[^"]+">`), `${url} ${property}`);
    t.regex(html, /<meta name="twitter:card" content="summary_large_image">/, url);
    const image = /<meta property="og:image" content="https:\/\/veins\.example\.com([^"]+)">/.exec(html)![1]!;
    const png = await readFile(path.join(siteDir, image));
    t.is(png.readUInt32BE(16), 1200, `${image} is 1200 wide`);
    t.is(png.readUInt32BE(20), 630, `${image} is 630 high`);
  }
});

test.serial("performance budget: each page's HTML, CSS and JS under 100 KB compressed, no render-blocking script, fonts preloaded", async (t) => {
  for (const url of pages.filter((page) => !/\/(print|share)\//.test(page))) {
    const html = await readFile(path.join(siteDir, url.endsWith(".html") ? url : `${url}index.html`), "utf8");
    const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)].map((match) => match[1]!);
    let bytes = gzipSync(html).byteLength;
    for (const asset of assets) bytes += gzipSync(await readFile(path.join(siteDir, asset))).byteLength;
    t.true(bytes < 100 * 1024, `${url}: ${bytes} bytes compressed`);
    for (const script of html.matchAll(/<script (?!type="application\/ld\+json")[^>]*>/g))
      t.regex(script[0], /\s(defer|async|type="module")[\s>]/, `${url}: ${script[0]}`);
    // Both weights the first screen uses (body text, and the bold clinic name in the header), each a file that exists.
    const preloaded = [...html.matchAll(/<link rel="preload" href="\/fonts\/([^"]+\.woff2)" as="font" type="font\/woff2" crossorigin>/g)].map(
      (match) => match[1]!,
    );
    t.deepEqual(
      preloaded.map((file) => /-(\d00)-normal/.exec(file)?.[1]),
      ["400", "700"],
      url,
    );
    for (const file of preloaded) t.true(existsSync(path.join(siteDir, "fonts", file)), file);
  }
});

test.serial("every page has a Content-Security-Policy without inline script; _headers sets CSP, HSTS, referrer and permissions policies", async (t) => {
  for (const url of pages.filter((page) => !/\/(print|share)\//.test(page))) {
    const html = await readFile(path.join(siteDir, url.endsWith(".html") ? url : `${url}index.html`), "utf8");
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "").replace(/&#39;/g, "'");
    t.regex(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, url);
    t.notRegex(csp, /unsafe-inline/, url);
    t.deepEqual(
      [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g)].map((match) => match[0]),
      [],
      `${url}: no inline script`,
    );
    t.notRegex(html, /<form\b|style="/i, url);
  }
  const headers = await readFile(path.join(siteDir, "_headers"), "utf8");
  t.notRegex(headers, /includeSubDomains/, "HSTS binds this site, not every name of the clinic's domain");
  // Netlify serves only the root 404 page by itself: the Spanish one is wired for the Spanish folders (a Spanish PDF gone got the English one).
  t.deepEqual((await readFile(path.join(siteDir, "_redirects"), "utf8")).trim().split("\n"), [
    "/es/*  /es/404.html  404",
    "/brochures/es/*  /es/404.html  404",
  ]);
  t.regex(await readFile(path.join(siteDir, "es", "404.html"), "utf8"), /<html lang="es"/);
  t.regex(headers, /^\/fonts\/\*\n {2}Cache-Control: public, max-age=2592000$/m, "unversioned font files are not cached as immutable");
  t.regex(headers, /^\/pagefind\/fragment\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m, "content-named search files are");
  for (const folder of ["/print/*", "/print-centre/*", "/es/print/*", "/es/print-centre/*"])
    t.true(headers.includes(`${folder}\n  X-Robots-Tag: noindex`), folder);
  for (const header of [
    "Content-Security-Policy: default-src 'self'",
    "Strict-Transport-Security: max-age=",
    "Referrer-Policy: ",
    "Permissions-Policy: ",
    "X-Content-Type-Options: nosniff",
  ]) {
    t.true(headers.includes(header), header);
  }
});

test.serial("in Chromium, search finds the one procedure a word appears in, and the page lists every guide without JavaScript", async (t) => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on("console", (message) => message.text().includes("Content Security Policy") && violations.push(message.text()));
  await page.goto(`${server.origin}/search/`, { waitUntil: "load" });
  await page.waitForSelector("[data-search]:not([hidden])");
  t.deepEqual(
    (await readdir(path.join(siteDir, "pagefind"))).filter((name) => /-ui\.|highlight/.test(name)),
    [],
    "Pagefind's own interfaces are not published: the site has its own",
  );
  await page.type("#search-input", "cyanoacrylate");
  await page.waitForFunction(() => document.querySelectorAll(".search__results li").length > 0, { timeout: 20_000 });
  const results = await page.$$eval(".search__results a", (links) => links.map((link) => link.getAttribute("href")));
  t.deepEqual(results, ["/procedures/medical-adhesive-closure/"]);
  t.is(await page.$eval(".search__status", (status) => status.textContent), "1 result for “cyanoacrylate”", "one result is said in the singular");
  // Matches are marked, and the words after them keep their space ("the glue is", not "the glueis").
  const glue = await browser.newPage();
  await glue.goto(`${server.origin}/search/`, { waitUntil: "load" });
  await glue.waitForSelector("[data-search]:not([hidden])");
  await glue.type("#search-input", "glue");
  await glue.waitForFunction(() => document.querySelectorAll(".search__results mark").length > 0, { timeout: 20_000 });
  // Each match with what follows it: Pagefind marks whole words, so a letter right after one means a lost space.
  const afterMarks = await glue.$$eval(".search__results mark", (marks) =>
    marks.map((mark) => [mark.textContent, (mark.nextSibling?.textContent ?? "").slice(0, 4)]),
  );
  t.deepEqual(
    afterMarks.filter(([, next]) => /^\p{L}/u.test(next!)),
    [],
    "no word glued to a match",
  );
  t.deepEqual(violations, []);
  // A label and its value are read as two words ("How long it takes About 30 minutes", not "takesAbout").
  const glance = await browser.newPage();
  await glance.goto(`${server.origin}/search/`, { waitUntil: "load" });
  await glance.waitForSelector("[data-search]:not([hidden])");
  await glance.type("#search-input", "minutes");
  await glance.waitForFunction(() => document.querySelectorAll(".search__results p").length > 0, { timeout: 20_000 });
  const excerpts = (await glance.$$eval(".search__results p", (texts) => texts.map((text) => text.textContent!))).join("\n");
  t.regex(excerpts, /How long it takes/);
  t.notRegex(excerpts, /(takes|Time off|Sessions|Results|Veins treated|Numbing)\p{L}/u, excerpts);

  // More results than the first ten: the count says how many, and a button shows the rest.
  const many = await browser.newPage();
  await many.goto(`${server.origin}/search/`, { waitUntil: "load" });
  await many.waitForSelector("[data-search]:not([hidden])");
  await many.type("#search-input", "stockings");
  await many.waitForFunction(() => document.querySelectorAll(".search__results li").length > 0, { timeout: 20_000 });
  const total = Number(/^(\d+) results/.exec(await many.$eval(".search__status", (status) => status.textContent!))![1]);
  t.true(total > 10, `${total} results for "stockings" in the shipped guides`);
  t.is((await many.$$(".search__results li")).length, 10);
  t.is(
    await many.$eval(".search__more", (button) => ((button as HTMLElement).hidden ? "" : button.textContent)),
    `Show ${Math.min(10, total - 10)} more results`,
  );
  // A double click shows the next results once, not twice.
  await many.$eval(".search__more", (button) => {
    // Each click's handler ends by setting the button's text (one childList record, even when its batch was empty): counted, it says both clicks are done.
    const page = window as unknown as { moreClicksHandled: number };
    page.moreClicksHandled = 0;
    new MutationObserver((records) => (page.moreClicksHandled += records.length)).observe(button, { childList: true });
    (button as HTMLElement).click();
    (button as HTMLElement).click();
  });
  await many.waitForFunction((expected) => document.querySelectorAll(".search__results li").length >= Math.min(expected, 20), { timeout: 20_000 }, total);
  await many.waitForFunction(() => (window as unknown as { moreClicksHandled: number }).moreClicksHandled >= 2, { timeout: 20_000 });
  const shown = await many.$$eval(".search__results a", (links) => links.map((link) => link.getAttribute("href")));
  t.is(shown.length, Math.min(total, 30), "each result once");
  t.is(new Set(shown).size, shown.length, "no result twice");
  if (total <= 20) t.true(await many.$eval(".search__more", (button) => (button as HTMLElement).hidden), "no button once every result shows");

  const spanish = await browser.newPage();
  await spanish.goto(`${server.origin}/es/search/`, { waitUntil: "load" });
  await spanish.type("#search-input", "pegamento");
  await spanish.waitForFunction(() => document.querySelectorAll(".search__results li").length > 0, { timeout: 20_000 });
  t.true((await spanish.$$eval(".search__results a", (links) => links.map((link) => link.getAttribute("href")))).every((href) => href!.startsWith("/es/")));

  const noScript = await browser.newPage();
  await noScript.setJavaScriptEnabled(false);
  await noScript.goto(`${server.origin}/search/`, { waitUntil: "load" });
  t.true(await noScript.$eval("[data-search]", (element) => (element as HTMLElement).hidden), "no dead search box without JavaScript");
  t.is((await noScript.$$(".all-pages a")).length >= 8, true);
});

test.serial("search on a slow line says it is searching, and says so when its index cannot load (it showed nothing at all)", async (t) => {
  const searchPage = async (line: (page: Page) => Promise<void>) => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: "load" });
    await page.waitForSelector("[data-search]:not([hidden])");
    await line(page);
    await page.type("#search-input", "stockings");
    return page;
  };
  const status = (page: Page) => page.$eval(".search__status", (element) => element.textContent);
  // The index's first load, about 200 KB, at 50 KB/s with 400 ms of latency (Pagefind fetches some of it in a worker).
  const slow = await searchPage((page) => page.emulateNetworkConditions({ download: 50 * 1024, upload: 20 * 1024, latency: 400 }));
  await slow.waitForFunction(() => document.querySelector(".search__status")?.textContent !== "", { timeout: 20_000 });
  t.is(await status(slow), "Searching…");
  await slow.waitForFunction(() => document.querySelectorAll(".search__results li").length > 0, { timeout: 60_000 });
  t.regex((await status(slow))!, /^\d+ results for “stockings”$/);
  const offline = await searchPage((page) => page.setOfflineMode(true));
  await offline.waitForFunction(() => /could not load/.test(document.querySelector(".search__status")?.textContent ?? ""), { timeout: 20_000 });
  t.is(await status(offline), "Search could not load. Check your connection and reload the page, or browse all guides below.");
});

test.serial("printed from the browser, a page leaves out the site's controls: navigation, language switcher, search, the visit pack's form", async (t) => {
  const page = await browser.newPage();
  t.teardown(() => page.close());
  await page.emulateMediaType("print");
  const shown = (selector: string) =>
    page.$$eval(selector, (found) => found.filter((element) => getComputedStyle(element as HTMLElement).display !== "none").length);
  await page.goto(`${server.origin}/procedures/sclerotherapy/`, { waitUntil: "load" });
  for (const selector of [".main-nav", ".language-switcher", ".skip-link", ".staff-link"]) t.is(await shown(selector), 0, selector);
  t.is(await shown(".procedure"), 1, "the guide itself prints");
  t.is(await shown(".site-footer .contact"), 1, "and how to reach us");
  await page.goto(`${server.origin}/print-centre/`, { waitUntil: "load" });
  t.is(await shown("[data-visit-pack]"), 0, "the print centre's pack form");
  t.true((await shown("table")) > 0, "its list of brochures prints");
});

test.serial("on a phone (375 px), the print centre's brochure links are on screen, not off the side of a scrolled table", async (t) => {
  const page = await browser.newPage();
  t.teardown(() => page.close());
  await page.setViewport({ width: 375, height: 740 });
  await page.goto(`${server.origin}/print-centre/`, { waitUntil: "load" });
  const { overflow, offScreen, links } = await page.$eval(".table-scroll", (region) => {
    const right = region.getBoundingClientRect().right;
    const all = [...region.querySelectorAll(".files a")];
    return {
      overflow: region.scrollWidth - region.clientWidth,
      offScreen: all.filter((link) => link.getBoundingClientRect().right > right + 1).length,
      links: all.length,
    };
  });
  t.true(links > 0);
  t.is(offScreen, 0, `${offScreen} of ${links} links past the table's edge`);
  t.true(overflow <= 1, `the table is ${overflow} px wider than its box`);
});
