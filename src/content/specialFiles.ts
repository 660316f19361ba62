import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../shared/problem.ts";
import { displayPath } from "../shared/displayPath.ts";

/** A `Stats` or a directory entry: both say what kind of file a path is. */
type FileKind = Pick<Stats, "isFile" | "isDirectory" | "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">;

/** What a file that is neither a regular file nor a folder is, in words; undefined for those two. */
export function specialKind(info: FileKind): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * FIFOs, sockets and devices anywhere in the content folder, or links to one. Opening a FIFO blocks
 * until something writes to it, so a build or `check` that read one would hang for ever: they are
 * named and never opened. Links are followed to see what they lead to, never walked into.
 */
export async function specialFiles(contentDir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== ".git") await walk(full);
        continue;
      }
      if (entry.isFile()) continue;
      const link = entry.isSymbolicLink();
      // (A link that leads nowhere or loops is for other checks to name.)
      const info: FileKind | undefined = link ? await stat(full).catch(() => undefined) : entry;
      const kind = info && specialKind(info);
      if (kind) problems.push(specialFileProblem(full, link ? `is a link to ${kind}` : `is ${kind}`));
    }
  };
  await walk(contentDir);
  return problems;
}

export const specialFileProblem = (file: string, what: string): Problem => ({
  file: displayPath(file),
  severity: "error",
  rule: "file",
  message: `${what}, not a file: Pamphlet reads only regular files (opening it would wait for ever). Remove it from the content folder`,
});
