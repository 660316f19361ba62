import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { repoRoot, type FixtureSite } from "./fixtures.ts";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `pamphlet` command in a child process, as a user would. */
export function runPamphlet(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts", "pamphlet.js"), ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export const siteArgs = (site: FixtureSite) => ["--content", site.contentDir, "--out", site.outDir];

/**
 * Starts the CLI; `reached` resolves when its output matches `ready`. `exited` gives the exit status
 * as a shell shows it (128 + the signal's number when a signal ended it).
 */
export function startCli(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts", "pamphlet.js"), ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1", ...env } });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 128 + os.constants.signals[signal] : null))));
  const reached = new Promise<void>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk;
      if (ready.test(output)) resolve();
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    exited.then(() => reject(new Error(`exited before ${ready}: ${output}`)));
  });
  return { child, reached, exited, output: () => output };
}

