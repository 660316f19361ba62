import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PamphletError } from "./errors.ts";
import { onInterrupt } from "./interrupt.ts";
import { processIsAlive } from "./processIsAlive.ts";

/** The lock's name in an output folder (Pamphlet's own: see refuseSomeoneElsesFolder). */
const outputLockName = ".pamphlet-lock";

/**
 * Runs `work` as the only Pamphlet writing into `outDir`: two builds at once each swapped in a site
 * and pruned the brochures by their own lists, and a brochure was lost for good while both said every
 * one was made. A lock left by a Pamphlet that was killed (its process is gone) is taken over.
 */
export async function withOutputLock<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(outDir, outputLockName);
  const created = !existsSync(outDir);
  mkdirSync(outDir, { recursive: true });
  for (;;) {
    try {
      const handle = openSync(lock, "wx");
      writeSync(handle, String(process.pid));
      closeSync(handle);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(lock, { encoding: "utf8", flag: "r" }).trim() || Number.NaN);
    if (holder > 0 && isAnotherPamphlet(holder)) {
      throw new PamphletError(
        `Another Pamphlet (process ${holder}) is writing into ${outDir}: wait until it ends, then run this again ` +
          `(two at once would replace each other's files). If none is running, delete ${lock}.`,
      );
    }
    rmSync(lock, { force: true });
  }
  const release = () => {
    rmSync(lock, { force: true });
    if (created) {
      try {
        rmdirSync(outDir); // made only for the lock: a run that wrote nothing leaves nothing
      } catch {
        // it holds what the run wrote
      }
    }
  };
  const forget = onInterrupt(release);
  try {
    return await work();
  } finally {
    forget();
    release();
  }
}

/**
 * Whether `pid` may be another Pamphlet: alive, not this process, and (where /proc says) a Node.js
 * process. Pids repeat (a container's first process is 1 every time): a lock left by a killed run
 * named this process, or init, and every later run was refused.
 */
function isAnotherPamphlet(pid: number): boolean {
  if (pid === process.pid || !processIsAlive(pid)) return false;
  try {
    return /node/i.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true; // no /proc (macOS), or not ours to read: alive is all that is known
  }
}
