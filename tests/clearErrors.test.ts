import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import test from "ava";
import { PamphletError } from "../src/shared/errors.ts";
import { outputWriteError } from "../src/shared/fileSystemError.ts";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite, procedureText, writeProcedure, type FixtureSite } from "./helpers/fixtures.ts";
import { pdfFonts } from "./helpers/pdf.ts";

const noStackTrace = /\n\s+at |ReferenceError|TypeError|ELOOP|ENOENT|EISDIR/;

async function check(site: FixtureSite) {
  const run = await runPamphlet(["check", "--content", site.contentDir]);
  return { ...run, output: run.stdout + run.stderr };
}

test("a YAML alias bomb in a guide or clinic.yaml: an error naming the file, not a bare ReferenceError", async (t) => {
  const bomb = `x: &x [a, b]\ny: [${Array.from({ length: 60 }, () => "*x").join(", ")}]\n`;
  const site = await fixtureSite(t);
  await writeProcedure(site, "bomb", `---\n${bomb}---\n## What it is\n\nText.\n`);
  const guide = await check(site);
  t.is(guide.code, 1, guide.output);
  t.regex(guide.output, /procedures\/bomb\.md:\d+:\d+ +error +invalid YAML: it repeats an anchor/);
  t.notRegex(guide.output, noStackTrace);

  const clinic = path.join(site.contentDir, "_data", "clinic.yaml");
  await appendFile(clinic, `anchors: &x [a, b]\nmany: [${Array.from({ length: 60 }, () => "*x").join(", ")}]\n`);
  const inClinic = await check(site);
  t.is(inClinic.code, 1, inClinic.output);
  t.regex(inClinic.output, /_data\/clinic\.yaml:\d+:\d+ +error +invalid YAML: it repeats an anchor/);
  t.notRegex(inClinic.output, noStackTrace);
});

test("a link loop, a dangling .md link, a folder named x.md, UTF-16 without a BOM: each named plainly", async (t) => {
  const site = await fixtureSite(t);
  const procedures = path.join(site.contentDir, "procedures");
  await symlink("loop.md", path.join(procedures, "loop.md"));
  await symlink("nowhere.md", path.join(procedures, "dangling.md"));
  await mkdir(path.join(procedures, "folder.md"));
  await writeFile(path.join(procedures, "wide.md"), Buffer.from(procedureText({ title: "Wide" }), "utf16le"));
  const run = await check(site);
  t.is(run.code, 1, run.output);
  t.regex(run.output, /procedures\/loop\.md(:\d+)* +error +is a link that leads back to itself/);
  t.regex(run.output, /procedures\/dangling\.md(:\d+)* +error +is a link to a file that does not exist/);
  t.regex(run.output, /procedures\/folder\.md(:\d+)* +error +is a folder, not a file/);
  t.regex(run.output, /procedures\/wide\.md(:\d+)* +error +is UTF-16 text, not UTF-8/);
  t.notRegex(run.output, /--out|has no front matter/);
  t.notRegex(run.output, noStackTrace);
  // build reads every source file first, for its fingerprint: the same files, named the same way.
  const built = await runPamphlet(["build", ...siteArgs(site)]);
  t.is(built.code, 1, built.output);
  t.regex(built.output, /procedures\/loop\.md(:\d+)* +error +is a link that leads back to itself/);
  t.regex(built.output, /procedures\/folder\.md(:\d+)* +error +is a folder, not a file/);
  t.notRegex(built.output, noStackTrace);
});

test("an editor's lock file beside a guide (.#sclerotherapy.md, a link to nowhere) does not stop the build", async (t) => {
  const site = await fixtureSite(t);
  await symlink("root@host.1234:1700000000", path.join(site.contentDir, "procedures", ".#sclerotherapy.md"));
  const run = await check(site);
  t.is(run.code, 0, run.output);
  t.notRegex(run.output, /\.#sclerotherapy/);
});

test("a guide called home.md is refused by check (the build failed with an output conflict on share/home.png)", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "home", procedureText({ title: "Home care" }));
  const run = await check(site);
  t.is(run.code, 1, run.output);
  t.regex(run.output, /procedures\/home\.md(:\d+)* +error +"home" is a name Pamphlet uses for its own pages and files/);
});

test("characters the bundled typeface lacks are named with file and line; the PDFs hold only the bundled fonts", async (t) => {
  const site = await fixtureSite(t);
  const lacking = ["≥", "≤", "→", "µ", "✓", "😀", "中"];
  await writeProcedure(
    site,
    "symbols",
    procedureText({ title: "Symbols" }, `## What it is\n\n${lacking.map((character) => `A line with ${character} in it.`).join("\n\n")}\n`),
  );
  const run = await check(site);
  t.is(run.code, 1, run.output);
  lacking.forEach((character, index) => {
    t.regex(
      run.output,
      new RegExp(`procedures/symbols\\.md:${17 + 2 * index}:\\d+ +error +"${character}" \\(U\\+[0-9A-F]{4,5}\\) is not in the bundled typeface`),
      character,
    );
  });

  // What it does draw, it draws itself: nothing from the machine's fonts.
  await rm(path.join(site.contentDir, "procedures", "symbols.md"));
  await writeProcedure(
    site,
    "symbols",
    procedureText({ title: "Symbols “quoted” – dashed — and … so on" }, "## What it is\n\nCafé, niño, 40 °C, 1½ hours, €20, © 2026, ™, • a point, ‹ and ›.\n"),
  );
  const build = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)]);
  t.is(build.code, 0, build.stdout + build.stderr);
  const fonts = await pdfFonts(path.join(site.brochuresDir, "symbols.pdf"));
  t.true(fonts.length > 0);
  t.deepEqual(
    fonts.filter((font) => !/AtkinsonHyperlegibleNext/.test(font.name)).map((font) => font.name),
    [],
    "only the bundled typeface",
  );
});

test("control characters (NUL, a right-to-left override) in a title are named, never published", async (t) => {
  const site = await fixtureSite(t);
  await writeProcedure(site, "hidden", procedureText({ title: "Sclero\u202Etherapy" }));
  await writeProcedure(site, "nul", procedureText({ title: "Nul\u0000title" }));
  const run = await check(site);
  t.is(run.code, 1, run.output);
  t.regex(run.output, /procedures\/hidden\.md:2:\d+ +error +holds an invisible control character \(U\+202E\)/);
  t.regex(run.output, /procedures\/nul\.md:2:\d+ +error +holds an invisible control character \(U\+0000\)/);
});

test("siteUrl with a query or fragment, --base-path with .., a 900 KB word: each refused with a clear message", async (t) => {
  const site = await fixtureSite(t);
  const clinic = path.join(site.contentDir, "_data", "clinic.yaml");
  const original = await readFile(clinic, "utf8");
  for (const siteUrl of ["https://fixture.example.org/?x=1&y=2", "https://fixture.example.org/#frag"]) {
    await writeFile(clinic, original.replace("siteUrl: https://fixture.example.org/", `siteUrl: "${siteUrl}"`));
    const run = await check(site);
    t.is(run.code, 1, run.output);
    t.regex(run.output, /clinic\.yaml:\d+:\d+ +error +"siteUrl" must be the site's address alone, without \? or #/, siteUrl);
  }
  await writeFile(clinic, original);

  const basePath = await runPamphlet(["build", "--base-path", "/../../", ...siteArgs(site)]);
  t.is(basePath.code, 2, basePath.stderr);
  t.regex(basePath.stderr, /--base-path must be a folder on the site, such as \/clinic\/, with no "\.\."/);
  t.false(existsSync(site.outDir));

  await writeProcedure(site, "long", procedureText({ title: "Long" }, `## What it is\n\n${"a".repeat(900 * 1024)}\n`));
  const long = await check(site);
  t.is(long.code, 1, long.output);
  t.regex(long.output, /procedures\/long\.md:17:1 +error +has a word of 921,600 characters with no space/);
});

test("a full disk while the site is built is reported as a full disk, not as trouble copying a script", async (t) => {
  // As Eleventy wraps it: its own error, holding the one it caught in `originalError`.
  const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  const eleventy = Object.assign(new Error("Having trouble copying 'node_modules/@pdf-lib/fontkit/dist/fontkit.umd.min.js'"), { originalError: full });
  const reported = outputWriteError(new PamphletError("Building the site failed", { cause: eleventy }));
  t.regex(reported?.message ?? "", /the disk is full \(ENOSPC\)/);

  // And on a real full disk, where this machine lets a test mount a small one.
  const mountPoint = await mkdtemp(path.join(os.tmpdir(), "pamphlet-full-disk-"));
  t.teardown(() => rm(mountPoint, { recursive: true, force: true }));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint], { stdio: "ignore" });
  } catch {
    return t.log("no tmpfs mount here: checked the error chain only");
  }
  t.teardown(() => execFileSync("umount", [mountPoint]));
  const site = await fixtureSite(t);
  const run = await runPamphlet(["build", "--formats", "letter", "--content", site.contentDir, "--out", path.join(mountPoint, "out")]);
  t.is(run.code, 1, run.stdout + run.stderr);
  t.regex(run.stderr, /the disk is full \(ENOSPC\)/);
  t.notRegex(run.stderr, /fontkit|pdf-lib\.min\.js|Having trouble copying/);
});

test("run from the wrong folder: inside the clinic's content, check names the clinic's folder to run from; before init, dev says so and ends", async (t) => {
  const site = await fixtureSite(t);
  const inside = await runPamphlet(["check"], { cwd: path.join(site.contentDir, "procedures") });
  t.is(inside.code, 1, inside.stderr);
  t.regex(inside.stderr, new RegExp(`does not exist: this is inside the clinic in ${site.root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; run Pamphlet there`));
  const empty = await mkdtemp(path.join(os.tmpdir(), "pamphlet-new-clinic-"));
  t.teardown(() => rm(empty, { recursive: true, force: true }));
  // It served a preview of nothing, after the error, until Ctrl-C.
  const dev = await runPamphlet(["dev", "--port", "18799"], { cwd: empty, patienceMs: 60_000 });
  t.is(dev.code, 2, dev.stderr);
  t.regex(dev.stderr, /Nothing to preview: the content folder content does not exist: run Pamphlet in the clinic's folder .*npx pamphlet init/);
});

test("--content at a folder that is no clinic's (/, a typo) says only that, without walking all it holds; at a file, that it is a file", async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pamphlet-not-content-"));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  // What `--content /` walked through: /proc, devices, FIFOs (693 errors about unrelated folders).
  await mkdir(path.join(dir, "var", "run"), { recursive: true });
  execFileSync("mkfifo", [path.join(dir, "var", "run", "a-pipe")]);
  await writeFile(path.join(dir, "notes.txt"), "not a content folder\n");
  const folder = await runPamphlet(["check", "--content", dir]);
  t.is(folder.code, 1);
  t.deepEqual(folder.output.split("\n").filter((line) => / {2}error {2}/.test(line)).length, 1, folder.output);
  t.regex(folder.output, /_data\/clinic\.yaml:1:1 {2}error {2}is missing: create it/);
  const file = await runPamphlet(["check", "--content", path.join(dir, "notes.txt")]);
  t.regex(file.output, /the content folder \S+notes\.txt is a file, not a folder: give --content the folder that holds _data\/ and procedures\//);
});
