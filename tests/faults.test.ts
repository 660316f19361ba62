import { existsSync, readdirSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import test from "ava";
import { BrochurePrinter } from "../src/brochures/printer.ts";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs, startPamphlet } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfInfo } from "./helpers/pdf.ts";
import { chromiumOf, isAlive } from "./helpers/processes.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";
import { until } from "./helpers/until.ts";

const leftovers = async (dir: string) => (await readdir(dir, { recursive: true })).filter((name) => /\.tmp$|staging-|previous-/.test(name));

test.serial("Chromium killed mid-run: the run starts it again and finishes; every PDF is whole", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"], "bigger");
  const run = startPamphlet(["brochures", "--force", "--formats", "letter,large", ...siteArgs(site)]);
  await run.waitFor(/\[\s*2\/\d+\]/);
  const browsers = chromiumOf(run.child.pid!);
  t.true(browsers.length > 0, "Chromium was running");
  for (const pid of browsers) process.kill(pid, "SIGKILL");
  const code = await run.exited;
  t.is(code, 0, run.output());
  t.regex(run.output(), /Brochures: 20 made, 0 skipped \(unchanged\), 0 failed/);
  for (const name of (await readdir(site.brochuresDir)).filter((file) => file.endsWith(".pdf"))) {
    t.regex((await pdfInfo(path.join(site.brochuresDir, name))).Pages ?? "", /^\d+$/, `${name} parses`);
  }
  t.deepEqual(await leftovers(site.outDir), []);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  test.serial(`${signal} mid-run: no temporary files, the browser is gone, earlier PDFs are intact`, async (t) => {
    const site = await builtSite(t, ["--formats", "letter"], "bigger");
    const before = await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf"));
    const run = startPamphlet(["brochures", "--force", "--formats", "letter,large", ...siteArgs(site)]);
    await run.waitFor(/\[\s*1\/\d+\]/);
    const browsers = chromiumOf(run.child.pid!);
    t.true(browsers.length > 0);
    run.child.kill(signal);
    const code = await run.exited;
    t.is(code, signal === "SIGINT" ? 130 : 143, run.output());
    t.notRegex(run.output(), /failed: /, "the brochures cut short are not listed as failures: the signal said why the run ends");
    t.deepEqual(browsers.filter(isAlive), [], "no Chromium process left behind");
    t.deepEqual(await leftovers(site.outDir), []);
    const after = await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf"));
    t.true(
      after.equals(before) || (await pdfInfo(path.join(site.brochuresDir, "sclerotherapy.pdf"))).Pages !== undefined,
      "the PDF is the old one or a whole new one",
    );
    for (const name of (await readdir(site.brochuresDir)).filter((file) => file.endsWith(".pdf"))) {
      t.truthy((await pdfInfo(path.join(site.brochuresDir, name))).Pages, `${name} parses`);
    }
  });
}

test.serial(
  "Ctrl-C while the site is being built (Pagefind's process gets it too): ended by the signal, the site and what it was built with kept",
  async (t) => {
    const site = await builtSite(t, ["--formats", "letter", "--base-path", "/clinic/"], "bigger");
    const built = { fingerprint: await readFile(`${site.siteDir}.fingerprint`, "utf8"), home: await readFile(path.join(site.siteDir, "index.html"), "utf8") };
    const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
    await writeFile(guide, (await readFile(guide, "utf8")).replace("The vein closes and fades.", "The vein closes and slowly fades."));
    const run = startPamphlet(["build", "--formats", "letter", "--base-path", "/clinic/", ...siteArgs(site)], { ownGroup: true });
    // Pages are being written into the new site, and handed to Pagefind.
    const rendering = () => readdirSync(site.outDir).some((name) => name.startsWith("site.staging-") && existsSync(path.join(site.outDir, name, "procedures")));
    t.true(await until(rendering, 60_000, { everyMs: 5 }), run.output());
    process.kill(-run.child.pid!, "SIGINT");
    t.is(await run.exited, 130, run.output());
    t.regex(run.output(), /Stopping \(SIGINT\)…\nStopped before the new files were put in \S+\/site: what was there is unchanged\.\n$/);
    t.notRegex(run.output(), /\n\s+at |Pagefind backend closed|Node\.js v\d/, "no crash, no stack trace");
    t.deepEqual(await leftovers(site.outDir), []);
    t.is(await readFile(path.join(site.siteDir, "index.html"), "utf8"), built.home, "the site in place is the one built before");
    t.is(await readFile(`${site.siteDir}.fingerprint`, "utf8"), built.fingerprint, "and still known for what it is");
    // So `brochures` still prints for it, under /clinic/.
    const reprint = await runPamphlet(["brochures", "sclerotherapy", "--force", "--formats", "letter", ...siteArgs(site)]);
    t.is(reprint.code, 0, reprint.output);
  },
);

test.serial("a search indexer (Pagefind) that cannot run fails the build saying why, not with a stack trace", async (t) => {
  const site = await fixtureSite(t);
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { env: { PAGEFIND_BINARY_PATH: path.join(site.root, "no-pagefind") } });
  t.is(run.code, 1, run.output);
  t.regex(run.stderr, /Could not start the search indexer \(Pagefind\): spawn \S+no-pagefind ENOENT\.\n$/);
  t.notRegex(run.output, /\n\s+at |Service stopped/);
  t.deepEqual(await leftovers(site.root), []);
});

test.serial("an image or font that never finishes loading times out naming the page and the resource", async (t) => {
  const pages: Record<string, string> = {
    "/image/": '<!doctype html><title>x</title><p>Text</p><img src="/never.png" alt="x">',
    "/font/": "<!doctype html><title>x</title><style>@font-face { font-family: Slow; src: url(/never.woff2); } p { font-family: Slow; }</style><p>Text</p>",
  };
  const server = http.createServer((request, response) => {
    const html = pages[request.url ?? ""];
    if (html) response.writeHead(200, { "content-type": "text/html" }).end(html);
    // /never.png and /never.woff2: no answer, ever.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  const printer = new BrochurePrinter({ origin, tabs: 1, timeoutMs: 2000 });
  t.teardown(() => printer.close());
  const image = await t.throwsAsync(printer.print({ url: `${origin}/image/` }));
  t.regex(image!.message, /timed out after 2 s loading http:\/\/127\.0\.0\.1:\d+\/image\/; still waiting for http:\/\/127\.0\.0\.1:\d+\/never\.png/);
  const font = await t.throwsAsync(printer.print({ url: `${origin}/font/` }));
  t.regex(
    font!.message,
    joinedRegExp(
      /timed out after 2 s (loading|waiting for fonts and images of) http:\/\/127\.0\.0\.1:\d+\/font\/; /,
      /still waiting for http:\/\/127\.0\.0\.1:\d+\/never\.woff2/,
    ),
  );
});

test.serial("a font or page stylesheet that fails to load fails that brochure by name; it never prints in a fallback typeface or unstyled", async (t) => {
  const site = await fixtureSite(t);
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  const css = path.join(site.siteDir, "css", "fonts.css");
  const fonts = await readFile(css, "utf8");
  await writeFile(css, fonts.replace("latin-700-normal.woff2", "missing.woff2"));
  const before = await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf"));
  const run = await runPamphlet(["brochures", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 1);
  t.regex(
    run.stderr,
    /sclerotherapy\.pdf {2}failed: font\(s\) did not load, so the brochure would print in a fallback typeface: Atkinson Hyperlegible Next 700 normal/,
  );
  t.deepEqual(await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf")), before, "the previous good PDF stays");

  await writeFile(css, fonts);
  await rm(path.join(site.siteDir, "css", "page", "letter.en.css"));
  const unstyled = await runPamphlet(["brochures", "--formats", "letter", ...siteArgs(site)]);
  t.is(unstyled.code, 1);
  t.regex(
    unstyled.stderr,
    joinedRegExp(
      /sclerotherapy\.pdf {2}failed: stylesheet\(s\) did not load, so the brochure would print without its paper size, margins or styles: /,
      /\/css\/page\/letter\.en\.css \(answered 404\)\. Build the site again/,
    ),
  );
  t.deepEqual(await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf")), before, "the previous good PDF stays");
});

test.serial("an output folder that cannot be written: a clear error, sources untouched", async (t) => {
  const site = await fixtureSite(t);
  const blocker = path.join(site.root, "not-a-folder");
  await writeFile(blocker, "a file where the output folder should be");
  const sources = await readFile(path.join(site.contentDir, "procedures", "sclerotherapy.md"));
  const run = await runPamphlet(["build", "--content", site.contentDir, "--out", path.join(blocker, "output")]);
  t.is(run.code, 1);
  t.regex(
    run.stderr,
    /Could not write .*not-a-folder.*: a part of the path is a file, not a folder \(ENOTDIR\)\. Check that the output folder \(--out\) is a writable folder/,
  );
  t.notRegex(run.stderr, /\n\s+at /, "no stack trace");
  t.deepEqual(await readFile(path.join(site.contentDir, "procedures", "sclerotherapy.md")), sources);
});
