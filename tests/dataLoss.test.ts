import { existsSync, readdirSync } from "node:fs";
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs, startPamphlet, type RunningCli } from "./helpers/cli.ts";
import type { FixtureSite } from "./helpers/fixtures.ts";
import { pdfInfo } from "./helpers/pdf.ts";
import { until } from "./helpers/until.ts";

const leftovers = async (dir: string) => (await readdir(dir, { recursive: true })).filter((name) => /\.tmp$|staging-|previous-/.test(name));

/**
 * Starts a build that rebuilds the site and waits for `relative` inside its `site.staging-*` folder
 * in `outDir`, looking every 2 ms: the staging folder lives only moments before the swap, so even
 * that look can miss it on a busy machine (the build ends first). Then it builds again, up to five
 * times. Returns the running build, or undefined if no build was caught there.
 */
async function buildCaughtAt(site: FixtureSite, guide: string, relative: string): Promise<RunningCli | undefined> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await appendFile(guide, `\nAn edit so the site is built again (${relative}, attempt ${attempt}).\n`);
    const run = startPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
    let ended = false;
    void run.exited.then(() => (ended = true));
    const staged = () => {
      const staging = readdirSync(site.outDir, { withFileTypes: true }).find((entry) => entry.name.startsWith("site.staging-"));
      return staging !== undefined && existsSync(path.join(site.outDir, staging.name, relative));
    };
    const caught = (await until(() => staged() || ended, 120_000, { everyMs: 2 })) && !ended;
    if (caught) return run;
    await run.exited;
  }
  return undefined;
}

test.serial("Ctrl-C while the new site is swapped in: output/site stays a whole site, the old one or the new", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  // The moment the search index is being written (just before the swap), and one mid-render.
  for (const moment of ["pagefind", "procedures/sclerotherapy/index.html"]) {
    const run = await buildCaughtAt(site, guide, moment);
    if (!run) return t.fail(`no build was caught with ${moment} in its staging folder`);
    run.child.kill("SIGINT");
    t.is(await run.exited, 130, run.output());
    for (const page of ["index.html", "procedures/sclerotherapy/index.html", "procedures/compression-therapy/index.html", "404.html"]) {
      t.true(existsSync(path.join(site.siteDir, page)), `${page} is there after Ctrl-C at ${moment}`);
    }
    t.true(existsSync(path.join(site.siteDir, "brochures", "sclerotherapy.pdf")), `the brochures are still published after Ctrl-C at ${moment}`);
    t.deepEqual(await leftovers(site.outDir), []);
  }
  const rebuilt = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(rebuilt.code, 0, rebuilt.stderr);
  t.regex(await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8"), /An edit so the site is built again \(procedures/);
});

test.serial("--out at a folder Pamphlet did not make (a website, a home folder) is refused before anything in it is touched", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const theirs = path.join(site.root, "their-folder");
  await mkdir(path.join(theirs, "site"), { recursive: true });
  await mkdir(path.join(theirs, "brochures"));
  await writeFile(path.join(theirs, "site", "my-website.html"), "<p>not Pamphlet's</p>\n");
  await mkdir(path.join(theirs, ".cache", "fontconfig"), { recursive: true }); // another program's cache is not Pamphlet's mark
  await writeFile(path.join(theirs, "brochures", "old-contract.pdf"), "%PDF-1.4 a contract\n");
  for (const command of [
    ["build", "--formats", "letter"],
    ["brochures", "--formats", "letter"],
  ]) {
    const run = await runPamphlet([...command, "--content", site.contentDir, "--out", theirs]);
    t.is(run.code, 2, `${command[0]}: ${run.stdout}${run.stderr}`);
    t.regex(
      run.stderr,
      /--out \S*their-folder holds brochures\/, site\/, which Pamphlet did not make and would replace.*choose a new or empty folder/,
      command[0]!,
    );
  }
  t.deepEqual((await readdir(theirs, { recursive: true })).sort(), [
    ".cache",
    ".cache/fontconfig",
    "brochures",
    "brochures/old-contract.pdf",
    "site",
    "site/my-website.html",
  ]);
  // Pamphlet's own output, and one whose first build was stopped before it wrote anything but its staging folder, are used as before.
  const stopped = path.join(site.root, "stopped-output");
  await mkdir(path.join(stopped, "site.staging-4242"), { recursive: true });
  // A folder with only what other programs leave (Finder's .DS_Store, a .gitkeep, a font cache) is used, beside them.
  const kept = path.join(site.root, "kept-output");
  await mkdir(path.join(kept, ".cache", "fontconfig"), { recursive: true });
  await writeFile(path.join(kept, ".DS_Store"), "");
  await writeFile(path.join(kept, ".gitkeep"), "");
  for (const out of [site.outDir, stopped, kept])
    t.is((await runPamphlet(["build", "--formats", "letter", "--content", site.contentDir, "--out", out])).code, 0, out);
});

test.serial(
  "a second build or brochures run into the same --out while one runs is refused, naming it; a lock left by a killed run is taken over",
  async (t) => {
    const site = await builtSite(t, ["--formats", "letter"]);
    const first = startPamphlet(["brochures", "--force", "--formats", "letter,large", ...siteArgs(site)]);
    await first.waitFor(/\[\s*1\/\d+\]/, 120_000);
    for (const command of ["build", "brochures"]) {
      const second = await runPamphlet([command, "--force", "--formats", "letter", ...siteArgs(site)]);
      t.is(second.code, 1, `${command}: ${second.stdout}${second.stderr}`);
      t.regex(second.stderr, new RegExp(`Another Pamphlet \\(process ${first.child.pid}\\) is writing into \\S+: wait until it ends, then run this again`));
    }
    t.is(await first.exited, 0, first.output());
    t.regex(first.output(), /Brochures: 4 made, 0 skipped \(unchanged\), 0 failed/);
    t.deepEqual((await readdir(site.brochuresDir)).filter((name) => name.endsWith(".pdf")).length, 4, "every brochure is there");
    // A killed Pamphlet's lock does not stop the next run: its process gone, or its pid now another program's (init's).
    for (const pid of ["999999999", "1"]) {
      await writeFile(path.join(site.outDir, ".pamphlet-lock"), pid);
      t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0, pid);
    }
    t.false(existsSync(path.join(site.outDir, ".pamphlet-lock")), "and the lock goes with the run");
  },
);

test.serial("pack --out onto a guide, clinic.yaml or another non-PDF file is refused; the file is untouched", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  const notes = path.join(site.root, "notes.txt");
  await writeFile(notes, "my notes, not a PDF\n");
  const targets = [
    path.join(site.contentDir, "procedures", "sclerotherapy.md"),
    path.join(site.contentDir, "_data", "clinic.yaml"),
    path.join(site.contentDir, "procedures", "new-pack.pdf"),
    notes,
  ];
  for (const target of targets) {
    const before = existsSync(target) ? await readFile(target) : undefined;
    const run = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--content", site.contentDir, "--out", target]);
    t.is(run.code, 2, `${target}: ${run.stdout}${run.stderr}`);
    t.regex(run.stderr, /--out/);
    t.deepEqual(existsSync(target) ? await readFile(target) : undefined, before, `${target} is unchanged`);
  }
  // A PDF outside the folders Pamphlet reads may be replaced, as before.
  const pack = path.join(site.root, "visit.pdf");
  for (let i = 0; i < 2; i++) t.is((await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--content", site.contentDir, "--out", pack])).code, 0);
  t.truthy((await pdfInfo(pack)).Pages);
});

test.serial("the brochure step fails after the site was swapped in: the published site keeps its brochures", async (t) => {
  const site = await builtSite(t, ["--formats", "letter"]);
  // The manifest cannot be saved: a folder stands where its file goes (as a full or read-only disk would fail it).
  await rm(path.join(site.brochuresDir, ".manifest.json"));
  await mkdir(path.join(site.brochuresDir, ".manifest.json"));
  await appendFile(path.join(site.contentDir, "procedures", "sclerotherapy.md"), "\nAn edit so the site is built again.\n");
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(run.code, 1, run.stdout + run.stderr);
  t.notRegex(run.stderr, /\n\s+at /, "no stack trace");
  for (const name of ["sclerotherapy.pdf", "compression-therapy.pdf"]) {
    t.true(existsSync(path.join(site.siteDir, "brochures", name)), `site/brochures/${name} is still published`);
  }
  t.regex(await readFile(path.join(site.siteDir, "procedures", "sclerotherapy", "index.html"), "utf8"), /brochures\/sclerotherapy\.pdf/);
});
