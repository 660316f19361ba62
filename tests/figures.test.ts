import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { PNG } from "pngjs";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfImages, pdfText } from "./helpers/pdf.ts";

const caption = "Eight weeks after: the treated veins have faded";

const captionedPicture =
  'a captioned picture (![alt](src "caption")) is a figure with its figcaption on the site and in print, and a brochure never parts it from its caption';
test(captionedPicture, async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await copyFile(path.join(fixturesDir, "images", "wordmark-1200x260.png"), path.join(site.contentDir, "images", "photo.png"));
  // Enough text before the picture that it falls near a page's end: moved whole, with its caption.
  const filler = Array.from(
    { length: 9 },
    (_, i) => `Paragraph ${i + 1} of the explanation, long enough to take two or three lines of the printed page so the picture lands low on it.`,
  ).join("\n\n");
  await writeProcedure(
    site,
    "pictured",
    procedureText(
      { title: "Pictured" },
      `## What it is\n\n${filler}\n\n![A leg after treatment](/images/photo.png "${caption}")\n\n` +
        "![A picture without a caption](/images/photo.png)\n\n## When to call us\n\nCall us.\n",
    ),
  );
  const run = await runPamphlet(["build", "--formats", "letter,large", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const page = await readFile(path.join(site.siteDir, "procedures", "pictured", "index.html"), "utf8");
  t.regex(page, new RegExp(`<figure><picture>.*?alt="A leg after treatment".*?</picture><figcaption>${caption}</figcaption></figure>`, "s"));
  t.notRegex(page, /title="Eight weeks/, "the caption is not also a tooltip");
  t.regex(page, /<p><picture>.*?alt="A picture without a caption"/s, "an image without a title stays a plain picture");
  const print = await readFile(path.join(site.siteDir, "print", "pictured", "index.html"), "utf8");
  t.regex(print, new RegExp(`<figure><img src="/images/photo.png" alt="A leg after treatment"><figcaption>${caption}</figcaption></figure>`));
  for (const file of ["pictured.pdf", "pictured.large.pdf"]) {
    const pdf = path.join(site.brochuresDir, file);
    const pages = (await pdfText(pdf)).split("\f");
    const captionPage = pages.findIndex((text) => text.replace(/\s+/g, " ").includes(caption)) + 1;
    const firstImagePage = Math.min(...(await pdfImages(pdf)).map((image) => image.page));
    t.true(captionPage > 0, `${file}: the caption is printed`);
    t.is(firstImagePage, captionPage, `${file}: the picture and its caption on the same page`);
  }
  const css = await readFile(path.join(site.siteDir, "css", "brochure.css"), "utf8");
  t.regex(css, /\.prose figure \{[^}]*break-inside: avoid/, "a figure is never split across pages");
});

test("a picture's size (![alt](/images/x.png#half \"caption\")) is its figure's class on the site and its width in print: half the column", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await copyFile(path.join(fixturesDir, "images", "wordmark-1200x260.png"), path.join(site.contentDir, "images", "wide.png"));
  const photo = new PNG({ width: 1000, height: 600 });
  photo.data.fill(160);
  await writeFile(path.join(site.contentDir, "images", "photo.png"), PNG.sync.write(photo));
  await writeProcedure(
    site,
    "sized",
    procedureText(
      { title: "Sized" },
      "## What it is\n\n![A picture wider than the column](/images/wide.png)\n\n" +
        `![A leg after treatment](/images/photo.png#half "${caption}")\n\n## When to call us\n\nCall us.\n`,
    ),
  );
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const page = await readFile(path.join(site.siteDir, "procedures", "sized", "index.html"), "utf8");
  t.regex(
    page,
    new RegExp(`<figure class="figure--half"><picture>.*?alt="A leg after treatment".*?</picture><figcaption>${caption}</figcaption></figure>`, "s"),
  );
  t.notRegex(page, /#half/, "the size is no part of the picture's address");
  const print = await readFile(path.join(site.siteDir, "print", "sized", "index.html"), "utf8");
  t.regex(print, /<figure class="figure--half"><img src="\/images\/photo.png" alt="A leg after treatment">/);
  const images = await pdfImages(path.join(site.brochuresDir, "sized.pdf"));
  const full = images.find((image) => image.width === 1200)!.drawnMm;
  const half = images.find((image) => image.width === 1000)!.drawnMm;
  t.true(full > 150, `the unsized picture fills the column (${full} mm)`);
  t.true(Math.abs(half - full / 2) <= 2, `the #half picture is drawn half as wide: ${half} mm beside ${full} mm`);
});

test("the tri-fold and the aftercare sheet leave out a picture whose caption or alt text has brackets, as any other", async (t) => {
  const { withoutPicturesAlone } = await import("../src/content/markdown.ts");
  const { aftercareBlocks } = await import("../src/site/filters/aftercareBlocks.ts");
  const pictures = [
    '![A phone photo of the treatment room](/images/room.jpg#half "Our treatment room (phone photo)")',
    "![A stocking \\[class 2\\] on a leg](/images/stocking.jpg)",
    "![A leg](/images/leg.jpg)",
  ];
  // A before-and-after pair on consecutive lines, and a picture with its caption written on the line under it.
  const pair = "![Before treatment](/images/before.jpg)\n![After treatment](/images/after.jpg)";
  const captioned = "![A stocking on a leg](/images/stocking-on.jpg)\n*Wear the stocking for 2 weeks.*";
  const text = `${pair}\n\n${captioned}\n\nWalk every day.\n\nSee ![the icon](/images/icon.png) on the box.\n`;
  const section = `## After the treatment\n\n${pictures.join("\n\n")}\n\n${text}`;
  const kept = withoutPicturesAlone(section);
  for (const picture of [...pictures, ...pair.split("\n"), "/images/stocking-on.jpg"]) t.false(kept.includes(picture), picture);
  t.true(kept.includes("*Wear the stocking for 2 weeks.*"), "the line under a picture stays");
  // A line ending in a hard break, or a code span over two lines, above a picture: each line is its own.
  const above =
    "Call us if your calf is swollen.  \nCall 999 if you have chest pain.\n![Where a clot hurts](/images/calf.jpg)\n\n" +
    "Put on `the\nstockings` first.\n![On](/images/on.jpg)\n";
  const left = withoutPicturesAlone(above);
  for (const line of ["Call 999 if you have chest pain.", "stockings` first."]) t.true(left.includes(line), line);
  for (const picture of ["/images/calf.jpg", "/images/on.jpg"]) t.false(left.includes(picture), picture);
  t.true(kept.includes("Walk every day."));
  t.true(kept.includes("See ![the icon](/images/icon.png) on the box."), "a picture inside a sentence is part of it");
  const blocks = aftercareBlocks({ body: `${section}\n## When to call us\n\nCall us.\n`, lang: "en" });
  t.false(blocks.some((block) => block.markdown.includes("/images/room.jpg") || block.markdown.includes("/images/stocking.jpg")));
});

test("an iPhone's HEIC photo, a TIFF or a BMP is an error at its line in check and the build, saying how to save it", async (t) => {
  const { runChecks, loadForBuild } = await import("../src/check/runChecks.ts");
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  // What is in the files does not matter: the site cannot show the kind, whatever it holds.
  for (const name of ["IMG_0002.HEIC", "scan.tif", "old.bmp"]) await writeFile(path.join(site.contentDir, "images", name), "not read");
  await writeProcedure(
    site,
    "photos",
    procedureText({ title: "Photos" }, "## What it is\n\n![From my phone](/images/IMG_0002.HEIC)\n\n![A scan](/images/scan.tif)\n\n![Old](/images/old.bmp)\n"),
  );
  for (const problems of [(await runChecks(site.contentDir)).problems, (await loadForBuild(site.contentDir)).problems]) {
    const said = problems
      .filter((problem) => problem.file.endsWith("photos.md") && problem.rule === "images")
      .map((problem) => `${problem.line} ${problem.message}`);
    t.is(said.length, 3, said.join("\n"));
    t.regex(
      said[0]!,
      /^\d+ image \/images\/IMG_0002\.HEIC is a HEIC photo \(an iPhone's own format\), which browsers cannot show: save it as a JPEG .*Most Compatible/,
    );
    t.regex(said[1]!, /image \/images\/scan\.tif is a TIFF picture, which browsers cannot show: save it as a PNG or JPEG, and write its new name here/);
    t.regex(said[2]!, /image \/images\/old\.bmp is a BMP picture/);
  }
});

test("an SVG with text in it is a warning at its line: its text would print in the machine's typeface, not the brochure's", async (t) => {
  const { runChecks } = await import("../src/check/runChecks.ts");
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  const drawing = (inside: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">${inside}</svg>`;
  await writeFile(path.join(site.contentDir, "images", "labelled.svg"), drawing('<text x="10" y="50" font-family="sans-serif">Vein</text>'));
  await writeFile(path.join(site.contentDir, "images", "outlined.svg"), drawing('<path d="M10 10h50v50z"/>'));
  await writeProcedure(
    site,
    "drawn",
    procedureText({ title: "Drawn" }, "## What it is\n\n![A labelled vein](/images/labelled.svg)\n\n![A vein](/images/outlined.svg)\n"),
  );
  const said = (await runChecks(site.contentDir)).problems.filter((problem) => problem.file.endsWith("drawn.md") && problem.rule === "images");
  t.deepEqual(
    said.map((problem) => `${problem.severity} ${problem.message.slice(0, 80)}`),
    ["warning image /images/labelled.svg has text in it, which prints in whatever typeface the"],
  );
});

test("a size or caption on a picture in a sentence, a list or a table, or with text on the next line, is a warning that it is ignored", async (t) => {
  const { runChecks } = await import("../src/check/runChecks.ts");
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await writeFile(path.join(site.contentDir, "images", "leg.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const body =
    '## What it is\n\n![Alone](/images/leg.svg#half "A caption that works")\n\n- In a list: ![Listed](/images/leg.svg#small)\n\n' +
    "| What | Picture |\n| --- | --- |\n| Leg | ![In a table](/images/leg.svg#small) |\n\n" +
    '![Followed](/images/leg.svg#half "This caption is lost")\nThis paragraph follows on the next line.\n';
  await writeProcedure(site, "placed", procedureText({ title: "Placed" }, body));
  const said = (await runChecks(site.contentDir)).problems.filter((problem) => problem.file.endsWith("placed.md") && problem.rule === "images");
  t.deepEqual(
    said.map((problem) => `${problem.severity} ${problem.message.split(":")[0]}`),
    [
      "warning image /images/leg.svg's size is ignored",
      "warning image /images/leg.svg's size is ignored",
      "warning image /images/leg.svg's size and caption are ignored",
    ],
  );
});

test("a missing picture is offered the picture with the nearest name inside images/, never an unrelated one nor another folder's", async (t) => {
  const { pictureFileProblem } = await import("../src/content/pictureFile.ts");
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  for (const name of ["huge.jpg", "delete-me.jpg", "Clinic-Photo.JPG", "legs.png"]) await writeFile(path.join(site.contentDir, "images", name), "");
  const offered = (src: string) => /did you mean (\S+)\?/.exec(pictureFileProblem(site.contentDir, src, path.join(site.contentDir, src)) ?? "")?.[1];
  t.is(offered("/images/change-me.jpg"), undefined, "not /images/huge.jpg");
  t.is(offered("/images/not-there.jpg"), undefined, "not /images/delete-me.jpg");
  t.is(offered("/images/clinic-photo.jpg"), "/images/Clinic-Photo.JPG");
  t.is(offered("/images/leg.png"), "/images/legs.png");
  t.is(offered("/images/legs.jpg"), "/images/legs.png", "the extension mistyped");
  for (const folder of ["before", "after"]) await mkdir(path.join(site.contentDir, "images", folder), { recursive: true });
  for (const folder of ["before", "after"]) await writeFile(path.join(site.contentDir, "images", folder, "leg.jpg"), "");
  t.is(offered("/images/befor/leg.jpg"), "/images/before/leg.jpg", "the folder mistyped: never the other folder's picture");
});

test("bullets pasted from a word processor ('•\tKeep moving') make a list, as the writer meant (every check reads the same list)", async (t) => {
  const { renderMarkdown } = await import("../src/content/markdown.ts");
  const pasted = "Do these at home:\n\n•\tKeep your legs moving every hour.\n•\tDrink water — it’s good for you.\n";
  t.is(
    renderMarkdown(pasted),
    "<p>Do these at home:</p>\n<ul>\n<li>Keep your legs moving every hour.</li>\n<li>Drink water — it’s good for you.</li>\n</ul>\n",
  );
  t.regex(renderMarkdown("```\n•\tshown as written\n```\n"), /<code>•\tshown as written\n<\/code>/, "fenced code is left alone");
});

test("a picture that would print blurred (under 150 pixels per inch) is a warning saying how large a picture to use; shown small, it passes", async (t) => {
  const { runChecks } = await import("../src/check/runChecks.ts");
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  const png = (width: number, height: number) => PNG.sync.write(new PNG({ width, height }));
  await writeFile(path.join(site.contentDir, "images", "small.png"), png(400, 300));
  await writeFile(path.join(site.contentDir, "images", "cover.png"), png(800, 400));
  const body = "## What it is\n\n![A small photo](/images/small.png)\n\n![The same, shown small](/images/small.png#small)\n";
  await writeProcedure(site, "blurred", procedureText({ title: "Blurred", image: { src: "/images/cover.png", alt: "A cover" } }, body));
  const said = (await runChecks(site.contentDir)).problems.filter((problem) => problem.file.endsWith("blurred.md") && problem.rule === "images");
  t.deepEqual(
    said.map((problem) => `${problem.severity} ${problem.message}`),
    [
      'warning "image › src" /images/cover.png prints at about 111 pixels per inch, 7.2 inches wide, which looks blurred on paper (150 looks sharp): ' +
        "use a larger picture, at least 1080 pixels wide",
      "warning image /images/small.png prints at about 96 pixels per inch, 4.2 inches wide, which looks blurred on paper (150 looks sharp): " +
        "use a larger picture, at least 1080 pixels wide, or show it smaller (#half, #small)",
    ],
  );
});
