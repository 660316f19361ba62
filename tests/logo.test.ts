import { copyFile, mkdir, appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir, repoRoot, type FixtureSite } from "./helpers/fixtures.ts";
import { elements, pdfAccessibility, pdfImages, pdfText } from "./helpers/pdf.ts";

const name = "Fixture Vein Clinic";
const count = (text: string, word: string) => text.split(word).length - 1;
const firstPage = async (file: string) => (await pdfText(file)).split("\f")[0]!;

/** The basic fixture with `logo` (a file in tests/fixtures/images or the sample clinic's), built in `formats`, and a visit pack. */
async function siteWithLogo(t: import("ava").ExecutionContext, logo: string, formats: string): Promise<FixtureSite & { pack: string }> {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await copyFile(logo, path.join(site.contentDir, "images", path.basename(logo)));
  await appendFile(path.join(site.contentDir, "_data", "clinic.yaml"), `logo: images/${path.basename(logo)}\n`);
  const build = await runPamphlet(["build", "--formats", formats, ...siteArgs(site)]);
  t.is(build.code, 0, build.stderr);
  const pack = path.join(site.root, "pack.pdf");
  const packRun = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", pack]);
  t.is(packRun.code, 0, packRun.stderr);
  return { ...site, pack };
}

const wideWordmark =
  "a wide wordmark logo (1200 × 260) is drawn large on every cover and the pack's, named by its text alternative, " +
  "the clinic's name not written again beside it";
test(wideWordmark, async (t) => {
  const site = await siteWithLogo(t, path.join(fixturesDir, "images", "wordmark-1200x260.png"), "letter,trifold,aftercare,booklet");
  // On page 1 the name is left only where it is anyway: the running footer (the tri-fold's outside and
  // the booklet's cover have none).
  const footerNames = { "sclerotherapy.pdf": 1, "sclerotherapy.aftercare.pdf": 1, "sclerotherapy.trifold.pdf": 0, "booklet.pdf": 0 };
  for (const [file, names] of Object.entries(footerNames)) {
    const pdf = path.join(site.brochuresDir, file);
    const logo = (await pdfImages(pdf)).filter((image) => image.type === "image" && image.page === 1 && image.width === 1200 && image.height === 260);
    t.is(logo.length, 1, `${file}: the logo on the cover`);
    t.true(logo[0]!.drawnMm >= 40 && logo[0]!.drawnMm <= 75, `${file}: drawn ${logo[0]?.drawnMm} mm wide, neither a sliver nor the whole page`);
    t.is(count(await firstPage(pdf), name), names, `${file}: the clinic's name is not repeated beside its wordmark`);
    const figures = [...elements((await pdfAccessibility(pdf)).structure)].filter((element) => element.role === "Figure" && element.alt === name);
    t.true(figures.length >= 1, `${file}: the logo is a Figure whose alt text is the clinic's name`);
  }
  const header = /<a class="brand"[^>]*>(.*?)<\/a>/s.exec(await readFile(path.join(site.siteDir, "index.html"), "utf8"))?.[1] ?? "";
  t.regex(header, /<img class="logo logo--wide logo--wordmark" src="[^"]*wordmark-1200x260\.png" alt="Fixture Vein Clinic"/);
  t.notRegex(header, /<span>/, "the site header does not write the name beside the wordmark");
  t.regex(await readFile(path.join(site.siteDir, "css", "clinic.css"), "utf8"), /--logo-ratio: 4\.615;/);
  // The visit pack's cover: the logo (a 600 px copy the build wrote into the site), without the name beside it.
  t.deepEqual(
    (await pdfImages(site.pack)).filter((image) => image.type === "image" && image.page === 1).map(({ width, height }) => [width, height]),
    [[600, 130]],
  );
  t.is(count(await firstPage(site.pack), name), 0);
});

test("a square logo stays a badge beside the clinic's name, on the visit pack's cover too (an SVG drawn to PNG for it)", async (t) => {
  const site = await siteWithLogo(t, path.join(repoRoot, "content", "images", "logo.svg"), "letter");
  const header = /<a class="brand"[^>]*>(.*?)<\/a>/s.exec(await readFile(path.join(site.siteDir, "index.html"), "utf8"))?.[1] ?? "";
  t.regex(header, /<img class="logo" src="[^"]*logo\.svg" alt=""[^>]*><span>Fixture Vein Clinic<\/span>/);
  const cover = (await pdfImages(site.pack)).filter((image) => image.type === "image" && image.page === 1);
  t.is(cover.length, 1, "the logo on the pack's cover");
  t.is(cover[0]!.width, cover[0]!.height, "square, as the file is");
  t.regex(await firstPage(site.pack), /Fixture Vein Clinic\s+Your visit pack/);
});
