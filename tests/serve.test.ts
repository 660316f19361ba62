import net from "node:net";
import path from "node:path";
import test from "ava";
import { readHostRules } from "../src/serve/hostRules.ts";
import { runPamphlet, siteArgs, startPamphlet } from "./helpers/cli.ts";
import { pageWithDownloads } from "./helpers/downloads.ts";
import { until } from "./helpers/until.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfInfo, pdfText } from "./helpers/pdf.ts";

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Starts `pamphlet serve` and resolves with its address once it says it is serving. */
async function serve(t: import("ava").ExecutionContext, args: string[]): Promise<string> {
  const port = await freePort();
  const run = startPamphlet(["serve", "--port", String(port), ...args]);
  t.teardown(async () => void (await run.stop()));
  return (await run.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/\S*)/))[1]!;
}

test("pamphlet serve answers as the static host: _headers, 404 pages and the visit pack in Chromium", async (t) => {
  t.timeout(8 * 60_000);
  const site = await fixtureSite(t);
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);
  const url = await serve(t, ["--out", site.outDir]);
  t.regex(url, /^http:\/\/127\.0\.0\.1:\d+\/$/, "loopback only");

  const home = await fetch(url);
  t.is(home.status, 200);
  t.regex(home.headers.get("content-security-policy") ?? "", /default-src 'self'/, "the site-wide headers of _headers");
  t.is((await fetch(`${url}print-centre/`)).headers.get("x-robots-tag"), "noindex", "a path's own headers");
  const missing = await fetch(`${url}no-such-page/`);
  t.is(missing.status, 404);
  t.regex(await missing.text(), /Page not found/, "the site's 404 page");
  // Read as the start of a host by new URL(path, base), "//" threw in the handler and ended pamphlet serve.
  for (const target of ["//", "//etc/passwd"]) t.true((await fetch(`${url.slice(0, -1)}${target}`)).status < 500, target);
  t.is((await fetch(url)).status, 200, "still serving");

  const { page, downloaded } = await pageWithDownloads(t);
  await page.goto(`${url}print-centre/`, { waitUntil: "load" });
  await page.waitForSelector("[data-visit-pack]:not([hidden])");
  await page.click("#pack-sclerotherapy");
  await page.click("[data-pack-button]");
  await page.waitForFunction(() => document.querySelector("[data-pack-status] a[download]"), { timeout: 60_000 });
  const file = await downloaded("visit-pack.pdf");
  const pages = Number((await pdfInfo(file)).Pages);
  const brochurePages = Number((await pdfInfo(path.join(site.brochuresDir, "sclerotherapy.pdf"))).Pages);
  t.true(pages > brochurePages, "a cover, then the guide");
  t.regex(await pdfText(file), /Your visit pack[\s\S]*Inside this pack/);
});

test("pamphlet serve publishes under the site's folder, and says when there is nothing built", async (t) => {
  const site = await fixtureSite(t);
  const exposed = await runPamphlet(["serve", "--host", "0.0.0.0", "--out", site.outDir]);
  t.is(exposed.code, 2, "an init option is refused, not silently ignored");
  t.regex(exposed.stderr, /--host is an option of init, not of serve \(serve listens on 127\.0\.0\.1 only/);
  const none = await runPamphlet(["serve", "--out", site.outDir]);
  t.is(none.code, 1);
  t.regex(none.stderr, /There is no built site in .*: run `npx pamphlet build --out .*` first/);
  const build = await runPamphlet(["build", "--formats", "letter", "--base-path", "/clinic/", ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);
  const url = await serve(t, ["--out", site.outDir]);
  t.regex(url, /\/clinic\/$/);
  const origin = new URL(url).origin;
  t.is((await fetch(`${origin}/`, { redirect: "manual" })).headers.get("location"), "/clinic/");
  t.is((await fetch(url)).status, 200);
  t.is((await fetch(`${origin}/elsewhere/`)).status, 404);
});

test("host rules read _headers and _redirects as Netlify does: every matching block, the first redirect", async (t) => {
  const site = await fixtureSite(t);
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(site.siteDir, { recursive: true });
  await writeFile(path.join(site.siteDir, "_headers"), "/*\n  X-One: 1\n/es/*\n  X-Two: 2\n");
  await writeFile(path.join(site.siteDir, "_redirects"), "# a comment\n/es/*  /es/404.html  404\n/old  /new  301\n");
  const rules = await readHostRules(site.siteDir);
  t.deepEqual(rules.headersFor("/es/x/"), { "X-One": "1", "X-Two": "2" });
  t.deepEqual(rules.headersFor("/x/"), { "X-One": "1" });
  t.deepEqual(rules.redirectFor("/es/gone/"), { to: "/es/404.html", status: 404 });
  t.deepEqual(rules.redirectFor("/old"), { to: "/new", status: 301 });
  t.is(rules.redirectFor("/other"), undefined);
});

test("pamphlet serve answers only to this computer's names, and closes a file its client abandons", async (t) => {
  const site = await fixtureSite(t);
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(site.siteDir, { recursive: true });
  await writeFile(path.join(site.siteDir, "index.html"), "<!doctype html><title>x</title>");
  await writeFile(path.join(site.siteDir, "big.bin"), Buffer.alloc(32 * 1024 * 1024));
  const { startStaticHost } = await import("../src/serve/staticHost.ts");
  const host = await startStaticHost(site.siteDir, { port: 0 });
  t.teardown(() => host.close());
  const { request } = await import("node:http");
  const status = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) =>
      request(host.url, { headers }, (response) => (response.resume(), resolve(response.statusCode ?? 0)))
        .on("error", reject)
        .end(),
    );
  t.is(await status({ host: "evil.example" }), 403, "a rebinding page's Host is refused");
  t.is(await status({}), 200);
  const { readdirSync, readlinkSync } = await import("node:fs");
  const openBig = () =>
    readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).endsWith("big.bin");
      } catch {
        return false;
      }
    }).length;
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => {
      const abandoned = request(`${host.url}big.bin`, (response) => response.once("data", () => (abandoned.destroy(), resolve())));
      abandoned.on("error", () => resolve()).end();
    });
  }
  t.true(await until(() => openBig() === 0, 30_000), "every abandoned download's file is closed");
});
