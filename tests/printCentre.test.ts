import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { pageWithDownloads } from "./helpers/downloads.ts";
import { fixtureSite, procedureText, writeProcedure, type FixtureSite } from "./helpers/fixtures.ts";
import { loadContentOrThrow } from "../src/content/load.ts";
import { writePrintCentre } from "../src/publish/printCentre.ts";
import type { PrintCentreList, PublishedBrochure } from "../src/site/printCentreList.ts";
import { pdfInfo, pdfText } from "./helpers/pdf.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

const built = (t: import("ava").ExecutionContext, ...extra: string[]): Promise<FixtureSite> => builtSite(t, ["--formats", "letter,large", ...extra]);

/** Checks a visit pack: cover, then each guide on an odd page after blank fillers. */
async function checkPack(t: import("ava").ExecutionContext, file: string, guides: Array<{ title: string; pdf: string }>) {
  const pageCounts = await Promise.all(guides.map(async (guide) => Number((await pdfInfo(guide.pdf)).Pages)));
  let expected = 1;
  const starts: number[] = [];
  for (const count of pageCounts) {
    if (expected % 2 === 1) expected++;
    starts.push(expected + 1);
    expected += count;
  }
  t.is(Number((await pdfInfo(file)).Pages), expected, "cover + brochures + blank pages");
  const pages = (await pdfText(file)).split("\f");
  t.regex(pages[0]!, /Your visit pack[\s\S]*Inside this pack/);
  for (const [index, guide] of guides.entries()) {
    t.true(pages[0]!.includes(guide.title), `the cover lists ${guide.title}`);
    t.is(starts[index]! % 2, 1, `${guide.title} starts on an odd page`);
    t.regex(pages[starts[index]! - 1]!, new RegExp(`\\n${guide.title}\\n`), `${guide.title} starts on page ${starts[index]}`);
    if (pages[starts[index]! - 2]!.trim() === "") t.pass("a blank page before it");
  }
}

test("in Chromium, the print centre makes a visit pack from two ticked guides", async (t) => {
  const site = await built(t);
  const server = await startSiteServer(site.siteDir);
  t.teardown(() => server.close());
  const { browser, page, downloaded } = await pageWithDownloads(t);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${server.origin}/print-centre/`, { waitUntil: "load" });
  await page.waitForSelector("[data-visit-pack]:not([hidden])");
  t.regex(await page.$eval(".lead", (lead) => (lead as HTMLElement).innerText), /Tick the guides a patient needs/);
  await page.click("#pack-sclerotherapy");
  await page.click("#pack-compression-therapy");
  await page.focus("[data-pack-button]");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("[data-pack-status] a[download]"), { timeout: 30_000 });
  t.true(await page.evaluate(() => document.activeElement?.matches("[data-pack-button]")), "keyboard focus stays on the button while it works");
  const file = await downloaded("visit-pack.pdf");
  // In the order the print centre lists them.
  await checkPack(t, file, [
    { title: "Compression therapy", pdf: path.join(site.brochuresDir, "compression-therapy.pdf") },
    { title: "Sclerotherapy", pdf: path.join(site.brochuresDir, "sclerotherapy.pdf") },
  ]);
  t.deepEqual(
    requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith("blob:")),
    [],
    "nothing leaves the site",
  );

  // Without JavaScript there is no pack to make: the page does not tell staff to tick boxes it does not show.
  const plain = await browser.newPage();
  await plain.setJavaScriptEnabled(false);
  await plain.goto(`${server.origin}/print-centre/`, { waitUntil: "load" });
  const intro = await plain.$eval(".lead", (lead) => (lead as HTMLElement).innerText);
  t.regex(intro, /^Every brochure published with this site, ready to print\.\s*$/);
  t.is(await plain.$$eval("input[type=checkbox]", (boxes) => boxes.filter((box) => (box as HTMLElement).offsetParent !== null).length), 0);
});

test("a print centre left open across a rebuild makes its pack with the clinic's details as now published, not as when it was opened", async (t) => {
  const site = await built(t);
  // Files read on every request, as a host serves what was published last.
  const server = await startSiteServer(site.siteDir, { live: true });
  t.teardown(() => server.close());
  const { page, downloaded } = await pageWithDownloads(t);
  await page.goto(`${server.origin}/print-centre/`, { waitUntil: "load" });
  await page.waitForSelector("[data-visit-pack]:not([hidden])");
  // The clinic's number changes, and the site is rebuilt, while the front desk's tab stays open.
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  const clinicText = await readFile(clinicFile, "utf8");
  const oldPhone = /^phone: "?([^"\n]+)"?$/m.exec(clinicText)![1]!;
  await writeFile(clinicFile, clinicText.replace(oldPhone, "(555) 010-0177"));
  t.is((await runPamphlet(["build", "--formats", "letter,large", ...siteArgs(site)])).code, 0);
  await page.click("#pack-sclerotherapy");
  await page.click("[data-pack-button]");
  await page.waitForFunction(() => document.querySelector("[data-pack-status] a[download]"), { timeout: 30_000 });
  const cover = (await pdfText(await downloaded("visit-pack.pdf"))).split("\f")[0]!;
  t.true(cover.includes("(555) 010-0177"), cover);
  t.false(cover.includes(oldPhone), "the old number is gone from the cover");
});

test("pamphlet pack makes the same structure from the command line", async (t) => {
  const site = await built(t);
  const out = path.join(site.root, "pack.pdf");
  const run = await runPamphlet([
    "pack",
    "sclerotherapy",
    "compression-therapy",
    "--format",
    "large",
    "--content",
    site.contentDir,
    "--from",
    site.outDir,
    "--out",
    out,
  ]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /Visit pack: .*pack\.pdf \(\d+ pages; guides start on pages \d+, \d+\)/);
  await checkPack(t, out, [
    { title: "Sclerotherapy", pdf: path.join(site.brochuresDir, "sclerotherapy.large.pdf") },
    { title: "Compression therapy", pdf: path.join(site.brochuresDir, "compression-therapy.large.pdf") },
  ]);
  // Without --content, pack reads the content the build in --from was made from (not ./content).
  const one = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", out]);
  t.is(one.code, 0, one.stderr);
  t.regex(one.stdout, /\(\d+ pages; the guide starts on page 3\)/);
  const missing = await runPamphlet(["pack", "sclerotherapy", "--format", "a4", "--from", site.outDir, "--out", out]);
  t.is(missing.code, 1);
  t.regex(
    missing.stderr,
    joinedRegExp(
      /have not been made yet: .*sclerotherapy\.a4\.pdf\. Print them \(this adds them; the other published brochures stay\): /,
      /npx pamphlet brochures --formats a4 --out \S+/,
    ),
  );
  const overwrite = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", path.join(site.brochuresDir, "sclerotherapy.pdf")]);
  t.is(overwrite.code, 2);
  t.regex(overwrite.stderr, /--out .+sclerotherapy\.pdf is inside .+brochures, which the build writes and publishes/);
  // The output folder itself: it holds what the build writes, it is not inside it.
  const over = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", site.outDir]);
  t.is(over.code, 2);
  t.regex(over.stderr, /--out \S+ is a folder that holds \S+, which the build writes and publishes: write the file somewhere else/);
  // Nothing built yet: build, not `brochures` (which would only say the same).
  const unbuilt = await runPamphlet(["pack", "sclerotherapy", "--content", site.contentDir, "--from", path.join(site.root, "never-built"), "--out", out]);
  t.is(unbuilt.code, 1);
  t.regex(
    unbuilt.stderr,
    /There is no built site in \S+never-built\/site, so no brochures yet: run `npx pamphlet build --content \S+ --out \S+never-built` first\./,
  );
  // The content folder the build used has moved: said, not silently replaced by ./content.
  await rename(site.contentDir, `${site.contentDir}-moved`);
  const moved = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", out]);
  t.is(moved.code, 2);
  t.regex(moved.stderr, /was built from the content in .+, which is not there any more: give its new place with --content/);
  t.is((await runPamphlet(["pack", "sclerotherapy", "--content", `${site.contentDir}-moved`, "--from", site.outDir, "--out", out])).code, 0);
  await rename(`${site.contentDir}-moved`, site.contentDir);
  const other = await runPamphlet(["pack", "sclerotherapy", "--content", path.join(site.root, "elsewhere"), "--from", site.outDir, "--out", out]);
  t.is(other.code, 2);
  t.regex(other.stderr, /was built from the content in .+, not .+elsewhere: leave out --content, or build again with the new one/);
});

test("pamphlet pack: a guide named twice is in the pack once, said so; the content's warnings are not the front desk's", async (t) => {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  // Published in Spanish with no Spanish guides: warnings for the writer, in every build.
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.regex(build.stderr, / {2}warning {2}/, "the build says the warnings");
  const pack = (file: string, ...slugs: string[]) => runPamphlet(["pack", ...slugs, "--from", site.outDir, "--content", site.contentDir, "--out", file]);
  const twice = await pack(path.join(site.root, "twice.pdf"), "sclerotherapy", "sclerotherapy");
  t.is(twice.code, 0, twice.stderr);
  t.regex(twice.stderr, /sclerotherapy named more than once: in the pack once\./);
  t.notRegex(twice.stderr, / {2}warning {2}/);
  t.is((await pack(path.join(site.root, "once.pdf"), "sclerotherapy")).code, 0);
  t.is((await pdfInfo(path.join(site.root, "twice.pdf"))).Pages, (await pdfInfo(path.join(site.root, "once.pdf"))).Pages);
});

test("the print centre lists exactly the brochures that exist, and updates when a procedure is added", async (t) => {
  const site = await built(t);
  const listed = async () => {
    const html = await readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8");
    return [...html.matchAll(/<a href="\/(brochures\/[^"]+\.pdf)"/g)].map((match) => match[1]!).sort();
  };
  const onDisk = async () =>
    (await readdir(path.join(site.siteDir, "brochures")))
      .filter((name) => name.endsWith(".pdf"))
      .map((name) => `brochures/${name}`)
      .sort();
  t.deepEqual(await listed(), await onDisk());
  t.is((await listed()).length, 4);
  const html = await readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8");
  t.regex(
    html,
    /Sclerotherapy<\/th>\s*<td class="print-centre__reviewed">October 1, 2026<\/td>[\s\S]*?Letter<\/a>\s*<span class="files__facts">\d+ pages, \d+ KB<\/span>/,
  );

  await writeProcedure(site, "vein-glue", procedureText({ title: "Vein glue" }));
  t.is((await runPamphlet(["build", "--formats", "letter,large", ...siteArgs(site)])).code, 0);
  t.deepEqual(await listed(), await onDisk());
  t.true((await listed()).includes("brochures/vein-glue.large.pdf"));

  // A build interrupted after the new site was swapped in leaves no print centre: the next build makes it again.
  await rm(path.join(site.siteDir, "print-centre"), { recursive: true });
  t.is((await runPamphlet(["build", "--formats", "letter,large", ...siteArgs(site)])).code, 0);
  t.deepEqual(await listed(), await onDisk());
});

test("after `brochures` printed other formats, the next build lists only what it published: no link to a brochure it took off", async (t) => {
  const site = await built(t);
  const listed = async () =>
    [...(await readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8")).matchAll(/<a href="\/(brochures\/[^"]+\.pdf)"/g)]
      .map((match) => match[1]!)
      .sort();
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  const letterOnly = await listed();
  t.is((await runPamphlet(["brochures", "--formats", "large", ...siteArgs(site)])).code, 0);
  t.true(
    (await listed()).some((pdf) => pdf.endsWith(".large.pdf")),
    "brochures adds its files to the print centre",
  );
  // A whole build publishes exactly what it printed: the large-print files go, and so do their links.
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  t.deepEqual(await listed(), letterOnly);
  for (const pdf of await listed()) t.true(existsSync(path.join(site.siteDir, pdf)), `${pdf} is published`);
});

test("the print centre lists each language's booklet, and says how to print tri-folds, while a build publishes them", async (t) => {
  const site = await built(t, "--formats", "letter,trifold,booklet");
  const html = async () => readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8");
  t.regex(
    await html(),
    joinedRegExp(
      /All guides in one booklet[\s\S]*?<a href="\/brochures\/booklet\.pdf" type="application\/pdf">Booklet \(every guide\)<\/a>/,
      /\s*<span class="files__facts">\d+ pages, \d+ KB<\/span>/,
    ),
  );
  t.regex(await html(), /Tri-folds: print on both sides and choose “flip on short edge”/);
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  t.notRegex(await html(), /booklet\.pdf|All guides in one booklet|Tri-folds:/);
});

test("published under /clinic/, the site, its brochures and the print centre have no broken internal link", async (t) => {
  const site = await built(t, "--base-path", "/clinic/");
  const server = await startSiteServer(site.siteDir, { basePath: "/clinic/" });
  t.teardown(() => server.close());
  const seen = new Set<string>();
  const queue = ["/clinic/"];
  const broken: string[] = [];
  const outside: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await fetch(`${server.origin}${url}`);
    if (response.status !== 200) {
      broken.push(`${response.status} ${url}`);
      continue;
    }
    if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
    const html = await response.text();
    for (const match of html.matchAll(/(?:href|src)="([^"#]+)|srcset="([^"]+)"/g)) {
      for (const link of (
        match[1] ??
        match[2]!
          .split(",")
          .map((part) => part.trim().split(" ")[0]!)
          .join("\n")
      ).split("\n")) {
        if (!link.startsWith("/")) continue;
        if (!link.startsWith("/clinic/")) outside.push(`${url} → ${link}`);
        else queue.push(link);
      }
    }
  }
  t.deepEqual(broken, []);
  t.deepEqual(outside, []);
  t.true(seen.has("/clinic/print-centre/"));
  t.true(
    [...seen].some((url) => url.endsWith(".pdf")),
    "PDF links were followed",
  );
  t.true(seen.size > 15, `${seen.size} URLs crawled`);
  const sitemap = await readFile(path.join(site.siteDir, "sitemap.xml"), "utf8");
  t.regex(sitemap, /<loc>https:\/\/fixture\.example\.org\/clinic\/procedures\/sclerotherapy\/<\/loc>/);
  const qr = await pdfText(path.join(site.brochuresDir, "sclerotherapy.pdf"));
  t.regex(qr, /https:\/\/fixture\.example\.org\/clinic\/procedures\/sclerotherapy\//);
});

test("after a build under /clinic/, `brochures` prints for that site without --base-path, and refuses another", async (t) => {
  const site = await built(t, "--base-path", "/clinic/");
  const again = await runPamphlet(["brochures", "sclerotherapy", "--formats", "letter", "--force", ...siteArgs(site)]);
  t.is(again.code, 0, again.stderr);
  t.regex(again.stdout, /Brochures: 1 made, 0 skipped \(unchanged\), 0 failed/);
  t.regex(await pdfText(path.join(site.brochuresDir, "sclerotherapy.pdf")), /https:\/\/fixture\.example\.org\/clinic\/procedures\/sclerotherapy\//);
  const other = await runPamphlet(["brochures", "--base-path", "/elsewhere", ...siteArgs(site)]);
  t.is(other.code, 2);
  t.true(other.stderr.includes(`The site in ${site.siteDir} was built to be published under /clinic/, not /elsewhere/`), other.stderr);
});

test("the print centre says '1 page' for a one-page sheet or booklet, and '4 pages' for more", async (t) => {
  const site = await fixtureSite(t);
  const content = await loadContentOrThrow(site.contentDir);
  const brochure = (format: PublishedBrochure["format"], pages: number) => ({ format, path: `brochures/sclerotherapy.${format}.pdf`, pages, kilobytes: 30 });
  const entries: PrintCentreList = {
    procedures: [
      { slug: "sclerotherapy", lang: "en", title: "Sclerotherapy", lastReviewed: "2026-10-01", brochures: [brochure("letter", 4), brochure("aftercare", 1)] },
    ],
    booklets: [{ ...brochure("booklet", 1), lang: "en" }],
  };
  await writePrintCentre({ content, contentDir: site.contentDir, siteDir: site.siteDir, basePath: "/", entries });
  const facts = [...(await readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8")).matchAll(/class="files__facts">([^<]*)</g)].map(
    (match) => match[1],
  );
  t.deepEqual(facts, ["4 pages, 30 KB", "1 page, 30 KB", "1 page, 30 KB"]);
});
