import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { onInterrupt } from "./interrupt.ts";

/**
 * Writes a file so that readers see either the old file or the whole new one: write a temporary
 * file beside it, flush it to disk, rename it over the target. An interrupted run leaves the
 * previous good file, never a torn one.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  const forgetCleanup = onInterrupt(() => rm(temporary, { force: true }));
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    forgetCleanup();
  }
}
