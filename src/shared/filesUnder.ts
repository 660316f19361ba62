import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Every file under `root`, recursively, as sorted absolute paths: `[root]` when it is a file, none
 * when it does not exist. Symbolic links are listed too (not followed): they are files as far as a
 * reader of the folder is concerned.
 */
export async function filesUnder(root: string): Promise<string[]> {
  const found = await stat(root).catch(() => undefined);
  if (!found) return [];
  if (!found.isDirectory()) return [root];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
