import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PamphletError } from "./errors.ts";
import { isStopping, onInterrupt } from "./interrupt.ts";

/**
 * Writes a file so that readers see either the old file or the whole new one: write a temporary
 * file beside it, flush it to disk, rename it over the target. An interrupted run leaves the
 * previous good file, never a torn one. The temporary file must be new (`wx`): nothing planted at
 * its name is followed or overwritten.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Nothing is awaited from here until the write has started, so a signal finds no file, or the
  // write to wait for before removing it. Once the process is stopping, no new file is begun:
  // its cleanup would come after the ones already running.
  if (isStopping()) throw new PamphletError(`${file} was not written: Pamphlet is stopping.`);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  const written = writeNew(temporary, bytes);
  const forgetCleanup = onInterrupt(() => written.then(settled, settled).then(() => rm(temporary, { force: true })));
  try {
    await written;
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    forgetCleanup();
  }
}

const settled = () => undefined;

/** Creates `file`, which must not exist, with `bytes`, flushed to disk. */
async function writeNew(file: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
