import { readdir, readFile } from "node:fs/promises";

/** Resident memory (MB) of this Node process and of every Chromium process Puppeteer started. */
export async function residentMemory(): Promise<{ node: number; chromium: number }> {
  let chromium = 0;
  for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.includes("puppeteer_dev_chrome_profile")) continue;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    chromium += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  }
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
