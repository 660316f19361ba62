import { existsSync } from "node:fs";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir, type FixtureSite } from "./helpers/fixtures.ts";

/** The basic fixture published in English and Spanish; with `spanishGuides`, sclerotherapy is translated. */
async function bilingualSite(t: ExecutionContext, spanishGuides: boolean): Promise<FixtureSite> {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  if (spanishGuides) await cp(path.join(fixturesDir, "translations", "es"), path.join(site.contentDir, "es"), { recursive: true });
  return site;
}

/** Each built page's `og:image`, as a file in the built site: `{ page, image }`. */
async function linkPreviewImages(site: FixtureSite) {
  const siteUrl = /^siteUrl:\s*"?([^"\n]+)"?/m.exec(await readFile(path.join(site.contentDir, "_data", "clinic.yaml"), "utf8"))![1]!.replace(/\/$/, "");
  const pages = (await readdir(site.siteDir, { recursive: true })).filter((file) => file.endsWith(".html") && !/^(\w\w\/)?(print|share|admin)\//.test(file));
  return Promise.all(
    pages.map(async (page) => {
      const html = await readFile(path.join(site.siteDir, page), "utf8");
      const image = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1];
      return { page, image: image?.startsWith(siteUrl) ? path.join(site.siteDir, image.slice(siteUrl.length)) : image };
    }),
  );
}

for (const spanishGuides of [true, false]) {
  test.serial(
    `every page's og:image is a PNG the build made (1200 × 630, compressed for speed), in both languages, ${spanishGuides ? "with" : "without"} Spanish guides`,
    async (t) => {
      const site = await bilingualSite(t, spanishGuides);
      const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
      t.is(build.code, 0, build.stderr);
      const images = await linkPreviewImages(site);
      const spanish = images.filter(({ page }) => page.startsWith(`es${path.sep}`));
      t.true(spanish.length >= 4, `Spanish pages: ${spanish.map(({ page }) => page).join(", ")}`);
      t.true(images.some(({ image }) => image?.endsWith(path.join("share", "es", "home.png"))));
      const missing = images.filter(({ image }) => !image || !existsSync(image));
      t.deepEqual(missing, []);
      // Each is a 1200 × 630 PNG compressed at zlib's fastest level: the same pixels for a third less of Chromium's time.
      const png = await readFile(path.join(site.siteDir, "share", "en", "home.png"));
      t.is(png.subarray(1, 4).toString("latin1"), "PNG");
      t.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], "width and height in the header");
      // The first image data chunk opens with the zlib header, whose top two bits say how hard it was compressed (0: fastest).
      const data = png.indexOf("IDAT", 8, "latin1") + 4;
      t.is(png[data]! & 0x0f, 8, "deflate");
      t.is(png[data + 1]! >> 6, 0, `compression level ${png[data + 1]! >> 6} of 0-3`);
    },
  );
}
