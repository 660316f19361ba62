import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { repoRoot, type FixtureSite } from "./fixtures.ts";

export interface CliOptions {
  /** @defaultValue the repository's root */
  cwd?: string;
  /** Added to this process's environment (and `NO_COLOR=1`). */
  env?: NodeJS.ProcessEnv;
  /**
   * In a process group of its own, as a terminal runs a command: `process.kill(-child.pid, signal)` then
   * signals it as Ctrl-C does, reaching the processes it started too (not Chromium: it has its own group).
   */
  ownGroup?: boolean;
}

/** The real `pamphlet` command running in a child process, as a user would run it. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** The exit status as a shell shows it: 128 + the signal's number when a signal ended it. */
  exited: Promise<number | null>;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /**
   * Resolves with the first match of `pattern` in the output (already there or still to come);
   * rejects, quoting the output, if the command ends first or `timeoutMs` passes.
   */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Sends `signal` unless the command has ended, and resolves with its exit status. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startPamphlet(args: string[], options: CliOptions = {}): RunningCli {
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts", "pamphlet.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    detached: options.ownGroup,
  });
  let output = "";
  let stdout = "";
  let stderr = "";
  let ended = false;
  const watchers = new Set<() => void>();
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      ended = true;
      resolve(code ?? (signal ? 128 + os.constants.signals[signal] : null));
      for (const watcher of watchers) watcher();
    });
  });
  const heard = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    output += chunk;
    if (stream === "stdout") stdout += chunk;
    else stderr += chunk;
    for (const watcher of watchers) watcher();
  };
  child.stdout.on("data", heard("stdout"));
  child.stderr.on("data", heard("stderr"));

  return {
    child,
    exited,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => done(new Error(`no ${pattern} in the output of pamphlet ${args.join(" ")} within ${timeoutMs} ms: ${output}`)), timeoutMs);
        const done = (result: RegExpExecArray | Error) => {
          watchers.delete(look);
          clearTimeout(timer);
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        const look = () => {
          const match = pattern.exec(output);
          if (match) done(match);
          else if (ended) done(new Error(`pamphlet ${args.join(" ")} ended before ${pattern}: ${output}`));
        };
        watchers.add(look);
        look();
      }),
    stop(signal = "SIGTERM") {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}

export interface CliRun {
  /** The exit status as a shell shows it: 128 + the signal's number when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
  /** The signal sent because the command outlived `patienceMs`, if one was. */
  signalled?: "SIGTERM" | "SIGKILL";
}

/** Commands run to their end at once by one test file: each may start Chromium, and this machine has two cores. */
const runsAtOnce = 2;
let running = 0;
const waiting: Array<() => void> = [];

/** Runs `work` once fewer than `runsAtOnce` commands are running; tests of a file may then run side by side. */
export async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  while (running >= runsAtOnce) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs `pamphlet` to its end (in turn: see `inTurn`). With `patienceMs`, a command still running
 * after that long is sent SIGTERM, and SIGKILL 10 s later; `signalled` says so. @defaultValue no limit
 */
export function runPamphlet(args: string[], options: CliOptions & { patienceMs?: number } = {}): Promise<CliRun> {
  return inTurn(() => runToEnd(args, options));
}

async function runToEnd(args: string[], options: CliOptions & { patienceMs?: number }): Promise<CliRun> {
  const run = startPamphlet(args, options);
  let signalled: CliRun["signalled"];
  const timers =
    options.patienceMs === undefined
      ? []
      : [
          setTimeout(() => ((signalled = "SIGTERM"), run.child.kill("SIGTERM")), options.patienceMs),
          setTimeout(() => ((signalled = "SIGKILL"), run.child.kill("SIGKILL")), options.patienceMs + 10_000),
        ];
  try {
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr(), output: run.output(), signalled };
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

export const siteArgs = (site: FixtureSite) => ["--content", site.contentDir, "--out", site.outDir];
