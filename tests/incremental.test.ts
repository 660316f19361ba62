import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { PrintManifest } from "../src/brochures/printManifest.ts";
import { buildKey } from "../src/commands/buildStamp.ts";
import { loadContent } from "../src/content/load.ts";
import { siteSourceFolders } from "../src/site/clinicOverrides.ts";
import { PrintViewReuse } from "../src/site/printViewReuse.ts";
import { printViews } from "../src/site/printViews.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { builtFixtureSite } from "./helpers/builtFixture.ts";
import { fixtureSite, type FixtureSite } from "./helpers/fixtures.ts";

const formats = ["--formats", "letter,trifold,booklet"];
/** The files a run made (not skipped), from its one-line-per-file report. */
const made = (stdout: string) => [...stdout.matchAll(/^\[\s*\d+\/\d+\] (\S+) {2}(?!unchanged)/gm)].map((match) => match[1]!).sort();
const skipped = (stdout: string) => [...stdout.matchAll(/^\[\s*\d+\/\d+\] (\S+) {2}unchanged$/gm)].map((match) => match[1]!).sort();
const all = ["booklet.pdf", "compression-therapy.pdf", "compression-therapy.trifold.pdf", "sclerotherapy.pdf", "sclerotherapy.trifold.pdf"];

async function built(t: import("ava").ExecutionContext): Promise<FixtureSite> {
  const { site, run: first } = await builtFixtureSite(t, formats);
  t.is(first.code, 0, first.stderr);
  t.deepEqual(
    made(first.stdout).filter((name) => name.endsWith(".pdf")),
    all,
  );
  return site;
}

const build = (site: FixtureSite, options = formats) => runPamphlet(["build", ...options, ...siteArgs(site)]);
const brochures = (site: FixtureSite, ...extra: string[]) => runPamphlet(["brochures", ...formats, ...extra, ...siteArgs(site)]);
const replaceIn = async (file: string, from: string, to: string) => writeFile(file, (await readFile(file, "utf8")).replace(from, to));

test("unchanged content: a rebuild prints nothing and leaves every PDF byte-identical", async (t) => {
  const site = await built(t);
  const before = await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf"));
  const stamp = await stat(path.join(site.outDir, ".build-stamp.json"));
  const again = await build(site);
  t.is(again.code, 0, again.stderr);
  t.is((await stat(path.join(site.outDir, ".build-stamp.json"))).mtimeMs, stamp.mtimeMs, "the quick way: the stamp found current, not written again");
  t.deepEqual(made(again.stdout), []);
  t.deepEqual(
    skipped(again.stdout).filter((name) => name.endsWith(".pdf")),
    all,
  );
  t.regex(again.stdout, /Brochures: 0 made, 5 skipped \(unchanged\), 0 failed/);
  t.deepEqual(await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf")), before);
});

test("nothing changed, but a PDF was deleted: the build makes that one again", async (t) => {
  const site = await built(t);
  await rm(path.join(site.brochuresDir, "sclerotherapy.pdf"));
  const afterDelete = await build(site);
  t.is(afterDelete.code, 0, afterDelete.stderr);
  t.deepEqual(made(afterDelete.stdout), ["sclerotherapy.pdf"]);
  const again = await build(site);
  t.deepEqual(made(again.stdout), []);
  t.regex(again.stdout, /Brochures: 0 made, 5 skipped \(unchanged\)/);
});

test("nothing changed, but a PDF was cut short or replaced: the build makes that one again", async (t) => {
  const site = await built(t);
  const file = path.join(site.brochuresDir, "sclerotherapy.pdf");
  await writeFile(file, (await readFile(file)).subarray(0, 1000));
  const again = await build(site);
  t.is(again.code, 0, again.stderr);
  t.deepEqual(made(again.stdout), ["sclerotherapy.pdf"]);
  t.true((await readFile(path.join(site.siteDir, "brochures", "sclerotherapy.pdf"))).length > 1000, "the site publishes the whole PDF again");
});

test("nothing changed: the quick rebuild still prints the content's warnings", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "es", "procedures"), { recursive: true }); // a language clinic.yaml does not publish
  const first = await build(site, ["--formats", "letter"]);
  t.is(first.code, 0, first.stderr);
  t.regex(first.stderr, /es:1:1 {2}warning {2}is not published/);
  const again = await build(site, ["--formats", "letter"]);
  t.is(again.code, 0, again.stderr);
  t.deepEqual(made(again.stdout), []);
  t.is(again.stderr, first.stderr, "the same warnings, word for word");
});

test("a fresh checkout with the last output restored from a CI cache (a tar: new folder, new times) prints only what the commit changed", async (t) => {
  const site = await built(t);
  const runner = await mkdtemp(path.join(tmpdir(), "pamphlet-runner-"));
  t.teardown(() => rm(runner, { recursive: true, force: true }));
  // A checkout writes every file anew; the cache restores output/ from a tar, its times to the second.
  await cp(site.contentDir, path.join(runner, "content"), { recursive: true });
  await promisify(execFile)("sh", ["-c", `tar -cf - -C '${site.root}' output | tar -xf - -C '${runner}'`]);
  const checkout = { ...site, root: runner, contentDir: path.join(runner, "content"), outDir: path.join(runner, "output") };
  const same = await build(checkout);
  t.is(same.code, 0, same.stderr);
  t.deepEqual(made(same.stdout), [], "a push that changed no guide prints nothing");
  await replaceIn(path.join(checkout.contentDir, "procedures", "sclerotherapy.md"), "The vein closes and fades.", "The vein closes and slowly fades.");
  const edited = await build(checkout);
  t.is(edited.code, 0, edited.stderr);
  t.deepEqual(made(edited.stdout), ["booklet.pdf", "sclerotherapy.pdf", "sclerotherapy.trifold.pdf"]);
});

const movedProject = "a project folder moved elsewhere: the next build prints nothing, and from then on names (and reads) the new folder";
test(movedProject, async (t) => {
  const site = await fixtureSite(t);
  t.is((await build(site, ["--formats", "letter"])).code, 0);
  const movedRoot = `${site.root}-moved`;
  await rename(site.root, movedRoot);
  t.teardown(() => rm(movedRoot, { recursive: true, force: true }));
  const args = ["--formats", "letter", "--content", path.join(movedRoot, "content"), "--out", path.join(movedRoot, "output")];
  const first = await runPamphlet(["build", ...args]);
  t.is(first.code, 0, first.stderr);
  t.deepEqual(made(first.stdout), [], "nothing printed again: the brochures' records hold no folder");
  const stamp = path.join(movedRoot, "output", ".build-stamp.json");
  const written = await stat(stamp);
  const again = await runPamphlet(["build", ...args]);
  t.is((await stat(stamp)).mtimeMs, written.mtimeMs, "the build after that takes the quick way");
  t.true(again.stderr.includes(`--content ${path.join(movedRoot, "content")}`), again.stderr);
  t.false(again.stderr.includes(`${site.root}/`), "the reminder to run check names the new folder, not the old");
  // Without --content, `brochures` reads the content the site was built from: in its new place.
  const reprint = await runPamphlet(["brochures", "sclerotherapy", "--formats", "letter", "--force", "--out", path.join(movedRoot, "output")]);
  t.is(reprint.code, 0, reprint.stderr);
});

test("an edit to one procedure prints only that procedure's brochures (and the booklet that holds it)", async (t) => {
  const site = await built(t);
  const file = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await replaceIn(file, "The vein closes and fades.", "The vein closes and slowly fades.");
  const run = await build(site);
  t.is(run.code, 0, run.stderr);
  // The share card shows the title and summary, not the body: it stays as it was.
  t.deepEqual(made(run.stdout), ["booklet.pdf", "sclerotherapy.pdf", "sclerotherapy.trifold.pdf"]);
});

/** A procedure's print view page in the built site (`format`: "" for the clinic's paper). */
const printView = (site: FixtureSite, slug: string, format = "") => path.join(site.siteDir, "print", slug, format, "index.html");

/** Edits sclerotherapy's guide (a sentence of its body, `round` telling the edits apart) and builds. */
async function editAndBuild(t: import("ava").ExecutionContext, site: FixtureSite, round: number, options = formats) {
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace(/The vein closes( \(\d+\))? and/, `The vein closes (${round}) and`));
  const run = await build(site, options);
  t.is(run.code, 0, run.stderr);
  return run;
}

test("an edit to one procedure renders only its print views again: the others are carried over as they were, until --force", async (t) => {
  const site = await built(t);
  await editAndBuild(t, site, 1); // the site in place is now this copy's own
  const other = await stat(printView(site, "compression-therapy"));
  const otherTrifold = await stat(printView(site, "compression-therapy", "trifold"));
  await editAndBuild(t, site, 2);
  t.regex(await readFile(printView(site, "sclerotherapy"), "utf8"), /The vein closes \(2\) and/);
  t.regex(await readFile(printView(site, "sclerotherapy", "trifold"), "utf8"), /The vein closes \(2\) and/);
  t.is((await stat(printView(site, "compression-therapy"))).mtimeMs, other.mtimeMs, "not rendered again");
  t.is((await stat(printView(site, "compression-therapy", "trifold"))).mtimeMs, otherTrifold.mtimeMs, "not rendered again");
  // The booklet holds every guide: rendered again.
  t.regex(await readFile(path.join(site.siteDir, "print", "booklet", "index.html"), "utf8"), /The vein closes \(2\) and/);
  const forced = await runPamphlet(["build", ...formats, "--force", ...siteArgs(site)]);
  t.is(forced.code, 0, forced.stderr);
  t.not((await stat(printView(site, "compression-therapy"))).mtimeMs, other.mtimeMs, "--force renders every view");
});

const procedurePage = (site: FixtureSite, slug: string) => path.join(site.siteDir, "procedures", slug, "index.html");
const shareCard = (site: FixtureSite, slug: string) => path.join(site.siteDir, "share", "en", slug, "index.html");
/** The pages in the site's search index (one fragment each). */
const searchable = async (site: FixtureSite) => (await readdir(path.join(site.siteDir, "pagefind", "fragment"))).length;

test("an edit to one procedure renders its page and share card again, not the others': they are carried over, and still found by search", async (t) => {
  const site = await built(t);
  await editAndBuild(t, site, 1);
  const [page, card, pages] = [
    await stat(procedurePage(site, "compression-therapy")),
    await stat(shareCard(site, "compression-therapy")),
    await searchable(site),
  ];
  await editAndBuild(t, site, 2);
  t.regex(await readFile(procedurePage(site, "sclerotherapy"), "utf8"), /The vein closes \(2\) and/);
  t.is((await stat(procedurePage(site, "compression-therapy"))).mtimeMs, page.mtimeMs, "the other guide's page is not rendered again");
  t.is((await stat(shareCard(site, "compression-therapy"))).mtimeMs, card.mtimeMs, "nor its share card");
  t.is(await searchable(site), pages, "every page is still in the search index");
  const forced = await runPamphlet(["build", ...formats, "--force", ...siteArgs(site)]);
  t.is(forced.code, 0, forced.stderr);
  t.is(await searchable(site), pages);
  t.not((await stat(procedurePage(site, "compression-therapy"))).mtimeMs, page.mtimeMs, "--force renders every page");
});

test("a rebuild whose list of brochures comes out the same keeps the print centre as it was; a changed list writes it again", async (t) => {
  const site = await built(t);
  const printCentre = path.join(site.siteDir, "print-centre", "index.html");
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await editAndBuild(t, site, 1); // the site in place is now this copy's own
  const before = await stat(printCentre);
  // Markdown that reads the same: the site is built again, every brochure and so the list come out the same.
  await writeFile(guide, `${await readFile(guide, "utf8")}\n\n`);
  const same = await build(site);
  t.is(same.code, 0, same.stderr);
  t.regex(same.stdout, /Site: .* built in/);
  t.deepEqual(made(same.stdout), [], "nothing printed");
  t.is((await stat(printCentre)).mtimeMs, before.mtimeMs, "the print centre is carried over, not written again");
  await replaceIn(guide, "title: Sclerotherapy", "title: Sclerotherapy injections");
  t.is((await build(site)).code, 0);
  t.not((await stat(printCentre)).mtimeMs, before.mtimeMs);
  t.regex(await readFile(printCentre, "utf8"), /Sclerotherapy injections/, "a new title: written again");
});

test("a site in place removed while a rebuild reads the pages it carries over fails that build with what to do, and nothing else", async (t) => {
  const site = await built(t);
  await editAndBuild(t, site, 1); // the site in place is now this copy's own
  const { buildSite } = await import("../src/site/build.ts");
  const { recordedPrintViews } = await import("../src/site/printViewRecord.ts");
  const { pamphletFingerprint, siteSources } = await import("../src/site/siteFingerprint.ts");
  // As `build` makes it, so the keys it recorded are found again.
  const reuse = new PrintViewReuse(site.siteDir, siteSourceFolders(site.contentDir), await recordedPrintViews(site.siteDir), await pamphletFingerprint());
  await reuse.begin((await siteSources(site.contentDir)).files);
  // As output/ deleted by hand just as the build planned what to carry over.
  const plan = reuse.plan.bind(reuse);
  let carried = 0;
  reuse.plan = (...args) => {
    const planned = plan(...args);
    carried = (args[3]?.procedures?.length ?? 0) - (planned.site?.procedures?.length ?? 0);
    rmSync(site.siteDir, { recursive: true, force: true });
    return planned;
  };
  const content = (await loadContent(site.contentDir)).content!;
  const building = buildSite({ content, contentDir: site.contentDir, siteDir: site.siteDir, formats: ["letter", "trifold", "booklet"], printViewReuse: reuse });
  await t.throwsAsync(building, { message: /went while the site was being built over it: build again/ });
  t.true(carried > 0, "the build had planned to carry a procedure page over");
});

test("a page carried over keeps the web copies of the pictures it shows (they are made only as a page is rendered)", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await writeFile(path.join(site.contentDir, "images", "wordmark.png"), await readFile(path.join("tests", "fixtures", "images", "wordmark-1200x260.png")));
  const other = path.join(site.contentDir, "procedures", "compression-therapy.md");
  await writeFile(other, (await readFile(other, "utf8")).replace(/\n## /, "\n![The clinic's wordmark](/images/wordmark.png)\n\n## "));
  t.is((await build(site, ["--formats", "letter"])).code, 0);
  const page = await stat(procedurePage(site, "compression-therapy"));
  const shown = async () => [...(await readFile(procedurePage(site, "compression-therapy"), "utf8")).matchAll(/\/img\/([^"\s,]+)/g)].map(([, name]) => name!);
  t.true((await shown()).length > 0, "the page shows web copies of the picture");
  await editAndBuild(t, site, 1, ["--formats", "letter"]);
  t.is((await stat(procedurePage(site, "compression-therapy"))).mtimeMs, page.mtimeMs, "carried over, not rendered");
  for (const name of await shown()) t.true(existsSync(path.join(site.siteDir, "img", name)), `img/${name} is in the new site`);
});

test("a print view carried over keeps the print copies of the pictures it shows (a Spanish guide's, when only English changed)", async (t) => {
  const site = await fixtureSite(t);
  const clinic = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinic, `${await readFile(clinic, "utf8")}languages: [en, es]\n`);
  await cp(path.join("tests", "fixtures", "translations", "es"), path.join(site.contentDir, "es"), { recursive: true });
  // Wider than brochures print (2400 px), so print views show a print copy of it; only the Spanish guide shows it.
  const { PNG } = await import("pngjs");
  const picture = new PNG({ width: 2600, height: 100 });
  picture.data.fill(255);
  await mkdir(path.join(site.contentDir, "images"), { recursive: true });
  await writeFile(path.join(site.contentDir, "images", "wide.png"), PNG.sync.write(picture));
  await replaceIn(path.join(site.contentDir, "es", "procedures", "sclerotherapy.md"), "\n## ", "\n![Piernas](/images/wide.png)\n\n## ");
  t.is((await build(site, ["--formats", "letter"])).code, 0);
  const view = path.join(site.siteDir, "es", "print", "sclerotherapy", "index.html");
  const before = await stat(view);
  const shown = [...(await readFile(view, "utf8")).matchAll(/\/img\/([^"\s,]+-2400\.png)/g)].map(([, name]) => name!);
  t.is(shown.length, 1, "the Spanish print view shows the picture's print copy");
  await replaceIn(path.join(site.contentDir, "procedures", "compression-therapy.md"), "\n## ", "\nAn English sentence.\n\n## ");
  const run = await build(site, ["--formats", "letter"]);
  t.is(run.code, 0, run.stderr);
  t.is((await stat(view)).mtimeMs, before.mtimeMs, "carried over, not rendered");
  for (const name of shown) t.true(existsSync(path.join(site.siteDir, "img", name)), `img/${name} is in the new site`);
});

test("a site in place that another build made since (an older Pamphlet, a folder restored) has every print view rendered, none trusted", async (t) => {
  const site = await built(t);
  await editAndBuild(t, site, 1);
  // Another build: its own print views, and its own fingerprint for the site.
  await writeFile(printView(site, "compression-therapy"), "made by another build");
  await writeFile(`${site.siteDir}.fingerprint`, JSON.stringify({ fingerprint: "another build's" }));
  await editAndBuild(t, site, 2);
  t.regex(await readFile(printView(site, "compression-therapy"), "utf8"), /<!doctype html>/);
});

test("a clinic's template replaced by another of the same size and time still renders every print view again: build goes by the bytes", async (t) => {
  const site = await built(t);
  // The clinic's own partial, in the folder beside its content (as `rsync -a` or an unzip would leave one).
  const partial = path.join(path.dirname(site.contentDir), "templates", "partials", "sources.njk");
  await mkdir(path.dirname(partial), { recursive: true });
  const aSecond = 1_700_000_000; // a whole second, which every disk keeps exactly
  await writeFile(partial, "<p>Template A</p>");
  await utimes(partial, aSecond, aSecond);
  await editAndBuild(t, site, 1);
  await writeFile(partial, "<p>Template B</p>");
  await utimes(partial, aSecond, aSecond);
  await editAndBuild(t, site, 2);
  t.regex(await readFile(printView(site, "compression-therapy"), "utf8"), /Template B/);
});

test("a build of other formats, or published under another folder, renders every print view again", async (t) => {
  const site = await built(t);
  await editAndBuild(t, site, 1);
  // A print view links to its PDF only when the build prints that format.
  const largeView = () => readFile(printView(site, "compression-therapy", "large"), "utf8");
  t.notRegex(await largeView(), /type="application\/pdf"/);
  await editAndBuild(t, site, 2, ["--formats", "letter,trifold,booklet,large"]);
  t.regex(await largeView(), /type="application\/pdf"/);
  await editAndBuild(t, site, 3, ["--formats", "letter,trifold,booklet,large", "--base-path", "/clinic/"]);
  t.regex(await readFile(printView(site, "compression-therapy"), "utf8"), /href="\/clinic\/css\//);
});

test("an edit to a guide's summary makes its share image again, from the new card; a removed guide's card goes", async (t) => {
  const site = await built(t);
  const card = (slug: string) => path.join(site.siteDir, "share", "en", slug, "index.html");
  t.true(existsSync(card("compression-therapy")));
  await replaceIn(path.join(site.contentDir, "procedures", "sclerotherapy.md"), "summary: Small injections", "summary: Tiny injections");
  await rm(path.join(site.contentDir, "procedures", "compression-therapy.md"));
  const run = await build(site);
  t.is(run.code, 0, run.stderr);
  t.regex(await readFile(card("sclerotherapy"), "utf8"), /Tiny injections/);
  t.true(made(run.stdout).includes("share/en/sclerotherapy.png"), run.stdout);
  t.false(existsSync(card("compression-therapy")), "the removed guide's card");
});

test("print views made by another Pamphlet (its code or dependencies changed) are all rendered again", async (t) => {
  const site = await fixtureSite(t);
  const content = (await loadContent(site.contentDir)).content!;
  const views = printViews(content, () => "Booklet");
  const settings = { formats: ["letter"], dev: false };
  /** How many views a build by `madeWith` renders, with the site in place as `inPlace` says. */
  const rendered = async (inPlace: ReadonlyMap<string, string>, madeWith: string) => {
    const reuse = new PrintViewReuse(site.siteDir, siteSourceFolders(site.contentDir), inPlace, madeWith);
    await reuse.begin();
    const planned = Object.values(reuse.plan(views, content, settings).print).flat();
    reuse.adopt();
    return { count: planned.length, inPlace: reuse.inPlace };
  };
  const first = await rendered(new Map(), "pamphlet 1");
  t.true(first.count > 4, `${first.count} views`);
  // The site in place has each view's page (carried over only when it is there).
  for (const url of first.inPlace.keys()) {
    await mkdir(path.join(site.siteDir, ...url.split("/")), { recursive: true });
    await writeFile(path.join(site.siteDir, ...url.split("/"), "index.html"), "");
  }
  t.is((await rendered(first.inPlace, "pamphlet 1")).count, 0, "the same Pamphlet: every view carried over");
  t.is((await rendered(first.inPlace, "pamphlet 2")).count, first.count, "another: every view rendered");
});

test("published under a folder with an accent (/clínica/), an edit still prints that procedure again", async (t) => {
  const site = await fixtureSite(t);
  await replaceIn(path.join(site.contentDir, "_data", "clinic.yaml"), "siteUrl: https://fixture.example.org/", "siteUrl: https://fixture.example.org/clínica/");
  t.is((await build(site, ["--formats", "letter"])).code, 0);
  await replaceIn(path.join(site.contentDir, "procedures", "sclerotherapy.md"), "The vein closes and fades.", "The vein closes and slowly fades.");
  const run = await build(site, ["--formats", "letter"]);
  t.is(run.code, 0, run.stderr);
  t.deepEqual(
    made(run.stdout).filter((name) => name.endsWith(".pdf")),
    ["sclerotherapy.pdf"],
  );
});

test("a stylesheet change prints everything", async (t) => {
  const site = await built(t);
  const css = path.join(site.siteDir, "css", "brochure.css");
  await writeFile(css, `${await readFile(css, "utf8")}\nh2 { letter-spacing: 0.01em; }\n`);
  const run = await brochures(site);
  t.is(run.code, 0, run.stderr);
  t.deepEqual(made(run.stdout), all);
});

test("a clinic.yaml change prints everything", async (t) => {
  const site = await built(t);
  const clinic = path.join(site.contentDir, "_data", "clinic.yaml");
  await replaceIn(clinic, "(555) 010-0199", "(555) 010-0198");
  const run = await build(site);
  t.is(run.code, 0, run.stderr);
  t.deepEqual(
    made(run.stdout).filter((name) => name.endsWith(".pdf")),
    all,
  );
});

test("--force prints everything even when nothing changed", async (t) => {
  const site = await built(t);
  const run = await brochures(site, "--force");
  t.is(run.code, 0, run.stderr);
  t.deepEqual(made(run.stdout), all);
});

test("--force for one procedure prints only it, and the next run still knows the others are up to date", async (t) => {
  const site = await built(t);
  const forced = await brochures(site, "sclerotherapy", "--force");
  t.is(forced.code, 0, forced.stderr);
  t.deepEqual(made(forced.stdout), ["booklet.pdf", "sclerotherapy.pdf", "sclerotherapy.trifold.pdf"]);
  const next = await brochures(site);
  t.is(next.code, 0, next.stderr);
  t.deepEqual(made(next.stdout), []);
});

test("--shard 1/3, 2/3 and 3/3 together print every brochure exactly once", async (t) => {
  const site = await built(t);
  const shares = [];
  for (const shard of ["1/3", "2/3", "3/3"]) {
    const run = await brochures(site, "--force", "--shard", shard);
    t.is(run.code, 0, run.stderr);
    shares.push(made(run.stdout));
  }
  t.deepEqual(shares.flat().sort(), all, "every brochure once, none twice");
  t.true(shares.filter((share) => share.length > 0).length >= 2, `split across shards: ${JSON.stringify(shares)}`);
  const bad = await brochures(site, "--shard", "4/3");
  t.is(bad.code, 2);
  t.regex(bad.stderr, /--shard takes i\/n with 1 ≤ i ≤ n/);
});

test("after the shards ran, a full run finds every brochure made (their manifests merge) and prints nothing", async (t) => {
  const site = await built(t);
  for (const shard of ["1/2", "2/2"]) t.is((await brochures(site, "--force", "--shard", shard)).code, 0);
  t.deepEqual((await readdir(site.brochuresDir)).filter((name) => name.startsWith(".manifest")).sort(), [
    ".manifest-1-of-2.json",
    ".manifest-2-of-2.json",
    ".manifest.json",
  ]);
  await rm(path.join(site.brochuresDir, ".manifest.json"));
  const run = await brochures(site);
  t.deepEqual(made(run.stdout), []);
});

test("the no-change shortcut's key: the options are inputs, --force is not", (t) => {
  const folders = { contentDir: "content", outDir: "output" };
  const key = (choice = {}, browser = "chromium 1 2") => buildKey("sources", folders, choice, browser);
  t.is(key(), key());
  t.not(key(), key({ bleed: true }));
  t.not(key(), key({ formats: ["a4"] }));
  t.not(key(), key({}, "chromium 1 3"), "a new Chromium prints everything again");
  t.not(key(), buildKey("sources", { ...folders, basePath: "/clinic/" }, {}, "chromium 1 2"));
  t.is(key(), key({ force: true }), "--force skips the shortcut; it is not an input");
});

test("merged manifests keep each file's newest record, whichever manifest holds it", async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), "pamphlet-manifest-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const open = (shard?: string) => PrintManifest.open(dir, dir, "common", { shard });
  const make = async (shard: string | undefined, name: string, pages: number) => {
    const manifest = await open(shard);
    await manifest.record(name, {}, [], { bytes: 1, pages });
    await manifest.save();
  };
  await make(undefined, "x.pdf", 1); // a full run writes `.manifest.json`
  await make("1/2", "x.pdf", 2); // a forced shard makes x.pdf again
  await make("2/2", "y.pdf", 1); // the other shard makes y.pdf, and carries the records it read: x.pdf's two
  t.is((await open()).pages("x.pdf"), 2, "the forced shard's record, not the full run's older one");
  t.is((await open()).pages("y.pdf"), 1);
});
