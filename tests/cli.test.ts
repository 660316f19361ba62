import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, repoRoot, writeProcedure } from "./helpers/fixtures.ts";
import { pdfInfo, pdfText } from "./helpers/pdf.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

test("copying a procedure file and changing its title adds a page, a card and a brochure", async (t) => {
  const site = await fixtureSite(t);
  const source = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  const copy = path.join(site.contentDir, "procedures", "spider-vein-care.md");
  await writeFile(copy, (await readFile(source, "utf8")).replace("title: Sclerotherapy", "title: Spider vein care"));
  const run = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  const page = await readFile(path.join(site.siteDir, "procedures", "spider-vein-care", "index.html"), "utf8");
  t.regex(page, /<h1[^>]*>Spider vein care<\/h1>/);
  t.regex(await readFile(path.join(site.siteDir, "index.html"), "utf8"), /<a href="\/procedures\/spider-vein-care\/">Spider vein care<\/a>/);
  t.regex(await pdfText(path.join(site.brochuresDir, "spider-vein-care.pdf")), /Spider vein care/);
});

for (const [name, text, expected] of [
  [
    "a misspelt front-matter key",
    procedureText({ duration: undefined, duraton: "About 30 minutes" }),
    /bad\.md:\d+:1 {2}error {2}unknown field "duraton": did you mean "duration"\?/,
  ],
  ["invalid YAML", '---\ntitle: "Bad\nsummary: x\n---\n## What it is\n', /bad\.md:\d+:\d+ {2}error {2}invalid YAML/],
] as const) {
  test(`${name} fails the build with file and line, writes no PDF for it and leaves earlier PDFs intact`, async (t) => {
    const site = await builtSite(t, []);
    const earlier = path.join(site.brochuresDir, "sclerotherapy.pdf");
    const before = await readFile(earlier);
    const sitePage = await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"));

    await writeProcedure(site, "bad", text);
    const run = await runPamphlet(["build", ...siteArgs(site)]);
    t.is(run.code, 1);
    t.regex(run.stderr, expected);
    t.regex(run.stderr, /\d+ errors?, \d+ warnings?/);
    t.false(existsSync(path.join(site.brochuresDir, "bad.pdf")));
    t.false(existsSync(path.join(site.siteDir, "procedures", "bad")));
    t.deepEqual(await readFile(earlier), before, "the earlier PDF is byte-identical");
    t.deepEqual(await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html")), sitePage);
  });
}

test("a deleted procedure's page and PDFs disappear on the next build", async (t) => {
  const site = await builtSite(t, []);
  t.true(existsSync(path.join(site.brochuresDir, "compression-therapy.pdf")));
  const { rm } = await import("node:fs/promises");
  await rm(path.join(site.contentDir, "procedures", "compression-therapy.md"));
  t.is((await runPamphlet(["build", ...siteArgs(site)])).code, 0);
  t.false(existsSync(path.join(site.siteDir, "procedures", "compression-therapy")));
  t.false(existsSync(path.join(site.siteDir, "print", "compression-therapy")));
  t.false(existsSync(path.join(site.brochuresDir, "compression-therapy.pdf")));
  t.false(existsSync(path.join(site.siteDir, "brochures", "compression-therapy.pdf")));
  t.true(existsSync(path.join(site.brochuresDir, "sclerotherapy.pdf")));
});

test("check lists content errors and exits 1; clean content exits 0", async (t) => {
  const site = await fixtureSite(t);
  const clean = await runPamphlet(["check", ...siteArgs(site)]);
  t.is(clean.code, 0, clean.stderr);
  await copyFile(path.join(site.contentDir, "procedures", "sclerotherapy.md"), path.join(site.contentDir, "procedures", "Bad Name.md"));
  await writeProcedure(site, "typo", procedureText({ titel: "x" }));
  const run = await runPamphlet(["check", ...siteArgs(site)]);
  t.is(run.code, 1);
  t.regex(run.stderr, /Bad Name\.md:1:1 {2}error/);
  t.regex(run.stderr, /typo\.md:\d+:1 {2}error {2}unknown field "titel": did you mean "title"\?/);
  // (The fixture's guides declare no kind and its clinic has sample details: warnings, which do not change the exit status.)
  t.regex(run.stderr, /^\d+ errors, \d+ warnings$/m);
  // A writer working on one guide can ask for its problems alone.
  const one = await runPamphlet(["check", path.join(site.contentDir, "procedures", "typo.md"), ...siteArgs(site)]);
  t.is(one.code, 1);
  t.regex(one.stderr, /typo\.md:\d+:1 {2}error {2}unknown field "titel"/);
  t.notRegex(one.stderr, /Bad Name/);
  t.regex(one.stdout, /\(\d+ more in other files, 1 of them an error: run check without files to see them\)/, "Bad Name.md's");
  const other = await runPamphlet(["check", path.join(site.contentDir, "procedures", "sclerotherapy.md"), ...siteArgs(site)]);
  t.is(other.code, 0, "another file's errors do not fail a check of this one");
  t.regex(other.stdout, /\(\d+ more in other files, \d+ of them errors: run check/, "but they are said, not only counted");
});

test("setup finds the browser already there and says where, as a clinic's workflow runs it (the compiled command)", async (t) => {
  const run = await runPamphlet(["setup"]);
  t.is(run.code, 0, run.output);
  t.regex(run.stdout, /^Browser: \//m);
});

test("bad usage exits 2 saying what is wrong in one line, and where the help is", async (t) => {
  const unknownCommand = await runPamphlet(["publish"]);
  t.is(unknownCommand.code, 2);
  t.is(
    unknownCommand.stderr,
    'Unknown command "publish". The commands: init, setup, build, dev, brochures, check, serve, pack.\n(npx pamphlet --help lists every command and option.)\n',
    "not the whole help, which scrolled the one useful line away",
  );
  t.regex((await runPamphlet(["buld"])).stderr, /^Unknown command "buld"\. Did you mean build\? /);
  const unknownOption = await runPamphlet(["build", "--colour"]);
  t.is(unknownOption.code, 2);
  t.regex(unknownOption.stderr, /Unknown option '--colour'\./);
  const typo = await runPamphlet(["check", "--contnet", "x"]);
  t.is(typo.code, 2);
  t.regex(typo.stderr, /Unknown option '--contnet'\. Did you mean --content\?/);
  const folderToCheck = await runPamphlet(["check", "tests/fixtures"]);
  t.is(folderToCheck.code, 2, "check with a folder but no --content stops, not runs on ./content");
  t.regex(folderToCheck.stderr, /"check" takes files, not the folder "tests\/fixtures": to check another content folder, write --content tests\/fixtures/);
  for (const command of ["build", "dev"]) {
    const folderAsWord = await runPamphlet([command, "tests/fixtures"]);
    t.is(folderAsWord.code, 2, `${command} with a folder but no --content stops, not runs on ./content`);
    t.regex(folderAsWord.stderr, new RegExp(`"${command}" takes no "tests/fixtures": To use another content folder, write --content tests/fixtures`));
  }
  const slugAsWord = await runPamphlet(["build", "sclerotherapy"]);
  t.is(slugAsWord.code, 2);
  t.regex(slugAsWord.stderr, /"build" takes no "sclerotherapy": It reads every guide \(`brochures sclerotherapy` prints one guide's brochures\)/);
  const help = await runPamphlet(["--help"]);
  t.is(help.code, 0);
  t.regex(help.stdout, /Commands:/);
});

test("a content folder beside the working folder, its name starting the same (~/clinic and ~/clinic-content), builds", async (t) => {
  const site = await fixtureSite(t);
  // Run from <tmp>/pamphlet-basic-XXXX/cont with the content in <tmp>/pamphlet-basic-XXXX/content.
  const workingDir = path.join(site.root, "cont");
  await mkdir(workingDir);
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { cwd: workingDir });
  t.is(run.code, 0, `${run.stdout}\n${run.stderr}`);
  t.true(existsSync(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html")));
  t.true(existsSync(path.join(site.brochuresDir, "sclerotherapy.pdf")));
});

test("procedure pages link only to the brochures the build printed, and every link has its PDF", async (t) => {
  const site = await fixtureSite(t);
  const pdfLinks = async () => {
    const page = await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8");
    return [...page.matchAll(/href="\/brochures\/([^"]+\.pdf)"/g)].map((match) => match[1]!);
  };
  t.is((await runPamphlet(["build", "--formats", "letter,trifold", ...siteArgs(site)])).code, 0);
  t.deepEqual(await pdfLinks(), ["sclerotherapy.pdf"], "no large-print link when large print is not printed");
  t.is((await runPamphlet(["build", "--formats", "letter,large", ...siteArgs(site)])).code, 0);
  t.deepEqual(await pdfLinks(), ["sclerotherapy.pdf", "sclerotherapy.large.pdf"]);
  for (const pdf of await pdfLinks()) t.true(existsSync(path.join(site.siteDir, "brochures", pdf)), `${pdf} is published`);
  // The print views of every format are there (brochures --formats may print any), but only a built one names its PDF.
  for (const file of (await readdir(path.join(site.siteDir, "print"), { recursive: true })).filter((name) => name.endsWith(".html"))) {
    const view = await readFile(path.join(site.siteDir, "print", file), "utf8");
    for (const [, pdf] of view.matchAll(/<link rel="alternate" type="application\/pdf" href="\/brochures\/([^"]+)">/g)) {
      t.true(existsSync(path.join(site.siteDir, "brochures", pdf!)), `print/${file} names ${pdf}, which is published`);
    }
  }

  // A clinic on a4 whose clinic.yaml still lists letter: warned, and the page keeps its download.
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${(await readFile(clinicFile, "utf8")).replace("paper: letter", "paper: a4")}\nbrochureFormats: [letter, large]\n`);
  const a4 = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(a4.code, 0, a4.stderr);
  t.regex(a4.stderr, /_data\/clinic\.yaml:\d+:\d+ {2}warning {2}"brochureFormats" lists letter but not a4, the clinic's paper/);
  t.deepEqual(await pdfLinks(), ["sclerotherapy.letter.pdf", "sclerotherapy.large.pdf"]);
  for (const pdf of await pdfLinks()) t.true(existsSync(path.join(site.siteDir, "brochures", pdf)), `${pdf} is published`);
});

test("a build publishes exactly its formats: brochures of formats an earlier build printed are removed, not left out of date", async (t) => {
  const site = await fixtureSite(t);
  const published = async () => (await readdir(path.join(site.siteDir, "brochures"))).filter((name) => name.startsWith("sclerotherapy")).sort();
  t.is((await runPamphlet(["build", "--formats", "letter,a4,trifold", ...siteArgs(site)])).code, 0);
  t.deepEqual(await published(), ["sclerotherapy.a4.pdf", "sclerotherapy.pdf", "sclerotherapy.trifold.pdf"]);

  // Re-printing some brochures in another format adds them and leaves the rest alone. Without
  // --content, brochures reads the content the site was built from, not ./content (the sample clinic).
  t.is((await runPamphlet(["brochures", "sclerotherapy", "--formats", "large", "--out", site.outDir])).code, 0);
  t.deepEqual(await published(), ["sclerotherapy.a4.pdf", "sclerotherapy.large.pdf", "sclerotherapy.pdf", "sclerotherapy.trifold.pdf"]);
  t.is((await pdfInfo(path.join(site.brochuresDir, "sclerotherapy.large.pdf"))).Author, "Fixture Vein Clinic");

  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  t.deepEqual(await published(), ["sclerotherapy.pdf"], "the site keeps only this build's formats");
  t.deepEqual(
    (await readdir(site.brochuresDir)).filter((name) => name.startsWith("sclerotherapy")),
    ["sclerotherapy.pdf"],
    "so does output/brochures",
  );
  const printCentre = await readFile(path.join(site.siteDir, "print-centre", "index.html"), "utf8");
  t.notRegex(printCentre, /sclerotherapy\.(a4|large|trifold)\.pdf/, "the print centre lists only what exists");
});

test("build does not stop on what only check reports (a banned claim), but says to run check before publishing", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "claimed", procedureText({ title: "Claimed" }, "## What it is\n\nThis treatment is guaranteed to work.\n"));
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 0, run.stderr);
  // The command as the user runs it, with the --content given: `npx pamphlet check --content …` here (or `npm run check -- …` from an npm script).
  t.regex(
    run.stderr,
    joinedRegExp(
      /npx pamphlet check --content \S+ --out \S+ finds \d+ errors? and \d+ warnings? \([^)]*claims[^)]*\) /,
      /that this build does not stop on: run it before publishing\./,
    ),
  );
});

test("--out inside Pamphlet's own folders (its sources, its compiled code, its templates) is refused before anything is written", async (t) => {
  for (const folder of ["src", "dist", "templates"]) {
    const out = path.join(repoRoot, folder, "output-here");
    const run = await runPamphlet(["build", "--out", out]);
    t.is(run.code, 2, `${folder}: ${run.output}`);
    t.regex(run.stderr, /which is part of Pamphlet itself/);
    t.false(existsSync(out), `${folder}: nothing written`);
  }
});
