import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, fixturesDir, procedureText, writeProcedure } from "./helpers/fixtures.ts";
import { pdfImages } from "./helpers/pdf.ts";

test("front matter image: is the guide's cover picture on its home-page card, under its page's title, on its brochure covers and its share card", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await copyFile(path.join(fixturesDir, "images", "wordmark-1200x260.png"), path.join(site.contentDir, "images", "legs.png"));
  await writeProcedure(
    site,
    "pictured",
    procedureText(
      { title: "Pictured", image: { src: "/images/legs.png", alt: "Two legs after treatment, the veins faded" } },
      "## What it is\n\nShort.\n\n## When to call us\n\nCall us.\n",
    ),
  );
  const run = await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const home = await readFile(path.join(site.siteDir, "index.html"), "utf8");
  t.regex(
    home,
    /<div class="card__image"><picture>.*?alt="".*?<\/picture><\/div>\s*<h3 class="card__title"><a href="\/procedures\/pictured\/"/s,
    "the card's picture is decoration beside its linked title",
  );
  const page = await readFile(path.join(site.siteDir, "procedures", "pictured", "index.html"), "utf8");
  t.regex(page, /<div class="procedure__image"><picture>.*?alt="Two legs after treatment, the veins faded"/s);
  // Under the title, in view as the page opens: not left to load lazily (found by a patient's QA).
  t.regex(page, /<div class="procedure__image"><picture>.*?<img [^>]*loading="eager"/s);
  const share = await readFile(path.join(site.siteDir, "share", "en", "pictured", "index.html"), "utf8").catch(() => "");
  t.regex(share, /<img class="share-card__image" src="\/images\/legs.png" alt="">/);
  for (const file of ["pictured.pdf", "pictured.trifold.pdf"]) {
    t.true(
      (await pdfImages(path.join(site.brochuresDir, file))).some((image) => image.page === 1 && image.width === 1200),
      `${file}: the picture on the cover page`,
    );
  }
});

test("front matter image: outside the images folder is refused, naming the file and the field", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "pictured", procedureText({ image: { src: "https://example.com/legs.jpg", alt: "Legs" } }));
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 1);
  t.regex(run.stderr, /pictured\.md:\d+:\d+ +error +"image › src" must be a picture in the images folder.*got "https:\/\/example\.com\/legs\.jpg"/);
});

test("front matter image: a missing file stops check and the build before anything is made, naming the guide, the field and the closest picture", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await copyFile(path.join(fixturesDir, "images", "wordmark-1200x260.png"), path.join(site.contentDir, "images", "legs.png"));
  await writeProcedure(site, "pictured", procedureText({ image: { src: "/images/leg.png", alt: "Legs" } }));
  const expected =
    /pictured\.md:\d+:\d+ +error +"image › src" \/images\/leg\.png does not exist: did you mean \/images\/legs\.png\? Or put the file at \S+leg\.png/;
  const check = await runPamphlet(["check", "--content", site.contentDir]);
  t.is(check.code, 1);
  t.regex(check.stdout + check.stderr, expected);
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 1);
  t.regex(build.stderr, expected);
  t.false(existsSync(site.siteDir), "no site half made");
  t.false(existsSync(site.brochuresDir), "no brochure printed");
});

test("a picture that cannot be read (a damaged file, a folder), as the cover or in the text, is an error naming what to do", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images", "folder.png"), { recursive: true });
  await writeFile(path.join(site.contentDir, "images", "damaged.jpg"), "not a JPEG at all");
  await writeProcedure(
    site,
    "pictured",
    procedureText(
      { image: { src: "/images/damaged.jpg", alt: "Legs" } },
      "## What it is\n\n![A folder](/images/folder.png)\n\n![Damaged](/images/damaged.jpg)\n",
    ),
  );
  const check = await runPamphlet(["check", "--content", site.contentDir]);
  const output = check.stdout + check.stderr;
  t.regex(output, /pictured\.md:\d+:\d+ +error +"image › src" \/images\/damaged\.jpg cannot be read as a picture \(\S+damaged\.jpg is damaged.*save it again/);
  t.regex(output, /pictured\.md:\d+:\d+ +error +image \/images\/damaged\.jpg cannot be read as a picture/);
  t.regex(output, /pictured\.md:\d+:\d+ +error +image \/images\/folder\.png is a folder, not a picture/);
});

test("front matter image: a space in the picture's name is said to be the problem", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "spaced", procedureText({ image: { src: "/images/my photo.jpg", alt: "Legs" } }));
  const { loadContent } = await import("../src/content/load.ts");
  const said = (await loadContent(site.contentDir)).problems.filter((problem) => problem.file.endsWith("spaced.md")).map((problem) => problem.message);
  t.deepEqual(said, [
    '"image › src" has a space in its name: rename the file without spaces (legs-after.jpg), and write that name here; got "/images/my photo.jpg"',
  ]);
});
