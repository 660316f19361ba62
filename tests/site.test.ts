import test from "ava";
import { basePathOf } from "../src/shared/routes.ts";
import { loadContent, loadContentOrThrow } from "../src/content/load.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { renderSite } from "../src/site/build.ts";
import { logoImage } from "../src/site/logoImage.ts";
import { fixtureSite, procedureText, writeProcedure, type FixtureSite } from "./helpers/fixtures.ts";
import { pdfImages } from "./helpers/pdf.ts";

async function pages(site: FixtureSite) {
  const content = await loadContentOrThrow(site.contentDir);
  const rendered = await renderSite({ content, contentDir: site.contentDir });
  return new Map(rendered.map((page) => [page.url, page.content]));
}

/** A grey `images/legs.png` of this size (see-through unless `opaque`), and a procedure `with-image` that shows it with this alt text. */
async function writeImageProcedure(site: FixtureSite, width: number, height: number, alt: string, { opaque = false } = {}) {
  const { PNG } = await import("pngjs");
  const { mkdir, writeFile } = await import("node:fs/promises");
  const image = new PNG({ width, height });
  image.data.fill(200);
  if (opaque) for (let alpha = 3; alpha < image.data.length; alpha += 4) image.data[alpha] = 255;
  await mkdir(`${site.contentDir}/images`, { recursive: true });
  await writeFile(`${site.contentDir}/images/legs.png`, PNG.sync.write(image, opaque ? { colorType: 2 } : {}));
  await writeProcedure(site, "with-image", procedureText({ title: "With image" }, `## What it is\n\n![${alt}](/images/legs.png)\n\nText.\n`));
}

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, "g"))?.length ?? 0;

test("home lists every procedure as a card with title, summary, duration and downtime", async (t) => {
  const site = await fixtureSite(t);
  const home = (await pages(site)).get("/")!;
  t.is(count(home, /<li class="card">/), 2);
  t.regex(home, /<a href="\/procedures\/sclerotherapy\/">Sclerotherapy<\/a>/);
  t.regex(home, /Small injections close spider veins so they fade over a few weeks\./);
  t.regex(home, /<dt>Takes<\/dt> <dd>About 30 minutes<\/dd>/);
  t.regex(home, /<dt>Time off<\/dt> <dd>Little to none<\/dd>/);
});

test("a procedure page is accessible HTML with the clinic's header and footer and a brochure link", async (t) => {
  const site = await fixtureSite(t);
  const page = (await pages(site)).get("/procedures/sclerotherapy/")!;
  t.regex(page, /<html lang="en">/);
  t.is(count(page, /<h1[ >]/), 1);
  t.regex(page, /<a class="skip-link" href="#main">/);
  t.regex(page, /<header class="site-header">/);
  t.regex(page, /<nav class="wrap main-nav" aria-label="Main">/);
  t.regex(page, /<main id="main"/);
  t.regex(page, /<footer class="site-footer">/);
  t.regex(page, /<h2 id="glance-title">At a glance<\/h2>/);
  t.regex(page, /<a href="\/brochures\/sclerotherapy\.pdf" type="application\/pdf">/);
  t.regex(page, /<a href="\/brochures\/sclerotherapy\.large\.pdf" type="application\/pdf">/);
  t.regex(page, /<a href="tel:5550100199">\(555\) 010-0199<\/a>/);
  t.regex(page, /Last reviewed October 1, 2026 by Dr\. Test Reviewer \(fixture\)\./);
  t.notRegex(page, /undefined|\[object Object\]/);
  t.notRegex(page, /<script(?![^>]*application\/ld\+json)/, "no script but structured data");
});

test("headings go in order: one h1, then h2 sections, h3 only inside them", async (t) => {
  const site = await fixtureSite(t);
  for (const [url, html] of await pages(site)) {
    if (!html.startsWith("<!doctype html>")) continue;
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((match) => Number(match[1]));
    t.is(levels[0], 1, url);
    for (let i = 1; i < levels.length; i++) t.true(levels[i]! <= levels[i - 1]! + 1, `${url}: h${levels[i - 1]} then h${levels[i]}`);
  }
});

test("the print view comes from the same content, with cover, glance, contact and a QR code to the public page", async (t) => {
  const site = await fixtureSite(t);
  const all = await pages(site);
  const print = all.get("/print/sclerotherapy/")!;
  t.regex(print, /<header class="cover">/);
  t.regex(print, /<h1[^>]*>Sclerotherapy<\/h1>/);
  t.regex(print, /<section class="glance"/);
  t.regex(print, /<section class="contact"/);
  t.regex(print, /<svg role="img" aria-label="QR code"/);
  t.regex(print, /<link rel="stylesheet" href="\/css\/brochure\.css">/);
  t.notRegex(print, /loading="lazy"/);
  t.regex(print, /<link rel="stylesheet" href="\/css\/page\/letter\.en\.css">/);
  const pageCss = all.get("/css/page/letter.en.css")!;
  t.regex(pageCss, /size: letter;/);
  t.regex(pageCss, /content: "Fixture Vein Clinic" "\\A" "\(555\) 010-0199";/);
  t.regex(pageCss, /counter\(page\) " " "of" " " counter\(pages\)/);
  t.regex(all.get("/css/page/trifold.en.css")!, /size: letter landscape;/);
});

test("a 404 page exists", async (t) => {
  const site = await fixtureSite(t);
  const notFound = (await pages(site)).get("/404.html")!;
  t.regex(notFound, /<h1>Page not found<\/h1>/);
  // Hosts serve it at any missing address: it names no address of its own, and is not indexed.
  t.notRegex(notFound, /rel="canonical"|hreflang=|og:url/);
  t.regex(notFound, /<meta name="robots" content="noindex">/);
});

test("raw HTML and template syntax in Markdown are shown as text, never run", async (t) => {
  const site = await fixtureSite(t);
  const body = [
    "## What it is",
    "",
    "<script>alert(1)</script> <img src=x onerror=alert(2)>",
    "",
    "Sum: {{ 7 * 7 }} and {% raw %}{{ clinic.phone }}{% endraw %} and {% include 'x' %}",
    "",
    "[a bad link](javascript:alert(3))",
  ].join("\n");
  await writeProcedure(site, "unsafe", procedureText({ title: "Unsafe {{ 6 * 6 }} <b>title</b>" }, body));
  const all = await pages(site);
  for (const url of ["/procedures/unsafe/", "/print/unsafe/"]) {
    const page = all.get(url)!;
    t.notRegex(page, /<script>alert/, url);
    t.notRegex(page, /<img src="?x/, url);
    t.regex(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, url);
    t.regex(page, /Sum: \{\{ 7 \* 7 \}\}/, url);
    t.notRegex(page, /Sum: 49/, url);
    t.regex(page, /\{% include .x. %\}/, url);
    t.notRegex(page, /href="javascript:/, url);
    t.regex(page, /Unsafe \{\{ 6 \* 6 \}\} &lt;b&gt;title&lt;\/b&gt;/, url);
  }
});

test("tap-to-call links dial the number as the clinic writes it, with no country code guessed", async (t) => {
  const site = await fixtureSite(t);
  const { writeFile, readFile } = await import("node:fs/promises");
  const clinicFile = `${site.contentDir}/_data/clinic.yaml`;
  const links = async (phone: string) => {
    await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace(/^phone: .*$/m, `phone: "${phone}"`));
    return [
      ...new Set(
        [...(await pages(site)).get("/contact/")!.matchAll(/href="(tel:[^"]+)">([^<]+)</g)].filter((match) => match[2] === phone).map((match) => match[1]),
      ),
    ];
  };
  t.deepEqual(await links("(555) 010-0199"), ["tel:5550100199"]);
  t.deepEqual(await links("1-800-555-0147"), ["tel:18005550147"]);
  t.deepEqual(await links("020 7946 0958"), ["tel:02079460958"]);
  t.deepEqual(await links("+44 20 7946 0958"), ["tel:+442079460958"]);
  t.deepEqual(await links("+44 (0)118 496 0123"), ["tel:+441184960123"], "the trunk 0 is not dialled after the country code");
});

test("clinic.yaml's locales set how dates are written and the locale shared pages name: a UK clinic gets '1 October 2026' and en_GB", async (t) => {
  const site = await fixtureSite(t);
  const { appendFile } = await import("node:fs/promises");
  const page = async () => (await pages(site)).get("/procedures/sclerotherapy/")!;
  const reviewed = (html: string) => /<p class="reviewed">Last reviewed ([^<]+?) by/.exec(html)![1];
  const ogLocale = (html: string) => /<meta property="og:locale" content="([^"]+)">/.exec(html)![1];
  const before = await page();
  t.is(reviewed(before), "October 1, 2026");
  t.is(ogLocale(before), "en_US");
  await appendFile(`${site.contentDir}/_data/clinic.yaml`, "locales: { en: en-GB }\n");
  const after = await page();
  t.is(reviewed(after), "1 October 2026");
  t.is(ogLocale(after), "en_GB", "a UK clinic's pages were shared as en_US");
});

test("_data/strings/<lang>.yaml puts the clinic's own words on the site; unknown keys and lost placeholders are errors on their line", async (t) => {
  const site = await fixtureSite(t);
  const { mkdir, writeFile } = await import("node:fs/promises");
  const file = `${site.contentDir}/_data/strings/en.yaml`;
  await mkdir(`${site.contentDir}/_data/strings`);
  await writeFile(file, "home:\n  title: Leg vein care in Testville\nreviewed: Checked {date} by {reviewer}.\n");
  const all = await pages(site);
  t.regex(all.get("/")!, /<h1[^>]*>Leg vein care in Testville<\/h1>/);
  t.regex(all.get("/procedures/sclerotherapy/")!, /Checked October 1, 2026 by /);
  t.regex(all.get("/")!, /Not sure which treatment fits you\?/, "the texts not given stay Pamphlet's own");

  await writeFile(file, "home:\n  titel: Leg vein care\nreviewed: Checked on {date}.\nnav: Menu\n");
  const { problems } = await loadContent(site.contentDir);
  const text = problems.map((problem) => formatProblem(problem)).join("\n");
  t.regex(text, /strings\/en\.yaml:2:3 {2}error {2}unknown text "home\.titel": did you mean "home\.title"\?/);
  t.regex(text, /strings\/en\.yaml:3:11 {2}error {2}"reviewed" must keep \{reviewer\}, which the page fills in/);
  t.regex(text, /strings\/en\.yaml:4:6 {2}error {2}"nav" is a group of texts \(treatments, compare, contact, search\)/);
});

test("addresses are written the way their country writes them, and search engines get the country's ISO code", async (t) => {
  const site = await fixtureSite(t);
  const { readFile, writeFile } = await import("node:fs/promises");
  const clinicFile = `${site.contentDir}/_data/clinic.yaml`;
  const original = await readFile(clinicFile, "utf8");
  const contact = async (city: string, region: string, postalCode: string, country: string) => {
    await writeFile(
      clinicFile,
      original
        .replace("city: Testville", `city: ${city}`)
        .replace("region: OR", `region: ${region}`)
        .replace('postalCode: "97000"', `postalCode: "${postalCode}"`)
        .replace("country: United States", `country: ${country}`),
    );
    const html = (await pages(site)).get("/contact/")!;
    const clinic = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    return { line: /1 Test Road<br>([^<]+)<br>/.exec(html)![1], country: clinic.address.addressCountry };
  };
  t.deepEqual(await contact("Testville", "OR", "97000", "United States"), { line: "Testville, OR 97000", country: "US" });
  t.deepEqual(await contact("Valencia", "Comunidad Valenciana", "46005", "España"), { line: "46005 Valencia, Comunidad Valenciana", country: "ES" });
  t.deepEqual(await contact("Madrid", "Madrid", "28001", "Spain"), { line: "28001 Madrid", country: "ES" });
  t.deepEqual(await contact("Reading", "Berkshire", "RG1 5AQ", "UK"), { line: "Reading RG1 5AQ", country: "GB" });
  t.deepEqual(await contact("Testville", "OR", "97000", "Freedonia"), { line: "Testville, OR 97000", country: "Freedonia" });
  t.deepEqual(await contact("San Juan", "PR", "00901", "Puerto Rico"), { line: "San Juan, PR 00901", country: "PR" });
  t.deepEqual(await contact("Mumbai", "Maharashtra", "400001", "India"), { line: "Mumbai, Maharashtra 400001", country: "IN" });
});

test("a logo whose shape cannot be read (an SVG with no size or viewBox) is drawn square, not a failed build", async (t) => {
  const site = await fixtureSite(t);
  const { writeFile } = await import("node:fs/promises");
  await writeFile(`${site.contentDir}/shapeless.svg`, `<svg xmlns="http://www.w3.org/2000/svg"><circle cx="5" cy="5" r="4"/></svg>`);
  t.deepEqual(await logoImage(site.contentDir, "shapeless.svg"), { width: 48, height: 48, ratio: 1, wide: false, wordmark: false });
});

test("a4 paper in clinic.yaml sets the brochure page size", async (t) => {
  const site = await fixtureSite(t);
  const { writeFile, readFile } = await import("node:fs/promises");
  const clinicFile = `${site.contentDir}/_data/clinic.yaml`;
  await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace("paper: letter", "paper: a4"));
  const all = await pages(site);
  t.regex(all.get("/css/page/a4.en.css")!, /size: a4;/);
  t.regex(all.get("/css/page/large.en.css")!, /size: a4;/);
  t.regex(all.get("/css/page/trifold.en.css")!, /size: a4 landscape;/);
  t.regex(all.get("/print/sclerotherapy/")!, /href="\/css\/page\/a4\.en\.css"/, "the default print view is on the clinic's paper");
});

test("content images: responsive <picture> on the site, the original full-resolution file in the print view and the PDF", async (t) => {
  const site = await fixtureSite(t);
  await writeImageProcedure(site, 2000, 1000, "Legs after treatment, with fewer visible veins");
  const { runPamphlet, siteArgs } = await import("./helpers/cli.ts");
  const run = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const { readFile } = await import("node:fs/promises");
  const page = await readFile(`${site.siteDir}/procedures/with-image/index.html`, "utf8");
  t.regex(page, /<picture><source type="image\/avif" srcset="\/img\/[^"]+ 480w, \/img\/[^"]+ 960w, \/img\/[^"]+ 1600w"/);
  t.regex(page, /<source type="image\/webp"/);
  t.regex(page, /<img src="\/img\/[^"]+" alt="Legs after treatment, with fewer visible veins" loading="lazy" decoding="async" width="\d+" height="\d+"/);
  const print = await readFile(`${site.siteDir}/print/with-image/index.html`, "utf8");
  t.regex(print, /<img src="\/images\/legs\.png" alt="Legs after treatment, with fewer visible veins">/);
  t.notRegex(print, /loading="lazy"/);
  t.notRegex(await readFile(`${site.siteDir}/print/with-image/trifold/index.html`, "utf8"), /legs\.png/, "the tri-fold leaves illustrations out");
  const images = await pdfImages(`${site.brochuresDir}/with-image.pdf`);
  t.true(
    images.some((image) => image.type === "image" && image.width === 2000 && image.height === 1000),
    `the PDF holds the 2000 px original: ${JSON.stringify(images)}`,
  );
});

test("a picture wider than print needs prints from a 2400 px copy; a WebP, a sideways photo, a CMYK JPEG from JPEG copies; the site as before", async (t) => {
  const site = await fixtureSite(t);
  await writeImageProcedure(site, 6000, 3000, "Legs after treatment", { opaque: true });
  const { default: Image } = await import("@11ty/eleventy-img");
  const { readFile, writeFile } = await import("node:fs/promises");
  // A WebP from the same picture, made with eleventy-img (sharp) in a folder of its own.
  const [webp] = (await Image(`${site.contentDir}/images/legs.png`, { widths: [800], formats: ["webp"], outputDir: `${site.root}/made` })).webp!;
  await writeFile(`${site.contentDir}/images/legs.webp`, await readFile(webp!.outputPath));
  const guide = `${site.contentDir}/procedures/with-image.md`;
  // A phone photo stored sideways (EXIF orientation 6) and a print shop's CMYK JPEG: Chromium stores both decoded.
  const { copyFile } = await import("node:fs/promises");
  const { fixturesDir } = await import("./helpers/fixtures.ts");
  for (const name of ["sideways-exif6-300x200.jpg", "cmyk-300x200.jpg"]) await copyFile(`${fixturesDir}/images/${name}`, `${site.contentDir}/images/${name}`);
  const more =
    "![Legs, closer](/images/legs.webp)\n\n![Taken on a phone](/images/sideways-exif6-300x200.jpg)\n\n![From the print shop](/images/cmyk-300x200.jpg)";
  await writeFile(guide, (await readFile(guide, "utf8")).replace("\nText.", `\n${more}\n\nText.`));
  const { runPamphlet, siteArgs } = await import("./helpers/cli.ts");
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const print = await readFile(`${site.siteDir}/print/with-image/index.html`, "utf8");
  t.regex(print, /<img src="\/img\/[\w-]+-2400\.png" alt="Legs after treatment">/);
  t.regex(print, /<img src="\/img\/[\w-]+-800\.jpeg" alt="Legs, closer">/);
  const images = await pdfImages(`${site.brochuresDir}/with-image.pdf`);
  t.deepEqual(
    images.map(({ width, height, encoding }) => ({ width, height, encoding })),
    [
      { width: 2400, height: 1200, encoding: "image" },
      { width: 800, height: 400, encoding: "jpeg" },
      { width: 200, height: 300, encoding: "jpeg" },
      { width: 300, height: 200, encoding: "jpeg" },
    ],
    "the 6000 px picture at 2400 px (still over 300 ppi across the page); the WebP, the sideways photo (upright) and the CMYK one as JPEGs",
  );
  const page = await readFile(`${site.siteDir}/procedures/with-image/index.html`, "utf8");
  t.regex(page, /srcset="\/img\/[^"]+ 480w, \/img\/[^"]+ 960w, \/img\/[^"]+ 1600w"/, "the site's web copies are as before");
  t.deepEqual(await readFile(`${site.siteDir}/images/legs.png`), await readFile(`${site.contentDir}/images/legs.png`), "the original is published");
  // A photo is published without what the camera wrote (EXIF: the phone, the time, often where); its picture byte for byte.
  const [original, published] = await Promise.all(
    ["contentDir", "siteDir"].map((folder) => readFile(`${site[folder as "contentDir" | "siteDir"]}/images/sideways-exif6-300x200.jpg`)),
  );
  // The fixture's EXIF (188 bytes, little-endian) is gone; a block of the orientation alone (34 bytes) stands for it.
  const exif = (jpeg: Buffer) => jpeg.indexOf("Exif\0\0");
  t.is(original!.readUInt16BE(exif(original!) - 2), 188);
  t.is(published!.readUInt16BE(exif(published!) - 2), 34);
  const { imageSize } = await import("image-size");
  t.is(imageSize(published!).orientation, 6, "which way up it is shown is kept (it is stored sideways)");
  const pictureData = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));
  t.deepEqual(pictureData(published!), pictureData(original!));
});

test("an AVIF picture's web copies are AVIF, WebP and a JPEG for the <img> (a PNG when see-through): no .heif, no source of type undefined", async (t) => {
  const site = await fixtureSite(t);
  await writeImageProcedure(site, 900, 600, "Legs after treatment", { opaque: true });
  const { default: Image } = await import("@11ty/eleventy-img");
  const { readFile, writeFile } = await import("node:fs/promises");
  const [avif] = (await Image(`${site.contentDir}/images/legs.png`, { widths: [900], formats: ["avif"], outputDir: `${site.root}/made` })).avif!;
  await writeFile(`${site.contentDir}/images/legs.avif`, await readFile(avif!.outputPath));
  const guide = `${site.contentDir}/procedures/with-image.md`;
  await writeFile(guide, (await readFile(guide, "utf8")).replace("/images/legs.png", "/images/legs.avif"));
  const page = (await pages(site)).get("/procedures/with-image/")!;
  t.notRegex(page, /heif|type="undefined"/, page);
  t.regex(page, /<source type="image\/avif"/);
  t.regex(page, /<img src="\/img\/[\w-]+\.jpeg" alt="Legs after treatment"/, "an opaque photo's fallback is a JPEG (its PNGs were 2 MB)");
});

test("published under a sub-path, content images are still made responsive, with the sub-path in their URLs", async (t) => {
  const site = await fixtureSite(t);
  await writeImageProcedure(site, 1200, 600, "Legs after treatment");
  const content = await loadContentOrThrow(site.contentDir);
  const page = (await renderSite({ content, contentDir: site.contentDir, basePath: "/clinic/" })).find(
    (rendered) => rendered.url === "/procedures/with-image/",
  )!.content;
  t.regex(page, /<picture><source type="image\/avif" srcset="\/clinic\/img\/[^"]+ 480w, \/clinic\/img\/[^"]+ 960w/);
  t.regex(page, /<img src="\/clinic\/img\/[^"]+" alt="Legs after treatment" loading="lazy" decoding="async" width="\d+" height="\d+"/);
});

test("a second build in the same process (as the dev server runs them) uses the new clinic.yaml in the layouts too", async (t) => {
  const site = await fixtureSite(t);
  const content = await loadContentOrThrow(site.contentDir);
  await renderSite({ content, contentDir: site.contentDir });
  const newPhone = "(555) 010-0999";
  const changed = { ...content, clinic: { ...content.clinic, phone: newPhone } };
  const home = (await renderSite({ content: changed, contentDir: site.contentDir })).find((page) => page.url === "/")!.content;
  const structuredData = [...home.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => match[1]!).join("\n");
  t.true(home.includes(newPhone), "the page shows the new number");
  t.true(structuredData.includes(newPhone), "so does its structured data (rendered in the layout)");
  t.false(structuredData.includes(content.clinic.phone), "the old number is gone");
});

test("--base-path is read as a folder however it is written, and encoded as browsers send it", (t) => {
  const site = "https://clinic.example.org/";
  for (const [given, folder] of [
    ["clinic", "/clinic/"],
    ["/clinic/", "/clinic/"],
    ["//clinic/", "/clinic/"],
    ["/", "/"],
    ["/clínica/", "/cl%C3%ADnica/"],
    ["/cl%C3%ADnica", "/cl%C3%ADnica/"],
  ] as const) {
    t.is(basePathOf(site, given), folder, given);
  }
  t.is(basePathOf("https://clinic.example.org/clínica/"), "/cl%C3%ADnica/");
});

test("a WebP or AVIF is read as see-through or not from its header, so its print copy is a PNG only when it must be", async (t) => {
  const { hasTransparency } = await import("../src/site/webImages.ts");
  const { default: Image } = await import("@11ty/eleventy-img");
  const { PNG } = await import("pngjs");
  const { mkdtemp, readFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const dir = await mkdtemp(`${tmpdir()}/pamphlet-alpha-`);
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const see of [true, false]) {
    const png = new PNG({ width: 40, height: 30 });
    png.data.fill(200);
    if (!see) for (let alpha = 3; alpha < png.data.length; alpha += 4) png.data[alpha] = 255;
    // Opaque: written without an alpha channel (colour type 2), as a photo is.
    const made = await Image(PNG.sync.write(png, see ? {} : { colorType: 2 }), { widths: [40], formats: ["webp", "avif"], outputDir: dir });
    for (const format of ["webp", "avif"]) t.is(hasTransparency(await readFile(made[format]![0]!.outputPath)), see, `${format}, see-through: ${see}`);
  }
});

test("a JPEG's camera data is taken out with fill bytes before its markers, and a damaged JPEG is published as it is", async (t) => {
  const { withoutPhotoData } = await import("../src/site/photoData.ts");
  const { readFile } = await import("node:fs/promises");
  const { fixturesDir } = await import("./helpers/fixtures.ts");
  const photo = await readFile(`${fixturesDir}/images/cmyk-300x200.jpg`);
  // An EXIF block with the phone's name, after a fill byte (0xFF): it was left in whole.
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x12]), Buffer.from("Exif\0\0iPhone 13 GPS", "latin1")]);
  const filled = Buffer.concat([photo.subarray(0, 2), Buffer.from([0xff]), exif, photo.subarray(2)]);
  const published = Buffer.from(withoutPhotoData(filled));
  t.false(published.includes("iPhone"), "the camera's data is gone");
  t.deepEqual(published.subarray(published.indexOf(Buffer.from([0xff, 0xda]))), photo.subarray(photo.indexOf(Buffer.from([0xff, 0xda]))));
  const cut = Buffer.concat([photo.subarray(0, 4), Buffer.from([0xff, 0xff])]);
  t.deepEqual(Buffer.from(withoutPhotoData(cut)), cut, "a segment that runs past the end: left as it is");
});

test("the emergency line is on every page once: a guide's under its 'When to call us', not again in its footer", async (t) => {
  const site = await fixtureSite(t);
  const all = await pages(site);
  const count = (url: string) => (all.get(url)!.match(/<p class="emergency">/g) ?? []).length;
  t.is(count("/procedures/sclerotherapy/"), 1, "a screen reader read it at the end of the guide and again in the footer");
  t.regex(all.get("/procedures/sclerotherapy/")!, /<main[\s\S]*<p class="emergency">[\s\S]*<\/main>/, "in the guide");
  for (const url of ["/", "/contact/", "/compare/"]) t.is(count(url), 1, `${url}: in its footer`);
});
