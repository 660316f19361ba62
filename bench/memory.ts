import { readdir, readFile } from "node:fs/promises";

/**
 * Resident memory (MB) of this Node process and of every process it started, directly or not: the
 * Chromium it prints with, each of its renderers and helpers. Found by parentage, not by name or
 * profile folder: a name check missed them all once the profile folders were renamed, and read 0.
 */
export async function residentMemory(): Promise<{ node: number; chromium: number }> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number)) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
    if (!parent) continue;
    parents.set(pid, Number(parent));
    rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024);
  }
  const descendsFromThis = (pid: number): boolean => {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) if (up === process.pid) return true;
    return false;
  };
  const chromium = [...rss].filter(([pid]) => descendsFromThis(pid)).reduce((sum, [, mb]) => sum + mb, 0);
  return { node: process.memoryUsage().rss / 1024 / 1024, chromium };
}

/** Runs `work` while sampling memory every 250 ms; returns its result and the peaks seen. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peak: { node: number; chromium: number; total: number } }> {
  const peak = { node: 0, chromium: 0, total: 0 };
  const sample = async () => {
    const now = await residentMemory();
    peak.node = Math.max(peak.node, now.node);
    peak.chromium = Math.max(peak.chromium, now.chromium);
    peak.total = Math.max(peak.total, now.node + now.chromium);
  };
  const timer = setInterval(() => void sample(), 250);
  try {
    const result = await work();
    await sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}
