import { execFile } from "node:child_process";
import { access, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** The version tried against the system Chromium; pinned so every run measures the same tool. */
const version = "0.4.3";

/** The same flags the naive baseline and the pool launch Chromium with, so only the tool differs. */
const browserArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/**
 * Installs pagedjs-cli into `cacheDir` if it is not there yet and returns its bin, or why it
 * could not be installed. It is not a dependency of Pamphlet: it drags in Puppeteer 20 and
 * Express. PUPPETEER_SKIP_DOWNLOAD and --ignore-scripts keep Puppeteer from fetching a browser
 * of its own (nothing to fetch it from here); the system Chromium is used instead.
 */
export async function pagedjsCli(cacheDir: string): Promise<{ bin: string } | { skipped: string }> {
  const bin = path.join(cacheDir, "node_modules", ".bin", "pagedjs-cli");
  if (await exists(bin)) return { bin };
  await mkdir(cacheDir, { recursive: true });
  const install = await run("npm", ["install", "--prefix", cacheDir, "--no-audit", "--no-fund", "--ignore-scripts", `pagedjs-cli@${version}`], {
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
    timeout: 300_000,
  });
  if (install.failed) return { skipped: `npm install pagedjs-cli@${version} failed: ${install.failed}\n${tail(install.output)}` };
  if (!(await exists(bin))) return { skipped: `npm install pagedjs-cli@${version} left no ${bin}\n${tail(install.output)}` };
  return { bin };
}

/**
 * Renders each URL to a PDF with pagedjs-cli, one process (so one browser) per URL, one after
 * another, as the CLI is meant to be used. PUPPETEER_EXECUTABLE_PATH points its Puppeteer at
 * `chromium`, since the CLI has no option for the browser's path. `extraArgs` go to the CLI
 * as they are, e.g. `--style fix.css` (Paged.js 0.4.3 does not know a lower-case `size: a4`).
 */
export async function pagedjsPdfs(bin: string, urls: string[], outFile: (index: number) => string, chromium: string, extraArgs: string[] = []): Promise<void> {
  for (const [index, url] of urls.entries()) {
    const out = outFile(index);
    // Its Puppeteer leaves each profile folder (puppeteer_dev_chrome_profile-*) in the temporary folder: one of
    // its own, removed after (167 of them had gathered in /tmp).
    const tmp = await mkdtemp(path.join(os.tmpdir(), "pamphlet-bench-pagedjs-"));
    const result = await run(bin, [url, "--output", out, "--browserArgs", browserArgs.join(","), ...extraArgs], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium, TMPDIR: tmp },
      // The CLI waits forever by default (its --timeout is 0); a stuck page should fail the run.
      timeout: 120_000,
    }).finally(() => rm(tmp, { recursive: true, force: true }));
    // It prints an error and exits 1 when a page fails, but check the file too: a PDF is the point.
    const size = await stat(out).then(
      (s) => s.size,
      () => 0,
    );
    if (result.failed || size === 0) {
      throw new Error(`pagedjs-cli could not render ${url} to ${out}: ${result.failed ?? "no PDF written"}\n${tail(result.output)}`);
    }
  }
}

/** Runs a command to the end, with stdout and stderr together, failing by a reason, not a throw. */
function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; timeout: number }): Promise<{ failed?: string; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // The spinner redraws with carriage returns; keep one line per step.
      const output = `${stdout}${stderr}`.replace(/\r/g, "\n");
      if (!error) return resolve({ output });
      const reason = error.killed ? `killed after ${options.timeout / 1000} s` : `exit ${error.code ?? error.signal ?? error.message}`;
      resolve({ failed: reason, output });
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function tail(output: string, lines = 40): string {
  return output
    .split("\n")
    .filter((line) => line.trim())
    .slice(-lines)
    .join("\n");
}
