// `npm run compile` (and `prepare`: npm install in this repository, npm pack, npm publish): the
// TypeScript in src/ compiled to JavaScript and bundled into dist/bundle (see bundle below), so
// `pamphlet` starts without compiling its sources in a loader thread on every run (see
// scripts/compiledCli.js). Written to a temporary folder and swapped in, so dist/ is never half
// made; its stamp file is written last. Nothing is done when dist/ is already current. Skipped
// quietly where TypeScript or esbuild is not installed (npm ci --omit=dev): the command then runs
// the sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundledStamp, bundleInputsHash, compiledCli, compiledStamp, readStamp, sourcesHash } from "./compiledCli.js";

const root = fileURLToPath(new URL("..", import.meta.url));
let tsc;
let esbuild;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  esbuild = createRequire(import.meta.url)("esbuild");
} catch {
  process.exit(0);
}
const dist = path.join(root, "dist");
// Already compiled from these very sources and bundled with these dependencies: left as it is (a command
// running from it meanwhile is not disturbed).
const bundleInputs = bundleInputsHash(root);
if (compiledCli(root) && readStamp(root, bundledStamp) === bundleInputs) process.exit(0);
// A compile cut short leaves its folder behind: the next one removes it (never one still being made).
const running = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
};
for (const name of readdirSync(root)) {
  const pid = /^dist\.making-(\d+)/.exec(name)?.[1];
  if (pid && !running(Number(pid))) rmSync(path.join(root, name), { recursive: true, force: true });
}
const making = path.join(root, `dist.making-${process.pid}`);
// Hashed before compiling: a source saved meanwhile leaves dist/ stale, so it is not run.
const hash = sourcesHash(root);
rmSync(making, { recursive: true, force: true });
// tsc's JavaScript is what is bundled, then removed: only the bundle runs.
const javascript = path.join(making, "javascript");
const compiled = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.dist.json"), "--outDir", javascript], { stdio: "inherit" });
if (compiled.status !== 0) {
  rmSync(making, { recursive: true, force: true });
  console.error("Compiling src/ to dist/ failed (see above).");
  process.exit(1);
}
try {
  await bundle(javascript, path.join(making, "bundle"));
  rmSync(javascript, { recursive: true, force: true });
} catch (error) {
  rmSync(making, { recursive: true, force: true });
  console.error(`Bundling dist/ failed: ${error.message}`);
  process.exit(1);
}
writeFileSync(path.join(making, bundledStamp), bundleInputs);
writeFileSync(path.join(making, compiledStamp), hash);
// Swapped by two renames, so a command starting meanwhile finds a whole dist/ (or none, and runs the sources).
const previous = `${making}-previous`;
if (existsSync(dist)) renameSync(dist, previous);
renameSync(making, dist);
rmSync(previous, { recursive: true, force: true });
// On stderr: `npm pack --json` prints its JSON on stdout.
console.error("dist/: src/ compiled to JavaScript");

/**
 * The compiled modules in `javascript` and most of their dependencies as one bundle in `outdir`, which is
 * what `pamphlet` runs: Node 20 finds, reads and links the 1,300 or so files a build loads one by
 * one. Measured side by side (medians of 10, 40 guides): a one-edit rebuild 2.62 → 2.49 s, `check`
 * 0.72 → 0.64 s. Code only some commands load (the site build, Chromium's driver) stays in chunks
 * of its own, loaded when asked for. Packages that read their own files, load native code or run a
 * program of their own are left as they are. Eleventy is bundled too (see eleventyOwnPackage):
 * measured, importing the site build took 340–390 ms with Eleventy and eleventy-img left outside
 * and 215–240 ms with them inside, and a one-edit rebuild 2.76 → 2.53 s (medians of 16 pairs).
 */
async function bundle(javascript, outdir) {
  const external = ["@11ty/eleventy-dev-server", "chokidar", "decap-cms", "dompurify", "jsdom", "pagefind", "pdfjs-dist", "sharp", "fsevents"];
  await esbuild.build({
    entryPoints: [path.join(javascript, "cli", "entry.js")],
    outdir,
    // Every file of the bundle directly in dist/bundle, two folders below Pamphlet's root, as each
    // module of src/ is: installPaths.ts finds the root (templates, sources) from there.
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    // The CommonJS packages in the bundle call require(), which an ES module does not have.
    banner: { js: 'import { createRequire as pamphletRequire } from "node:module"; const require = pamphletRequire(import.meta.url);' },
    plugins: [eleventyOwnPackage()],
    logLevel: "error",
  });
}

/**
 * Eleventy checks its own version, and reads it from the package.json two folders above its own
 * file (ImportJsonSync.js): in the bundle that would be the wrong file. The bundle carries Eleventy's
 * package.json instead. A new Eleventy whose file no longer has that function fails the compile here.
 */
function eleventyOwnPackage() {
  return {
    name: "eleventy-own-package",
    setup(build) {
      build.onLoad({ filter: /[\\/]@11ty[\\/]eleventy[\\/]src[\\/]Util[\\/]ImportJsonSync\.js$/ }, async (file) => {
        const source = await readFile(file.path, "utf8");
        const read = "function getEleventyPackageJson() {";
        if (!source.includes(read)) throw new Error(`${file.path} has no ${read}: see how this Eleventy finds its package.json`);
        const carried = `import eleventyPackageJson from "../../package.json";\n${read}\n\treturn eleventyPackageJson;\n`;
        return { contents: source.replace(read, carried), loader: "js" };
      });
    },
  };
}
