import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { appendFile, cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet } from "./helpers/cli.ts";
import { fixturesDir } from "./helpers/fixtures.ts";

/** One case of tests/fixtures/bad/<name>/expect.json (see the README there). */
interface Expectation {
  why: string;
  command?: "build" | "check";
  args?: string[];
  exit: number;
  messages?: string[];
  unsaid?: string[];
  absent?: string[];
  made?: string[];
  notMade?: string[];
  page?: string;
  pageHas?: string[];
  pageHasNot?: string[];
  clinicAppend?: string;
  clinicReplace?: [string, string];
  delete?: string[];
  generate?: Record<string, { bytes?: number[]; repeat?: string; times?: number }>;
}

const corpus = path.join(fixturesDir, "bad");
const cases = readdirSync(corpus).filter((name) => existsSync(path.join(corpus, name, "expect.json")));

/** Every case starts from a copy of the basic fixture, built once (see builtFixture.ts). */
const goldenArgs = ["--formats", "letter,trifold"];

/** Content hash of every file under `dir` (only PDFs when `pdfsOnly`), by relative path. */
async function fileHashes(dir: string, pdfsOnly = false): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && (!pdfsOnly || entry.name.endsWith(".pdf")))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  return Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [
        name,
        createHash("sha256")
          .update(await readFile(path.join(dir, name)))
          .digest("hex"),
      ]),
    ),
  );
}
const pdfHashes = (dir: string) => fileHashes(dir, true);

test("the corpus covers at least 25 cases", (t) => {
  t.true(cases.length >= 25, `${cases.length} cases`);
});

for (const name of cases) {
  const expect = JSON.parse(readFileSync(path.join(corpus, name, "expect.json"), "utf8")) as Expectation;
  test(`${name}: ${expect.why}`, async (t) => {
    const { contentDir, outDir } = await builtSite(t, goldenArgs);
    const goldenPdfs = await pdfHashes(path.join(outDir, "brochures"));
    if (existsSync(path.join(corpus, name, "content"))) await cp(path.join(corpus, name, "content"), contentDir, { recursive: true });
    const clinicFile = path.join(contentDir, "_data", "clinic.yaml");
    if (expect.clinicAppend) await appendFile(clinicFile, expect.clinicAppend);
    if (expect.clinicReplace) await writeFile(clinicFile, (await readFile(clinicFile, "utf8")).replace(...expect.clinicReplace));
    for (const file of expect.delete ?? []) await rm(path.join(contentDir, file));
    for (const [file, how] of Object.entries(expect.generate ?? {})) {
      await writeFile(path.join(contentDir, file), how.bytes ? Buffer.from(how.bytes) : `---\ntitle: Huge\n---\n${how.repeat!.repeat(how.times!)}`);
    }
    const sourcesBefore = await fileHashes(contentDir);

    const command = expect.command ?? "build";
    const run = await runPamphlet([
      command,
      ...(expect.args ?? ["--formats", "letter,trifold"]).filter(() => command === "build"),
      "--content",
      contentDir,
      "--out",
      outDir,
    ]);
    const output = `${run.stdout}\n${run.stderr}`;
    t.is(run.code, expect.exit, output);
    for (const message of expect.messages ?? []) t.regex(output, new RegExp(message), "names the file and the line or field");
    for (const message of expect.unsaid ?? []) t.notRegex(output, new RegExp(message), "says nothing that is not so");
    t.notRegex(output, /\n\s+at .*\(.*\.[jt]s:\d+:\d+\)/, "no stack trace: a clear message instead");

    // Nothing half-written or wrongly published.
    const leftovers = (await readdir(outDir, { recursive: true })).filter((entry) => /\.tmp$|staging-|previous-|print-centre-\d/.test(entry));
    t.deepEqual(leftovers, [], "no temporary or staging files");
    for (const slug of expect.absent ?? []) {
      t.false(existsSync(path.join(outDir, "site", "procedures", slug)), `no page for ${slug}`);
      t.false(existsSync(path.join(outDir, "brochures", `${slug}.pdf`)), `no PDF for ${slug}`);
    }
    const pdfs = await pdfHashes(path.join(outDir, "brochures"));
    if (expect.exit !== 0 && !expect.made) t.deepEqual(pdfs, goldenPdfs, "earlier PDFs are untouched");
    for (const file of expect.made ?? []) t.true(existsSync(path.join(outDir, "brochures", file)), `${file} made`);
    for (const file of expect.notMade ?? []) t.false(existsSync(path.join(outDir, "brochures", file)), `${file} not made`);
    if (expect.page) {
      const page = await readFile(path.join(outDir, "site", expect.page), "utf8");
      for (const pattern of expect.pageHas ?? []) t.regex(page, new RegExp(pattern));
      for (const pattern of expect.pageHasNot ?? []) t.notRegex(page, new RegExp(pattern));
    }
    t.deepEqual(await fileHashes(contentDir), sourcesBefore, "sources are never modified");
  });
}
