// npm run bench [-- --n 200 --runs 3 --quick] (compiles dist/ first: the CLI lines time what a clinic runs, not the sources through tsx)
// Pamphlet against its baselines, side by side in one run, on a synthetic library of N procedures
// made from the shipped ones. Prints medians and ratios. --quick skips the pool settings and the 5N memory run.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findBrowser } from "../src/brochures/findBrowser.ts";
import { defaultTabs } from "../src/brochures/printer.ts";
import { printSite, type PrintSiteOptions } from "../src/brochures/printSite.ts";
import { startSiteServer } from "../src/brochures/siteServer.ts";
import { loadForBuild } from "../src/check/runChecks.ts";
import { buildSite, runEleventy } from "../src/site/build.ts";
import { bookletPrintUrl, printUrl } from "../src/shared/routes.ts";
import { devLoop } from "./devLoop.ts";
import { withPeakMemory } from "./memory.ts";
import { naivePdfs } from "./naiveBaseline.ts";
import { pagedjsCli, pagedjsPdfs } from "./pagedjsBaseline.ts";
import { plainEleventyBuild } from "./plainEleventy.ts";
import { printCallCost, printFloor } from "./printFloor.ts";
import { fixed, median, timed } from "./stats.ts";
import { syntheticLibrary } from "./syntheticLibrary.ts";

const { values } = parseArgs({
  options: { n: { type: "string", default: "200" }, runs: { type: "string", default: "3" }, quick: { type: "boolean", default: false } },
});
const n = Number(values.n);
const runs = Number(values.runs);
const root = await mkdtemp(path.join(os.tmpdir(), "pamphlet-bench-"));
const repo = path.resolve(import.meta.dirname, "..");
const line = (label: string, ours: string, baseline: string, ratio: string) =>
  console.log(`${label.padEnd(44)} ${ours.padStart(14)} ${baseline.padStart(16)} ${ratio.padStart(9)}`);

try {
  console.log(`Pamphlet benchmark: ${n} procedures, ${runs} runs each, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? ""}`);
  const contentDir = await syntheticLibrary(path.join(root, "content"), n, path.join(repo, "content"));
  line("", "Pamphlet", "baseline", "ratio");

  // 1. Site build, in this process, alternating Pamphlet and plain Eleventy over the same Markdown.
  // Each run writes into a folder of its own, as a cold build does: plain Eleventy writing over its last
  // run's pages found their folders made, and making a folder takes a quarter to half a millisecond here.
  const ours: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < runs; run++) {
    plain.push((await timed(() => plainEleventyBuild(contentDir, path.join(root, `plain-${run}`)))).seconds);
    ours.push(
      (
        await timed(async () => {
          const { content } = await loadForBuild(contentDir);
          await buildSite({ content: content!, contentDir, siteDir: path.join(root, "site") });
        })
      ).seconds,
    );
  }
  line("site build, cold (s)   [plain Eleventy]", fixed(median(ours)), fixed(median(plain)), `${fixed(median(ours) / median(plain))}x`);
  // Pamphlet writes six pages per procedure (the page, three print views, a tri-fold, a share card)
  // where plain Eleventy writes one, and a search index: per page written, how the two compare.
  const htmlPages = async (dir: string) => (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".html")).length;
  const [ourPages, plainPages] = [await htmlPages(path.join(root, "site")), await htmlPages(path.join(root, "plain-0"))];
  const [ourPerPage, plainPerPage] = [(1000 * median(ours)) / ourPages, (1000 * median(plain)) / plainPages];
  line(`  per HTML page (ms)  [${ourPages} vs ${plainPages} pages]`, fixed(ourPerPage), fixed(plainPerPage), `${fixed(ourPerPage / plainPerPage)}x`);
  // Like for like: plain Eleventy writing as many pages per procedure as Pamphlet (goal: at most 1.2x),
  // and the content checks Pamphlet runs first, on a line of their own.
  const perProcedure = Math.round(ourPages / n);
  // The pages alone are Pamphlet's Eleventy run with no search index, into a folder of its own.
  const same: number[] = [];
  const checks: number[] = [];
  const pagesOnly: number[] = [];
  const loaded = (await loadForBuild(contentDir)).content!;
  // At least 7 pairs: each run is a quarter of a second, and with 3 the ratio moved between 1.05x and 1.6x on unchanged code.
  for (let run = 0; run < Math.max(runs, 7); run++) {
    same.push((await timed(() => plainEleventyBuild(contentDir, path.join(root, `plain-same-${run}`), perProcedure))).seconds);
    checks.push((await timed(() => loadForBuild(contentDir))).seconds);
    pagesOnly.push((await timed(() => runEleventy({ content: loaded, contentDir }, path.join(root, `pages-${run}`), (eleventy) => eleventy.write()))).seconds);
  }
  line(
    `site build, cold (s)   [plain Eleventy, ${perProcedure} pages each]`,
    fixed(median(ours)),
    fixed(median(same)),
    `${fixed(median(ours) / median(same))}x`,
  );
  line(`  the pages alone (s) [same, goal 1.2x]`, fixed(median(pagesOnly)), fixed(median(same)), `${fixed(median(pagesOnly) / median(same))}x`);
  line(`  the search index, the rest (s)`, fixed(Math.max(0, median(ours) - median(checks) - median(pagesOnly))), "", "");
  line(`  the content checks (s)`, fixed(median(checks)), "", "");

  // 2. Brochures per second over the same print pages: the pool vs a new browser per PDF.
  const { content } = await loadForBuild(contentDir);
  const sample = content!.procedures.slice(0, Math.min(n, 40));
  const naiveSample = sample.slice(0, 8);
  /** PDFs per second printing the sample through Pamphlet's pool, with these settings. */
  const poolRate = async (pool?: PrintSiteOptions["pool"]) => {
    const printed = await timed(() =>
      printSite({
        siteDir: path.join(root, "site"),
        brochuresDir: path.join(root, "pool"),
        formats: ["letter"],
        slugs: sample.map((procedure) => procedure.slug),
        force: true,
        pool,
      }),
    );
    return sample.length / printed.seconds;
  };
  const server = await startSiteServer(path.join(root, "site"));
  const naiveUrls = naiveSample.map((procedure) => `${server.origin}${printUrl(procedure.slug, procedure.lang, "letter", content!.clinic)}`);
  // pagedjs-cli is not a dependency: installed on first use (browser download skipped), pointed at the same Chromium.
  const pagedjs = await pagedjsCli(path.join(repo, "node_modules", ".cache", "pamphlet-bench", "pagedjs"));
  const floorUrls = sample.map((procedure) => `${server.origin}${printUrl(procedure.slug, procedure.lang, "letter", content!.clinic)}`);
  const floorRates: number[] = [];
  const poolRates: number[] = [];
  const naiveRates: number[] = [];
  const pagedjsRates: number[] = [];
  let pagedjsFailure: string | undefined;
  for (let run = 0; run < runs; run++) {
    const naive = await timed(() => naivePdfs(naiveUrls, (i) => path.join(root, `naive-${i}.pdf`)));
    naiveRates.push(naiveSample.length / naive.seconds);
    if (pagedjsFailure === undefined && "bin" in pagedjs) {
      // A comparison, not Pamphlet: when Paged.js cannot render our CSS, say so and measure the rest.
      await timed(() => pagedjsPdfs(pagedjs.bin, naiveUrls, (i) => path.join(root, `pagedjs-${i}.pdf`), findBrowser())).then(
        (paged) => pagedjsRates.push(naiveSample.length / paged.seconds),
        (error: Error) => (pagedjsFailure = error.message.split("\n").find((line) => /Error|failed/.test(line)) ?? error.message.split("\n")[0]),
      );
    }
    poolRates.push(await poolRate());
    floorRates.push(await printFloor(floorUrls, defaultTabs()));
  }
  // Where the floor's time goes: a fixed cost for each page.pdf call, and a cost for each page.
  const callCost = await printCallCost(floorUrls[0]!, `${server.origin}${bookletPrintUrl(sample[0]!.lang, content!.clinic)}`);
  await server.close();

  // The pool's settings, measured the same way: tabs printing at once, and a tab kept for the next print or a new one each time.
  const settings: Array<{ label: string; isDefault: boolean; rate: number }> = [];
  const tryPool = async (label: string, pool: { tabs: number; reuseTabs?: boolean; waitUntil?: "load" | "networkidle0" }) => {
    const rates: number[] = [];
    for (let run = 0; run < runs; run++) rates.push(await poolRate(pool));
    const isDefault = pool.tabs === defaultTabs() && pool.reuseTabs !== false && pool.waitUntil !== "networkidle0";
    settings.push({ label, isDefault, rate: median(rates) });
  };
  if (!values.quick) {
    for (const tabs of [1, 2, 3, 4]) {
      await tryPool(`${tabs} tab${tabs > 1 ? "s" : " "}, tab reused`, { tabs });
      await tryPool(`${tabs} tab${tabs > 1 ? "s" : " "}, new tab each`, { tabs, reuseTabs: false });
    }
    await tryPool(`${defaultTabs()} tabs, networkidle0 wait`, { tabs: defaultTabs(), waitUntil: "networkidle0" });
  }
  line(
    `brochures per second  [print floor, ${defaultTabs()} tabs]`,
    fixed(median(poolRates)),
    fixed(median(floorRates)),
    `${fixed(median(poolRates) / median(floorRates))}x`,
  );
  line("  print floor: ms per page.pdf call, per page", fixed(callCost.perCall, 0), fixed(callCost.perPage, 1), "");
  line(
    `brochures per second  [new browser per PDF]`,
    fixed(median(poolRates)),
    fixed(median(naiveRates)),
    `${fixed(median(poolRates) / median(naiveRates), 1)}x`,
  );
  if (pagedjsFailure !== undefined) console.log(`  (pagedjs-cli comparison failed: ${pagedjsFailure})`);
  else if ("bin" in pagedjs)
    line(
      `brochures per second  [pagedjs-cli 0.4.3]`,
      fixed(median(poolRates)),
      fixed(median(pagedjsRates)),
      `${fixed(median(poolRates) / median(pagedjsRates), 1)}x`,
    );
  else console.log(`  (pagedjs-cli comparison skipped: ${pagedjs.skipped.split("\n")[0]})`);
  const best = Math.max(...settings.map((setting) => setting.rate));
  for (const { label, isDefault, rate } of settings) {
    console.log(`  pool: ${label.padEnd(28)}  ${fixed(rate).padStart(14)} PDFs/s  ${fixed(rate / best)} of best${isDefault ? "  <- default" : ""}`);
  }

  // 3. Whole builds through the CLI, as a writer runs them: cold, unchanged, one procedure edited.
  const out = path.join(root, "out");
  const cli = (...args: string[]) =>
    timed(() =>
      run(process.execPath, [path.join(repo, "scripts/pamphlet.js"), "build", "--formats", "letter", "--content", contentDir, "--out", out, ...args]),
    );
  const plainCli = () =>
    timed(() => run(process.execPath, [path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), "--config", path.join(root, "plain.config.cjs"), "--quiet"]));
  await writeFile(path.join(root, "plain.config.cjs"), plainConfig(contentDir, path.join(root, "plain-cli")));
  const cold = await cli();
  const unchanged: number[] = [];
  const plainRuns: number[] = [];
  let unchangedOutput = "";
  for (let run = 0; run < runs; run++) {
    plainRuns.push((await plainCli()).seconds);
    const again = await cli();
    unchanged.push(again.seconds);
    unchangedOutput = again.result;
  }
  // One guide edited per run (a different one each time), as a writer saves: the median of the rebuilds.
  const edits: Array<{ seconds: number; result: string }> = [];
  for (let run = 0; run < runs; run++) {
    const edited = path.join(contentDir, "procedures", `${content!.procedures[run % content!.procedures.length]!.slug}.md`);
    await writeFile(edited, (await readFile(edited, "utf8")).replace("## What it is", `## What it is\n\nAn edited sentence for the benchmark (${run + 1}).`));
    edits.push(await cli());
  }
  const edit = { seconds: median(edits.map((one) => one.seconds)), result: edits.at(-1)!.result };
  line("full build, cold: site + PDFs + share (s)", fixed(cold.seconds), "", "");
  line("rebuild, nothing changed (s) [plain Eleventy]", fixed(median(unchanged)), fixed(median(plainRuns)), `${fixed(median(unchanged) / median(plainRuns))}x`);
  line("rebuild, one procedure edited (s) [cold build]", fixed(edit.seconds), fixed(cold.seconds), `${fixed(edit.seconds / cold.seconds)}x`);
  line("rebuild, nothing changed (s) [goal]", fixed(median(unchanged)), "0.50", `${fixed(median(unchanged) / 0.5)}x`);
  const made = (output: string) => count(output, /Brochures: (\d+) made/);
  console.log(`  (cold build printed ${made(cold.result)} PDFs; the unchanged rebuild ${made(unchangedOutput)}; the edit ${made(edit.result)})`);

  // The shipped content as a clinic builds it: every format its clinic.yaml lists, share images, the print centre.
  // Each run cold, into an output folder of its own; the median of the runs (one run alone varied by 2 s).
  const shipped = path.join(root, "shipped-content");
  await cp(path.join(repo, "content"), shipped, { recursive: true });
  const shippedBuilds = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    const out = path.join(root, `shipped-out-${attempt}`);
    shippedBuilds.push(await timed(() => run(process.execPath, [path.join(repo, "scripts/pamphlet.js"), "build", "--content", shipped, "--out", out])));
  }
  const shippedBuild = { seconds: median(shippedBuilds.map((one) => one.seconds)), result: shippedBuilds.at(-1)!.result };
  line("full build, shipped content, cold (s) [goal]", fixed(shippedBuild.seconds), "12.00", `${fixed(shippedBuild.seconds / 12)}x`);
  console.log(
    `  (it printed ${count(shippedBuild.result, /Brochures: (\d+) made/)} PDFs and ${count(shippedBuild.result, /Share images: (\d+) made/)} share images)`,
  );

  // 4. A writer's loop in the dev server, on a copy of the shipped content, driven in Chromium.
  const devContent = path.join(root, "dev-content");
  await cp(path.join(repo, "content"), devContent, { recursive: true });
  const loop = await devLoop(devContent, path.join(root, "dev-site"), "sclerotherapy", 10);
  line("dev: save → page reloaded (s) [goal]", fixed(median(loop.reload)), "0.50", `${fixed(median(loop.reload) / 0.5)}x`);
  line("dev: save → its live PDF served (s) [goal]", fixed(median(loop.pdf)), "1.00", `${fixed(median(loop.pdf) / 1)}x`);

  // 5. Peak memory (RSS) while printing N and 5N PDFs: Chromium is restarted every 150 prints.
  if (!values.quick) {
    const peaks = [];
    for (const size of [n, 5 * n]) {
      const library = await syntheticLibrary(path.join(root, `memory-${size}`), size, path.join(repo, "content"));
      const loaded = (await loadForBuild(library)).content!;
      await buildSite({ content: loaded, contentDir: library, siteDir: path.join(root, `memory-${size}-site`) });
      const { peak } = await withPeakMemory(() =>
        printSite({ siteDir: path.join(root, `memory-${size}-site`), brochuresDir: path.join(root, `memory-${size}-pdf`), formats: ["letter"], force: true }),
      );
      peaks.push(peak);
      console.log(
        `peak RSS printing ${String(size).padStart(5)} PDFs (MB)              ` +
          `node ${fixed(peak.node, 0)}  chromium ${fixed(peak.chromium, 0)}  total ${fixed(peak.total, 0)}`,
      );
    }
    line(`peak RSS at 5N vs N (total)`, fixed(peaks[1]!.total, 0), fixed(peaks[0]!.total, 0), `${fixed(peaks[1]!.total / peaks[0]!.total)}x`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed:\n${output}`))));
  });
}

function count(output: string, pattern: RegExp): string {
  return pattern.exec(output)?.[1] ?? "?";
}

function plainConfig(contentDir: string, outDir: string): string {
  return `// Plain Eleventy over the same Markdown, minimal layout: the baseline for Pamphlet's build.
module.exports = function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "page.njk");
  eleventyConfig.addTemplate("_layouts/page.njk", "<!doctype html><html lang=en><title>{{ title }}</title><main>{{ content | safe }}</main></html>");
  return { dir: { input: ${JSON.stringify(path.join(contentDir, "procedures"))}, output: ${JSON.stringify(outDir)}, layouts: "_layouts" } };
};
`;
}
