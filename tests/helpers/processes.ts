import { readdirSync, readFileSync } from "node:fs";

/** Process ids descended from `root` (children, grandchildren…), read from /proc. */
export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parents) if (ppid === parent) found.push(pid), queue.push(pid);
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/\) Z /.test(stat); // a zombie has exited
  } catch {
    return false;
  }
}

export const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
};

/**
 * The Chromium processes started under `pid`, by their program's name: not Pamphlet's watchdog shell, whose
 * arguments name the profile folder (pamphlet-chromium-…) and which ends just after Chromium, when told it has.
 */
export const chromiumOf = (pid: number) => descendants(pid).filter((child) => /^\S*chrom[^/\s]*(\s|$)/i.test(commandLine(child)));
