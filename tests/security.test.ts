import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import test from "ava";
import { BrochurePrinter } from "../src/brochures/printer.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { startDevServer } from "../src/dev/devServer.ts";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir } from "./helpers/fixtures.ts";

async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => (server.closeAllConnections(), server.close()) };
}

test("printing is default-deny: a remote stylesheet, another origin and a file:// iframe are never fetched", async (t) => {
  const spied: string[] = [];
  const spy = await listen((request, response) => {
    spied.push(request.url ?? "");
    response.end("body { color: red }");
  });
  t.teardown(spy.close);
  const page = `<!doctype html><html lang="en"><title>Probe</title>
    <link rel="stylesheet" href="${spy.origin}/other-origin.css">
    <link rel="stylesheet" href="https://example.com/remote.css">
    <p>Printed text</p>
    <iframe src="file:///etc/passwd"></iframe>
    <iframe src="${spy.origin}/framed"></iframe>`;
  const site = await listen((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(page));
  t.teardown(site.close);
  const printer = new BrochurePrinter({ origin: site.origin, tabs: 1, timeoutMs: 10_000 });
  t.teardown(() => printer.close());
  const printed = await printer.print({ url: `${site.origin}/` });
  t.deepEqual(spied, [], "no request reached another origin");
  t.deepEqual(
    printed.resources.filter((resource) => resource !== "/favicon.ico"),
    ["/"],
    "only the page itself was loaded (and the icon Chromium asks for)",
  );
  const { PDFDocument } = await import("../src/shared/pdfLib.ts");
  t.true((await PDFDocument.load(printed.bytes)).getPageCount() >= 1, "and the page still printed");
  t.false(Buffer.from(printed.bytes).toString("latin1").includes("root:x:0:0"), "nothing of /etc/passwd in the PDF");
});

test("the loopback servers answer only on 127.0.0.1 and serve nothing outside the site", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const server = await startSiteServer(site.siteDir);
  t.teardown(() => server.close());
  const dev = await startDevServer({ contentDir: site.contentDir, siteDir: path.join(site.outDir, "dev-site"), port: 0 });
  t.teardown(() => dev.close());
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
  for (const origin of [server.origin, dev.origin]) {
    const port = new URL(origin).port;
    t.regex(origin, /^http:\/\/127\.0\.0\.1:/);
    if (external) await t.throwsAsync(fetch(`http://${external}:${port}/`), undefined, `not reachable on ${external}`);
    for (const trick of [
      "/..%2f..%2fcontent%2f_data%2fclinic.yaml",
      "/%2e%2e/%2e%2e/content/_data/clinic.yaml",
      "/..\\..\\content\\_data\\clinic.yaml",
      "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "//etc/passwd",
    ]) {
      const response = await fetch(`${origin}${trick}`);
      const body = await response.text();
      t.not(response.status, 200, `${origin}${trick}`);
      t.false(body.includes("Fixture Vein Clinic") && body.includes("siteUrl"), trick);
      t.false(body.includes("root:x:0:0"), trick);
    }
  }
  // DNS rebinding: a page on another domain that resolves to 127.0.0.1 gets nothing from the preview.
  const status = (host: string) =>
    new Promise<number>((resolve, reject) =>
      http.get(`${dev.origin}/`, { headers: { host } }, (response) => (response.resume(), resolve(response.statusCode ?? 0))).on("error", reject),
    );
  t.is(await status("evil.example"), 403);
  t.is(await status(`evil.example:${new URL(dev.origin).port}`), 403);
  t.is(await status(`localhost:${new URL(dev.origin).port}`), 200);
  t.is(await status(new URL(dev.origin).host), 200);
});

test("the built site has no form, no analytics, no third-party request and no inline script", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const files = (await readdir(site.siteDir, { recursive: true })).filter(
    (name) => /\.(html|js|css)$/.test(name) && !name.startsWith("pagefind") && !name.startsWith("js/vendor"),
  );
  t.true(files.length > 20);
  for (const file of files) {
    const text = await readFile(path.join(site.siteDir, file), "utf8");
    t.notRegex(text, /<form\b/i, `${file}: no form`);
    t.notRegex(text, /google-analytics|googletagmanager|gtag\(|plausible|matomo|segment\.com|facebook\.net|hotjar/i, `${file}: no analytics`);
    t.notRegex(
      text,
      /(src|href)="(https?:)?\/\/(?!fixture\.example\.org)[^"]*"(?![^>]*rel="(canonical|alternate)")/i,
      `${file}: nothing loaded from elsewhere`,
    );
    if (file.endsWith(".html")) t.notRegex(text, /<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/, `${file}: no inline script`);
    t.notRegex(text, /\son[a-z]+="/i, `${file}: no inline event handlers`);
  }
});

test("PDF metadata carries no machine path, user name or Chromium user agent", async (t) => {
  const site = await fixtureSite(t);
  t.is((await runPamphlet(["build", "--formats", "letter,trifold,booklet", ...siteArgs(site)])).code, 0);
  const { loadPdf } = await import("../src/shared/pdfLib.ts");
  for (const name of (await readdir(site.brochuresDir)).filter((file) => file.endsWith(".pdf"))) {
    const bytes = await readFile(path.join(site.brochuresDir, name));
    const document = await loadPdf(bytes);
    const fields = [
      document.getTitle(),
      document.getAuthor(),
      document.getSubject(),
      document.getKeywords(),
      document.getCreator(),
      document.getProducer(),
    ].join(" | ");
    t.notRegex(fields, /HeadlessChrome|Chrome\/|Mozilla|Skia|\/tmp\/|\/root|\/home\//, `${name}: ${fields}`);
    t.is(document.getCreator(), "Pamphlet");
    t.false(bytes.toString("latin1").includes(site.root), `${name}: no machine path anywhere in the file`);
    t.false(bytes.toString("latin1").includes(os.userInfo().username === "root" ? "/root/" : os.userInfo().homedir), `${name}: no home folder`);
  }
});

test("files in the content folder never run at build time: no data scripts, no templates, no writes outside --out", async (t) => {
  const site = await fixtureSite(t);
  const markers = await mkdtemp(path.join(os.tmpdir(), "pamphlet-markers-"));
  t.teardown(() => rm(markers, { recursive: true, force: true }));
  const write = (name: string) => `require("node:fs").writeFileSync(${JSON.stringify(path.join(markers, name))}, "ran"); module.exports = {};`;
  await writeFile(path.join(site.contentDir, "_data", "evil.cjs"), write("global-data"));
  await writeFile(path.join(site.contentDir, "content.11tydata.cjs"), write("directory-data"));
  await writeFile(path.join(site.contentDir, "pamphlet-procedure.11tydata.cjs"), write("template-data"));
  await writeFile(
    path.join(site.contentDir, "notes.njk"),
    `---\npermalink: ${path.join(path.relative(site.siteDir, markers), "escaped.html")}\n---\n{{ 7*7 }}`,
  );
  await mkdir(path.join(site.contentDir, "images"));
  await writeFile(path.join(site.contentDir, "images", "page.njk"), "---\npermalink: /sitemap-extra.xml\n---\n<script>alert(1)</script>");
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  t.deepEqual(await readdir(markers), [], "nothing from the content folder ran or was written outside --out");
  const built = await readdir(site.siteDir, { recursive: true });
  t.deepEqual(
    built.filter((name) => /notes|sitemap-extra|\.njk$|\.cjs$/.test(name)),
    [],
  );
});

test("images: a link out of the content folder is an error, and only image files are published; an address cannot climb out of images/", async (t) => {
  const site = await fixtureSite(t);
  const outside = await mkdtemp(path.join(os.tmpdir(), "pamphlet-outside-"));
  t.teardown(() => rm(outside, { recursive: true, force: true }));
  await writeFile(path.join(outside, "secret.png"), "not for the site");
  const images = path.join(site.contentDir, "images");
  await mkdir(path.join(images, "shared"), { recursive: true });
  await copyFile(path.join(fixturesDir, "..", "..", "content", "images", "logo.svg"), path.join(images, "shared", "logo.svg"));
  await symlink("shared/logo.svg", path.join(images, "inside.svg"));
  await writeFile(path.join(images, "notes.txt"), "a writer's notes");
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  const published = (await readdir(path.join(site.siteDir, "images"), { recursive: true, withFileTypes: true })).map(
    (entry) => `${path.relative(path.join(site.siteDir, "images"), path.join(entry.parentPath, entry.name))}${entry.isSymbolicLink() ? " (link)" : ""}`,
  );
  t.deepEqual(published.sort(), ["inside.svg", "shared", "shared/logo.svg"], "a link inside the folder is copied as its file; notes are not published");

  // Links out of images/: to another folder, to a file of the content folder that is not an image
  // (a checkout's .git/config holds a token), into a loop; and images/ itself linked elsewhere.
  await mkdir(path.join(site.contentDir, ".git"));
  await writeFile(path.join(site.contentDir, ".git", "config"), "token");
  await symlink(path.dirname(outside), path.join(images, "tmp"));
  await symlink("../.git/config", path.join(images, "cfg.png"));
  await symlink(".", path.join(images, "shared", "loop"));
  const linked = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(linked.code, 1);
  t.regex(linked.stderr, /images\/tmp:1:1 {2}error {2}is a link to .+, outside the images folder: copy the file into the folder instead/);
  t.regex(linked.stderr, /images\/cfg\.png:1:1 {2}error {2}is a link to .+\.git\/config, outside the images folder/);
  t.regex(linked.stderr, /images\/shared\/loop:1:1 {2}error {2}is a link to .+shared, a folder that holds the link itself/);
  for (const link of ["tmp", "cfg.png", "shared/loop"]) await rm(path.join(images, link));
  await rename(images, path.join(outside, "images"));
  await symlink(path.join(outside, "images"), images);
  const moved = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(moved.code, 1);
  t.regex(moved.stderr, /images:1:1 {2}error {2}is a link to .+, outside the content folder: make it a real folder inside it/);
  await rm(images);
  await rename(path.join(outside, "images"), images);

  const procedure = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await appendFile(
    procedure,
    `\n![A secret](/images/..%2F..%2F..%2F${path.basename(outside)}%2Fsecret.png)\n\n![A pixel](https://tracker.example/pixel.png)\n`,
  );
  const climbed = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(climbed.code, 1);
  t.regex(climbed.stderr, /sclerotherapy\.md:\d+:\d+ {2}error {2}image \/images\/\.\.%2F.+ is not in the images folder/);
  t.regex(climbed.stderr, /sclerotherapy\.md:\d+:\d+ {2}error {2}image https:\/\/tracker\.example\/pixel\.png is on another site/);
});
