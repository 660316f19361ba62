import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { BrochurePrinter } from "../src/brochures/printer.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfText } from "./helpers/pdf.ts";

/** 60 characters, as a clinic in Ancoats might really have. */
const longSiteUrl = "https://www.ancoatsgreatermanchesterveinandskinclinic.co.uk/";

test("a 60-character web address wraps inside the tri-fold's back panel, and every format prints it whole", async (t) => {
  t.is(longSiteUrl.length, 60);
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace(/^siteUrl: .*$/m, `siteUrl: ${longSiteUrl}`));
  const build = await runPamphlet(["build", "--formats", "letter,a4,large,trifold,aftercare,booklet", ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);
  const address = `${longSiteUrl}procedures/sclerotherapy/`;
  // Only the back panel (the middle third of the outside): an address cut at the panel's edge loses its end here.
  const trifold = path.join(site.brochuresDir, "sclerotherapy.trifold.pdf");
  const backPanel = await pdfText(trifold, { page: 1, region: { x: 264, y: 0, width: 264, height: 612 }, layout: false });
  t.true(backPanel.replace(/\s+/g, "").includes(address), `the back panel holds the whole address:\n${backPanel}`);
  for (const name of ["sclerotherapy.pdf", "sclerotherapy.a4.pdf", "sclerotherapy.large.pdf", "sclerotherapy.aftercare.pdf"]) {
    t.true((await pdfText(path.join(site.brochuresDir, name))).replace(/\s+/g, "").includes(address), name);
  }
  t.true((await pdfText(path.join(site.brochuresDir, "booklet.pdf"))).replace(/\s+/g, "").includes(longSiteUrl), "booklet");
});

test("text that runs past the side of its box fails the brochure, naming the box and the text, in every format", async (t) => {
  const site = await fixtureSite(t);
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);
  // (Every format's print view is built whatever --formats says: the dev server prints any.)
  const server = await startSiteServer(site.siteDir);
  t.teardown(() => server.close());
  const printer = new BrochurePrinter({ origin: server.origin, tabs: 1, timeoutMs: 60_000 });
  t.teardown(() => printer.close());
  // A line that may not wrap, longer than any page or panel is wide.
  const css = ".cover__summary { white-space: nowrap; font-size: 3rem !important; }";
  const views = [
    ["letter", "/print/sclerotherapy/", "page", /"Small injections close spider veins so t…" runs \d+ mm past the side of the page: it would be cut off/],
    ["a4", "/print/sclerotherapy/a4/", "page", /runs \d+ mm past the side of the page/],
    ["large", "/print/sclerotherapy/large/", "page", /runs \d+ mm past the side of the page/],
    ["trifold", "/print/sclerotherapy/trifold/", "page", /runs \d+ mm past the side of the front cover: shorten the title or summary/],
    ["aftercare", "/print/sclerotherapy/aftercare/", "page", /runs \d+ mm past the side of the aftercare sheet: shorten the sections/],
    ["booklet", "/print/booklet/", "booklet", /runs \d+ mm past the side of the page/],
  ] as const;
  for (const [format, url, kind, message] of views) {
    const error = await t.throwsAsync(printer.print({ url: `${server.origin}${url}`, kind, css }), undefined, format);
    t.regex(error?.message ?? "", message, format);
    t.regex(error?.message ?? "", /^does not fit: /, format);
  }
  // Without the unwrappable line, every one of them prints.
  for (const [format, url, kind] of views) {
    t.true((await printer.print({ url: `${server.origin}${url}`, kind })).bytes.byteLength > 1000, format);
  }
});
