import { existsSync } from "node:fs";
import { readdir, rename } from "node:fs/promises";
import path from "node:path";
import { PamphletError } from "./errors.ts";
import { isStopping, onInterrupt } from "./interrupt.ts";
import { removeFolder } from "./removeFolder.ts";
import { processIsAlive } from "./processIsAlive.ts";

/**
 * Staging beside a published folder: work is made in `<target>.<purpose>-<pid>` and only then moved
 * into `target`, so a failure or a signal leaves the published folder as it was. The site build swaps
 * a whole new site in; the print centre moves its pages in.
 */
export interface Staging {
  /** The published folder, e.g. `output/site`. */
  target: string;
  /** Names the staging folder: `<target>.<purpose>-<pid>`. */
  purpose: Exclude<Purpose, "previous">;
  /** Stops whatever writes into the staging folder from another process, before a signal removes it. */
  stopWriters?: () => Promise<void>;
}

/**
 * Runs `fill` in a fresh staging folder, then `publish` (from staging into `target`), and removes the
 * staging folder whatever happens. A signal during `fill` removes the staging folder and `publish` never
 * starts; once `publish` has begun, a signal waits for it to finish, so it is all or nothing.
 */
export async function withStagedFolder(staging: Staging, fill: (folder: string) => Promise<void>, publish: (folder: string) => Promise<void>): Promise<void> {
  const folder = stagingFolder(staging.target, staging.purpose);
  await recoverInterruptedSwap(staging.target);
  await removeFolder(folder);
  let interrupted = false;
  let publishing: Promise<void> | undefined;
  const forgetCleanup = onInterrupt(async () => {
    if (publishing) return publishing.catch(() => undefined);
    interrupted = true;
    // A writer in another process would refill the folder just removed: stop it first.
    await staging.stopWriters?.();
    await removeFolder(folder);
  });
  const stopped = (cause?: unknown) => new PamphletError(`Stopped before the new files were put in ${staging.target}: what was there is unchanged.`, { cause });
  try {
    // Work the signal's cleanups cut short (its folder removed, Pagefind stopped) fails for that reason, and says so.
    await fill(folder).catch((error: unknown) => {
      throw interrupted ? stopped(error) : error;
    });
    if (interrupted) throw stopped();
    // Set before any await: an interruption from here on waits for it.
    publishing = publish(folder);
    await publishing;
  } finally {
    forgetCleanup();
    if (!interrupted) await removeFolder(folder);
  }
}

/**
 * Replaces `target` by the staged folder with two renames (the old one set aside, the new one in
 * place), then starts removing the old one (see removeSetAside). `duringSwap` wraps the renames:
 * the dev server holds requests meanwhile.
 */
export function swapInto(target: string, duringSwap?: (swap: () => Promise<void>) => Promise<void>): (folder: string) => Promise<void> {
  return async (folder) => {
    const previous = stagingFolder(target, "previous");
    // This process's last swap into the same target may still be removing the folder of that name, or
    // have failed to: then it is tried once more, and a second failure stops this swap, saying why.
    await removals.get(previous)?.catch(() => removeSetAside(previous));
    const swap = async () => {
      await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
      await rename(folder, target).catch(async (error: unknown) => {
        // The new folder could not be put in place: the old one goes back, rather than being removed below.
        await rename(previous, target).catch(() => undefined);
        throw error;
      });
    };
    try {
      await (duringSwap ? duringSwap(swap) : swap());
    } finally {
      const removal = removeSetAside(previous);
      // A signal's cleanups, which wait for this swap, began before the removal was there to wait for.
      if (isStopping()) await removal.catch(() => undefined);
    }
  };
}

/** Removals of set-aside folders still under way, or that failed, by folder. */
const removals = new Map<string, Promise<void>>();

/**
 * Removes a folder set aside by a swap without holding up what comes next: a site's few hundred
 * folders took 40–80 ms of each rebuild, before its brochures could be printed. The process ends
 * only once it is gone, and a signal waits for it too. A failure is kept, for the next swap into
 * the same place and for setAsideRemoved. A process killed meanwhile leaves the folder behind, and
 * the next run removes it (recoverInterruptedSwap).
 */
function removeSetAside(folder: string): Promise<void> {
  const removal = removeFolder(folder).then(
    () => void removals.delete(folder),
    (error: NodeJS.ErrnoException) => {
      throw new PamphletError(`${folder}, set aside when a new copy took its place, could not be removed (${error.message}): remove it, then build again.`, {
        cause: error,
      });
    },
  );
  const forgetCleanup = onInterrupt(() => removal.catch(() => undefined));
  void removal.catch(() => undefined).finally(forgetCleanup);
  removals.set(folder, removal);
  return removal;
}

/** Settles once every folder set aside by a swap so far is removed; rejects, saying which, if one could not be. */
export async function setAsideRemoved(): Promise<void> {
  await Promise.all(removals.values());
}

/** Every kind of folder staged beside a target; only these are ever recovered or removed. */
const purposes = ["staging", "print-centre", "previous"] as const;
type Purpose = (typeof purposes)[number];

const stagingFolder = (target: string, purpose: Purpose) => `${target}.${purpose}-${process.pid}`;

/**
 * A swap cut short by SIGKILL or a power cut, between its two renames, leaves no target and the
 * previous one beside it: put that back. Staging folders of processes that are gone are removed.
 */
async function recoverInterruptedSwap(target: string): Promise<void> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const match = entry.startsWith(name) ? new RegExp(`^\\.(${purposes.join("|")})-(\\d+)$`).exec(entry.slice(name.length)) : null;
    if (!match || Number(match[2]) === process.pid || processIsAlive(Number(match[2]))) continue;
    const from = path.join(parent, entry);
    if (match[1] === "previous" && !existsSync(target)) await rename(from, target).catch(() => undefined);
    else await removeFolder(from);
  }
}
