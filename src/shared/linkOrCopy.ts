import { copyFile, link, mkdir } from "node:fs/promises";
import path from "node:path";

/** Puts `source` at `target` as well, making its folder: a hard link where the disk has them (fast, no space), else a copy. */
export async function linkOrCopy(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await link(source, target).catch(() => copyFile(source, target));
}
