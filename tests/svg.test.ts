import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import test from "ava";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";

test.serial("an SVG with scripts, event handlers and outside references is published unable to run or fetch anything", async (t) => {
  const spied: string[] = [];
  const spy = http.createServer((request, response) => (spied.push(request.url ?? ""), response.end("")));
  await new Promise<void>((resolve) => spy.listen(0, "127.0.0.1", resolve));
  t.teardown(() => (spy.closeAllConnections(), spy.close()));
  const elsewhere = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;

  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  const hostile =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" ` +
    `width="200" height="100" viewBox="0 0 200 100">
  <script>alert(2)</script>
  <style>@import url(${elsewhere}/import.css); rect { fill: url(${elsewhere}/fill.svg#x) }</style>
  <rect width="200" height="100" fill="#036" role="img" aria-label="A blue box"/>
  <image xlink:href="${elsewhere}/tracker.png" width="10" height="10"/>
  <image href="${elsewhere}/tracker2.png" width="10" height="10"/>
  <use href="${elsewhere}/sprite.svg#icon"/>
  <a href="javascript:alert(3)"><text x="10" y="50" style="background: url(${elsewhere}/style.png)">Click</text></a>
  <foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${elsewhere}/frame"></iframe></foreignObject>
  <set attributeName="onmouseover" to="alert(4)"/>
</svg>`;
  await writeFile(path.join(site.contentDir, "images", "d.svg"), hostile);
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace("## What it is\n", "## What it is\n\n![A blue box.](/images/d.svg)\n"));
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 0, build.stdout + build.stderr);

  const published = ["images/d.svg", ...(await readdir(path.join(site.siteDir, "img"))).filter((name) => name.endsWith(".svg")).map((name) => `img/${name}`)];
  t.true(published.length >= 2, `the original and its web copy: ${published.join(", ")}`);
  for (const file of published) {
    const svg = await readFile(path.join(site.siteDir, file), "utf8");
    t.notRegex(svg, /<script|onload|alert|javascript:|foreignObject|<iframe|@import/i, file);
    t.false(svg.includes(elsewhere), `${file} refers to nothing outside itself`);
    t.regex(svg, /<rect[^>]*fill="#036"/, `${file} still draws the box`);
    t.regex(svg, /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${file} is a standalone SVG`);
  }

  // Opened on its own, as a visitor following a link would: no dialog, no request anywhere.
  const server = await startSiteServer(site.siteDir);
  t.teardown(() => server.close());
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
  for (const file of published) {
    const response = await page.goto(`${server.origin}/${file}`, { waitUntil: "load" });
    t.is(response?.status(), 200);
    t.regex(response?.headers()["content-type"] ?? "", /image\/svg\+xml/);
    t.is(await page.evaluate(() => document.documentElement.localName), "svg", `${file} renders as SVG`);
    await page.mouse.move(50, 50);
  }
  await page.close();
  t.deepEqual(dialogs, [], "no script ran");
  t.deepEqual(spied, [], "nothing was fetched from elsewhere");
});
