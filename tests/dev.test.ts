import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type http from "node:http";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import type { Content } from "../src/content/load.ts";
import { loadContent } from "../src/content/load.ts";
import { devRebuild } from "../src/dev/devRebuild.ts";
import { buildSite } from "../src/site/build.ts";
import { siteSourceFolders } from "../src/site/clinicOverrides.ts";
import { PrintViewReuse } from "../src/site/printViewReuse.ts";
import { startDevServer } from "../src/dev/devServer.ts";
import { LiveReload } from "../src/dev/liveReload.ts";
import { devEvents } from "./helpers/events.ts";
import { fixtureSite, type FixtureSite } from "./helpers/fixtures.ts";
import { setAsideRemoved } from "../src/shared/stagedFolder.ts";
import { until } from "./helpers/until.ts";
import { pdfImages } from "./helpers/pdf.ts";
import { PNG } from "pngjs";

async function devServer(t: import("ava").ExecutionContext, site: FixtureSite) {
  const server = await startDevServer({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site"), port: 0 });
  t.teardown(() => server.close());
  const events = await devEvents(server.origin);
  t.teardown(() => events.close());
  const get = (url: string) => fetch(`${server.origin}${url}`);
  /** Resolves once `url` shows `pattern` (or not), checking after each rebuild; late file events from setting up the fixture may cause extra rebuilds first. */
  const untilPage = async (url: string, pattern: RegExp, present = true) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      const reloaded = events.next("reload").catch(() => undefined);
      if (pattern.test(await (await get(url)).text()) === present) return;
      await reloaded;
    }
    throw new Error(`${url} did not ${present ? "show" : "lose"} ${pattern} within 30 s`);
  };
  return { ...server, events, get, untilPage };
}

/** A dev server over a fresh fixture and a Chromium tab open on `url` of it. */
async function browsing(t: import("ava").ExecutionContext, url: string) {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  await page.goto(`${dev.origin}${url}`);
  return { site, dev, page };
}

/** Waits until the dev page preview has drawn every page of the PDF. */
const previewDrawn = (page: import("puppeteer-core").Page) =>
  page.waitForFunction(() => /\d+ pages?, true size/.test(document.querySelector('[role="toolbar"]')?.textContent ?? ""), { timeout: 30_000 });

test.serial("the dev server shows edits at the page and the print view without a restart, and survives a content error", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  t.regex(dev.origin, /^http:\/\/127\.0\.0\.1:\d+$/, "listens on loopback only");
  t.is((await dev.get("/")).status, 200);
  t.regex(await (await dev.get("/print/sclerotherapy/")).text(), /Sclerotherapy/);

  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const original = await readFile(file, "utf8");
  await writeFile(file, original.replace("The vein closes and fades.", "The vein closes and slowly fades away."));
  await dev.untilPage("/procedures/sclerotherapy/", /slowly fades away/);
  t.regex(await (await dev.get("/procedures/sclerotherapy/")).text(), /slowly fades away/);
  t.regex(await (await dev.get("/print/sclerotherapy/")).text(), /slowly fades away/);

  const problems = dev.events.next("problems");
  await writeFile(file, original.replace("duration:", "duraton:"));
  const shown = await problems;
  t.regex(shown, /sclerotherapy\.md:\d+:1 {2}error {2}unknown field "duraton": did you mean "duration"\?/);
  const stillThere = await dev.get("/procedures/sclerotherapy/");
  t.is(stillThere.status, 200, "the last good page is still served");
  t.regex(await stillThere.text(), /slowly fades away/);

  await writeFile(file, original);
  await dev.untilPage("/procedures/sclerotherapy/", /slowly fades away/, false);
  t.notRegex(await (await dev.get("/procedures/sclerotherapy/")).text(), /slowly fades away/);
});

test.serial("a save's reload is sent as soon as the new site is in place, not after the old one has been removed", async (t) => {
  const site = await fixtureSite(t);
  const oldSiteThere = () => readdirSync(site.outDir).some((name) => name.startsWith("dev-site.previous-"));
  const oldSiteAtReload: boolean[] = [];
  const live = { reload: () => oldSiteAtReload.push(oldSiteThere()), showProblems: (text: string) => t.fail(text) } as unknown as LiveReload;
  const { rebuild, close } = devRebuild({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site") }, live);
  // Closed, or its reminder a second after the save is said during the next test's (measured under load).
  t.teardown(close);
  await rebuild();
  await rebuild();
  t.deepEqual(oldSiteAtReload, [false, true], "the first build has no old site; the second reloads while its old site is still being removed");
  await setAsideRemoved();
  t.false(oldSiteThere(), "and it is removed all the same");
});

test.serial("a save's reload does not wait for check's notes: they are worked out when a page asks, or a moment later for the terminal", async (t) => {
  const site = await fixtureSite(t);
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("The vein closes and fades.", "The vein closes and fades, guaranteed."));
  const said: string[] = [];
  const terminal = console.error;
  console.error = (...parts: unknown[]) => said.push(parts.join(" "));
  t.teardown(() => (console.error = terminal));
  const reminders = () => said.filter((line) => /that this build does not stop on: run it before publishing/.test(line)).length;
  const atReload: number[] = [];
  const live = { reload: () => atReload.push(reminders()), showProblems: (text: string) => t.fail(text) } as unknown as LiveReload;
  const { state, rebuild, close } = devRebuild({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site") }, live);
  t.teardown(close);
  await rebuild();
  t.deepEqual(atReload, [0], "not worked out before the reload");
  t.is(reminders(), 0, "nor by the end of the rebuild");
  const notes = () => [...state.notes().values()].flat().map((note) => note.text);
  t.true(
    notes().some((note) => /"guaranteed" is an absolute or risky claim/.test(note)),
    "a page asking for them gets them",
  );
  t.is(reminders(), 1, "and the terminal is reminded then");
  notes();
  t.is(reminders(), 1, "worked out once per save");
  await rebuild();
  // (No page asks this time: the terminal must hear all the same.)
  t.deepEqual(atReload, [0, 1], "the second save's reload did not wait for them either");
  t.true(await until(() => reminders() === 2, 10_000), "a moment after the reload, the terminal is reminded");
});

test.serial("the preview's search index is written when its search is used, not on every save, and finds what was just saved", async (t) => {
  const { site, dev, page } = await browsing(t, "/procedures/sclerotherapy/");
  const index = path.join(site.outDir, "dev-site", "pagefind");
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("The vein closes and fades.", "The vein closes and fades like a zeppelin."));
  await dev.untilPage("/procedures/sclerotherapy/", /zeppelin/);
  t.false(existsSync(index), "the save wrote no search index");
  await page.goto(`${dev.origin}/search/`, { waitUntil: "load" });
  await page.waitForSelector("[data-search]:not([hidden])");
  await page.type("#search-input", "zeppelin");
  await page.waitForFunction(() => document.querySelectorAll(".search__results li").length > 0, { timeout: 20_000 });
  t.deepEqual(await page.$$eval(".search__results a", (links) => links.map((link) => link.getAttribute("href"))), ["/procedures/sclerotherapy/"]);
  t.true(existsSync(index), "the search wrote it, into the site in place");
});

test.serial("a save renders again only the print views of what it changed, and every print view is as a full build makes it", async (t) => {
  const site = await fixtureSite(t);
  const live = { reload: () => undefined, showProblems: (text: string) => t.fail(text) } as unknown as LiveReload;
  const devSite = path.join(site.outDir, "dev-site");
  const dev = devRebuild({ contentDir: site.contentDir, siteDir: devSite }, live);
  t.teardown(dev.close);
  /** Every print view page of a site: its text and its file's inode (a page carried over keeps its inode). */
  const printPages = (siteDir: string) =>
    new Map(
      readdirSync(siteDir, { recursive: true, encoding: "utf8" })
        .filter((file) => file.startsWith(`print${path.sep}`) && file.endsWith("index.html"))
        .map((file) => [file, { text: readFileSync(path.join(siteDir, file), "utf8"), inode: statSync(path.join(siteDir, file)).ino }]),
    );
  let builds = 0;
  /** The print views a fresh dev server renders from the same content, every one of them. */
  const fullBuild = async () => {
    const siteDir = path.join(site.outDir, `full-${++builds}`);
    const full = devRebuild({ contentDir: site.contentDir, siteDir }, live);
    t.teardown(full.close);
    await full.rebuild();
    return printPages(siteDir);
  };
  const sameAsFullBuild = async (edit: string) => {
    const full = await fullBuild();
    t.true(full.size >= 11, `${edit}: the full build has every print view`);
    t.deepEqual(
      [...printPages(devSite)].map(([file, page]) => [file, page.text]),
      [...full].map(([file, page]) => [file, page.text]),
      edit,
    );
  };
  await dev.rebuild();
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace("The vein closes and fades.", "The vein closes and fades like a zeppelin."));
  const before = printPages(devSite);
  await dev.rebuild();
  const after = printPages(devSite);
  const renderedAgain = [...after].filter(([file, page]) => page.inode !== before.get(file)?.inode).map(([file]) => file);
  t.deepEqual(
    renderedAgain.sort(),
    ["print/booklet/index.html", ...["", "a4/", "aftercare/", "large/", "trifold/"].map((format) => `print/sclerotherapy/${format}index.html`)].sort(),
  );
  t.true(after.get("print/sclerotherapy/index.html")!.text.includes("zeppelin"));
  await sameAsFullBuild("a guide's Markdown edited");

  // A title is shown by other views (the booklet's contents); clinic.yaml and the templates by every view.
  const other = path.join(site.contentDir, "procedures", "compression-therapy.md");
  await writeFile(other, (await readFile(other, "utf8")).replace("title: Compression therapy", "title: Compression stockings"));
  await dev.rebuild();
  await sameAsFullBuild("another guide's title edited");
  const clinic = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinic, (await readFile(clinic, "utf8")).replace('phone: "(555) 010-0199"', 'phone: "(555) 010-0123"'));
  await dev.rebuild();
  t.true(printPages(devSite).get("print/compression-therapy/index.html")!.text.includes("(555) 010-0123"));
  await sameAsFullBuild("clinic.yaml edited");
  // A view whose page has gone from the site in place is rendered again.
  await rm(path.join(devSite, "print", "compression-therapy", "large"), { recursive: true });
  await dev.rebuild();
  t.true(existsSync(path.join(devSite, "print", "compression-therapy", "large", "index.html")));
  await sameAsFullBuild("a page removed from the site in place");
});

test.serial("a save that lands while a build reads the content still reaches the print views of the next build", async (t) => {
  const site = await fixtureSite(t);
  const siteDir = path.join(site.outDir, "dev-site");
  const reuse = new PrintViewReuse(siteDir, siteSourceFolders(site.contentDir));
  const build = async (content: Content) => buildSite({ content, contentDir: site.contentDir, siteDir, dev: true, printViewReuse: reuse });
  const load = async () => (await loadContent(site.contentDir)).content!;
  await reuse.begin();
  await build(await load());
  // The build begins and reads clinic.yaml; the writer saves a new phone number before it renders.
  await reuse.begin();
  const read = await load();
  const clinic = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinic, (await readFile(clinic, "utf8")).replace('phone: "(555) 010-0199"', 'phone: "(555) 010-0123"'));
  await build(read);
  // The save's own build.
  await reuse.begin();
  await build(await load());
  for (const page of ["procedures/compression-therapy/index.html", "print/compression-therapy/index.html", "print/booklet/index.html"]) {
    t.regex(await readFile(path.join(siteDir, page), "utf8"), /\(555\) 010-0123/, page);
  }
});

test("a page that was still loading when a build's reload went out is told to reload as it connects; a page of the latest build is not", (t) => {
  const live = new LiveReload();
  const askedBeforeBuild = Date.now() - 1;
  live.reload(); // a build is swapped in
  /** What the events stream says at once to a page that asked for its HTML at `since`. */
  const saidTo = (since: number) => {
    let said = "";
    const request = { url: `/__pamphlet/events?since=${since}`, on: () => undefined } as unknown as http.IncomingMessage;
    const response = { writeHead: () => undefined, write: (chunk: string) => (said += chunk) } as unknown as http.ServerResponse;
    live.connect(request, response);
    return said;
  };
  t.regex(saidTo(askedBeforeBuild), /^event: reload$/m, "a page asked for before the build reloads");
  t.notRegex(saidTo(Date.now() + 1), /^event: reload$/m, "a page asked for after it stays");
  t.notRegex(saidTo(0), /^event: reload$/m, "a page that does not say when it asked stays, as before");
});

test.serial("the dev site renders no share-card views (the dev server makes no share images); a built site has them", async (t) => {
  const site = await fixtureSite(t);
  const live = { reload: () => undefined, showProblems: (text: string) => t.fail(text) } as unknown as LiveReload;
  const devSite = path.join(site.outDir, "dev-site");
  const dev = devRebuild({ contentDir: site.contentDir, siteDir: devSite }, live);
  t.teardown(dev.close);
  await dev.rebuild();
  t.true(existsSync(path.join(devSite, "procedures", "sclerotherapy", "index.html")), "the dev site was built");
  t.false(existsSync(path.join(devSite, "share")));
  const { renderSite } = await import("../src/site/build.ts");
  const { loadContent } = await import("../src/content/load.ts");
  const pages = await renderSite({ content: (await loadContent(site.contentDir)).content!, contentDir: site.contentDir });
  t.true(
    pages.some((page) => page.url === "/share/en/sclerotherapy/"),
    "build renders them",
  );
});

test.serial("the dev server keeps a page's images through rebuilds, even after the output folder is deleted", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"));
  await writeFile(
    path.join(site.contentDir, "images", "diagram.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#036"/></svg>\n',
  );
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const withImage = (await readFile(file, "utf8")).replace("## What it is\n", "## What it is\n\n![A diagram of the vein.](/images/diagram.svg)\n");
  await writeFile(file, withImage);
  const dev = await devServer(t, site);
  /** The status of every image the page shows (its <picture> sources and fallback). */
  const imageStatuses = async () => {
    const html = await (await dev.get("/procedures/sclerotherapy/")).text();
    const urls = [...new Set([...html.matchAll(/(?:src|srcset)="(\/img\/[^" ]+)/g)].map((match) => match[1]!))];
    t.true(urls.length > 0, "the page shows the image");
    return Promise.all(urls.map(async (url) => `${url} ${(await dev.get(url)).status}`));
  };
  const served = (statuses: string[]) => statuses.every((status) => status.endsWith(" 200"));
  t.true(served(await imageStatuses()), "first build");

  await writeFile(file, withImage.replace("The vein closes and fades.", "The vein closes and slowly fades away."));
  await dev.untilPage("/procedures/sclerotherapy/", /slowly fades away/);
  const afterEdit = await imageStatuses();
  t.true(served(afterEdit), `after an edit: ${afterEdit.join(", ")}`);

  // The same picture saved again with one colour changed: the same byte size, new web copies.
  const imageFile = path.join(site.contentDir, "images", "diagram.svg");
  const oldCopy = /\/img\/[^" ]+\.svg/.exec(await (await dev.get("/procedures/sclerotherapy/")).text())![0];
  await writeFile(imageFile, (await readFile(imageFile, "utf8")).replace("#036", "#063"));
  await dev.untilPage("/procedures/sclerotherapy/", new RegExp(oldCopy.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), false);
  const newCopy = /\/img\/[^" ]+\.svg/.exec(await (await dev.get("/procedures/sclerotherapy/")).text())![0];
  t.regex(await (await dev.get(newCopy)).text(), /#063/, "the page shows the new picture");

  await rm(site.outDir, { recursive: true, force: true });
  await writeFile(file, withImage.replace("The vein closes and fades.", "The vein closes and fades for good."));
  await dev.untilPage("/procedures/sclerotherapy/", /fades for good/);
  const afterDelete = await imageStatuses();
  t.true(served(afterDelete), `after the output folder was deleted: ${afterDelete.join(", ")}`);
});

test.serial("a page that is gone (a procedure being renamed) answers the site's 404 page, which reloads by itself", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  const gone = await dev.get("/procedures/not-yet-written/");
  t.is(gone.status, 404);
  t.regex(gone.headers.get("content-type") ?? "", /^text\/html/);
  const page = await gone.text();
  t.regex(page, /<html lang="en">/, "the site's own 404 page");
  t.regex(page, /<script src="\/__pamphlet\/live-reload\.js" defer><\/script>/, "with the live-reload script");
});

test.serial("when output/ is deleted while previewing, the next request builds the preview again", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  await rm(site.outDir, { recursive: true, force: true });
  const page = await dev.get("/procedures/sclerotherapy/");
  t.is(page.status, 200);
  t.regex(await page.text(), /<h1[^>]*>Sclerotherapy<\/h1>/);
});

test.serial("when output/ is deleted while previewing, a search builds the preview again, then its index", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  await rm(site.outDir, { recursive: true, force: true });
  t.is((await dev.get("/pagefind/pagefind-entry.json")).status, 200);
  t.is((await dev.get("/procedures/sclerotherapy/")).status, 200, "the pages are there too");
});

test.serial("the dev server prints /brochures/<slug>.pdf on demand from the current content", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  const response = await dev.get("/brochures/sclerotherapy.pdf");
  t.is(response.status, 200);
  t.is(response.headers.get("content-type"), "application/pdf");
  const bytes = Buffer.from(await response.arrayBuffer());
  t.is(bytes.subarray(0, 5).toString(), "%PDF-");
  // Again and again without an edit: the printer's tab gets the print view from its cache (304).
  for (const again of [1, 2]) t.is((await dev.get("/brochures/sclerotherapy.pdf")).status, 200, `print ${again + 1}`);
  t.is((await dev.get("/brochures/not-a-procedure.pdf")).status, 404);
  // Every page's footer links the print centre, which lists a build's brochures: the preview says so, and links each.
  const printCentre = await dev.get("/print-centre/");
  t.is(printCentre.status, 200);
  const listed = await printCentre.text();
  t.regex(listed, /build the site \(<code>npm run build<\/code>\), serve it \(<code>npm run serve<\/code>\)/);
  t.regex(listed, /<a href="\/brochures\/sclerotherapy\.pdf">/);

  // While the content has an error, the last good content would print a brochure without the latest edit.
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const original = await readFile(file, "utf8");
  const problems = dev.events.next("problems");
  await writeFile(file, original.replace("duration:", "duraton:"));
  await problems;
  const stale = await dev.get("/brochures/sclerotherapy.pdf");
  t.is(stale.status, 503);
  t.regex(await stale.text(), /^sclerotherapy\.pdf is not printed while the content has a problem: fix it and save[\s\S]*unknown field "duraton"/);
  const reloaded = dev.events.next("reload");
  await writeFile(file, original);
  await reloaded;
  t.is((await dev.get("/brochures/sclerotherapy.pdf")).status, 200);
});

test.serial("the dev server's live PDF shows a picture as it is now: one replaced under the same name is printed anew", async (t) => {
  const site = await fixtureSite(t);
  const images = path.join(site.contentDir, "images");
  await mkdir(images, { recursive: true });
  const picture = (width: number, height: number) => {
    const png = new PNG({ width, height });
    png.data.fill(128);
    return PNG.sync.write(png);
  };
  await writeFile(path.join(images, "legs.png"), picture(400, 300));
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(file, `${await readFile(file, "utf8")}\n![Legs in compression stockings](/images/legs.png)\n`);
  const dev = await devServer(t, site);
  const printed = async () => {
    const out = path.join(site.root, "live.pdf");
    await writeFile(out, Buffer.from(await (await dev.get("/brochures/sclerotherapy.pdf")).arrayBuffer()));
    return (await pdfImages(out)).map((image) => `${image.width}x${image.height}`);
  };
  t.true((await printed()).includes("400x300"));
  const reloaded = dev.events.next("reload");
  await writeFile(path.join(images, "legs.png"), picture(200, 600));
  await reloaded;
  // The printer's tab had the old picture in Chromium's cache, at the same address.
  const now = await printed();
  t.true(now.includes("200x600") && !now.includes("400x300"), now.join(", "));
});

test.serial("the dev server does not serve files outside the site, however the path is written", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  for (const trick of [
    "/../content/_data/clinic.yaml",
    "/%2e%2e/content/_data/clinic.yaml",
    "/%2e%2e%2fcontent%2f_data%2fclinic.yaml",
    "/..%2f..%2fetc%2fpasswd",
    "/%2e%2e%2f%2e%2e%2fetc/passwd",
  ]) {
    const response = await dev.get(trick);
    t.not(response.status, 200, trick);
    // The raw files' own lines, not the clinic's name on the site's 404 page.
    t.notRegex(await response.text(), /^name: Fixture Vein Clinic$|^root:/m, trick);
  }
  // Read as the start of a host by new URL(path, base): a 500 with a raw "TypeError: Invalid URL", or host "etc".
  for (const trick of ["//", "//etc/passwd"]) {
    const response = await dev.get(trick);
    t.true(response.status < 500, `${trick}: ${response.status}`);
    t.notRegex(await response.text(), /TypeError|^root:/m, trick);
  }
});

test.serial("in a real browser, a content error appears over the page and the page reloads by itself once fixed", async (t) => {
  const { site, page } = await browsing(t, "/procedures/sclerotherapy/");
  await page.waitForFunction(() => document.readyState === "complete");

  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const original = await readFile(file, "utf8");
  await writeFile(file, original.replace("lastReviewed: 2026-10-01", "lastReviewed: 2026-13-01"));
  const overlay = await page.waitForSelector("#pamphlet-problems", { timeout: 20_000 });
  t.regex((await overlay!.evaluate((element) => element.textContent)) ?? "", /lastReviewed.*2026-13-01/);

  await writeFile(file, original.replace("Call us if your leg swells", "Call us soon if your leg swells"));
  await page.waitForFunction(() => document.body.textContent!.includes("Call us soon"), { timeout: 20_000 });
  t.is(await page.$("#pamphlet-problems"), null);
});

test.serial("in a real browser, what check says of a guide is shown on its page and print view, and goes once fixed", async (t) => {
  const { site, dev, page } = await browsing(t, "/procedures/sclerotherapy/");
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const original = await readFile(file, "utf8");
  await writeFile(file, original.replace("The vein closes and fades.", "The vein closes and fades, guaranteed."));
  const notes = () => page.$eval("#pamphlet-notes", (panel) => panel.textContent ?? "").catch(() => "");
  await page.waitForFunction(() => document.querySelector("#pamphlet-notes")?.textContent?.includes("guaranteed"), { timeout: 20_000 });
  t.regex(await notes(), /notes? from npm run check on this guide \(1 to fix before publishing\)/);
  t.regex(await notes(), /sclerotherapy\.md:\d+:\d+ {2}error {2}"guaranteed" is an absolute or risky claim/);
  t.false(await page.$eval("#pamphlet-notes", (panel) => (panel as HTMLDetailsElement).open), "closed until the writer opens it");
  // Asked for once the page has loaded: working them out must not hold up the page's images and fonts.
  const asked = await page.evaluate(() => ({
    loaded: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart,
    notes: performance.getEntriesByType("resource").find((entry) => entry.name.includes("/__pamphlet/notes"))?.startTime ?? -1,
  }));
  t.true(asked.notes >= asked.loaded, `notes asked for at ${asked.notes} ms, the page loaded at ${asked.loaded} ms`);
  const other = await page.browser().newPage();
  await other.goto(`${dev.origin}/print/sclerotherapy/`);
  await other.waitForSelector("#pamphlet-notes", { timeout: 20_000 });
  t.regex(await other.$eval("#pamphlet-notes", (panel) => panel.textContent ?? ""), /"guaranteed"/, "the print view shows the same notes");
  await other.goto(`${dev.origin}/procedures/compression-therapy/`);
  await other.waitForFunction(() => document.readyState === "complete");
  t.notRegex(await other.$eval("body", (body) => body.textContent ?? ""), /"guaranteed"/, "another guide's page shows only its own notes");

  await writeFile(file, original);
  await page.waitForFunction(() => !document.querySelector("#pamphlet-notes")?.textContent?.includes("guaranteed"), { timeout: 20_000 });
  t.notRegex(await notes(), /guaranteed/);
});

test.serial("in a real browser, the dev print view shows the brochure as printed pages at true size", async (t) => {
  const { page } = await browsing(t, "/print/sclerotherapy/");
  await previewDrawn(page);
  const canvases = await page.$$eval("#pamphlet-pages canvas", (elements) => elements.map((canvas) => canvas.getBoundingClientRect().width));
  t.true(canvases.length >= 1);
  for (const width of canvases) t.is(Math.round(width), 816, "letter is 8.5 in = 816 CSS px wide");
  await page.click('[role="toolbar"] button:nth-of-type(2)');
  t.true(await page.$eval(".cover", (element) => element.getBoundingClientRect().height > 0), "HTML view is one click away");
});

test.serial("the tri-fold's coloured cover renders in pdf.js too (Firefox's PDF viewer), not only in poppler", async (t) => {
  const { page } = await browsing(t, "/print/sclerotherapy/trifold/");
  await previewDrawn(page);
  const pixel = await page.$eval("#pamphlet-pages canvas", (canvas) => {
    const context = (canvas as HTMLCanvasElement).getContext("2d")!;
    const { width, height } = canvas as HTMLCanvasElement;
    return [...context.getImageData(Math.round(width * 0.9), Math.round(height * 0.3), 1, 1).data];
  });
  t.deepEqual(pixel.slice(0, 3), [0x1d, 0x4e, 0x89], "the fixture's brand blue (#1d4e89) on the front cover");
});

test.serial("under 50 rapid saves the dev server keeps answering and ends in the state of the last save", async (t) => {
  const site = await fixtureSite(t);
  const dev = await devServer(t, site);
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const original = await readFile(file, "utf8");
  let answering = true;
  const failures: string[] = [];
  const poller = (async () => {
    while (answering) {
      const response = await dev.get("/procedures/sclerotherapy/").catch((error: Error) => ({ status: 0, statusText: error.message }));
      if (response.status !== 200) failures.push(`${response.status} ${response.statusText}`);
    }
  })();
  for (let save = 1; save <= 50; save++) {
    await writeFile(file, original.replace("The vein closes and fades.", `The vein closes and fades (save ${save}).`));
    // Not a wait for anything: 15 ms apart, as an editor saving in a hurry, so the saves land while
    // rebuilds run (and the watcher sees many changes, not one).
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  await dev.untilPage("/procedures/sclerotherapy/", /\(save 50\)/);
  answering = false;
  await poller;
  t.deepEqual(failures, [], "every request during the saves was answered");
  t.regex(await (await dev.get("/print/sclerotherapy/")).text(), /\(save 50\)/);
});

test.serial("a dev port already in use is named, with what to do", async (t) => {
  const site = await fixtureSite(t);
  const first = await devServer(t, site);
  const port = Number(new URL(first.origin).port);
  const error = await t.throwsAsync(startDevServer({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site-2"), port }));
  t.is(error!.message, `Port ${port} is already in use: stop the other server, or pick another port with --port.`);
});
