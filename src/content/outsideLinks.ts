import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "./sourceText.ts";
import type { Problem } from "./problem.ts";

/**
 * Symbolic links in the content's images/ folder that lead outside the content folder
 * (`images/shared -> /etc`), or nowhere. Everything under images/ is published, so a link out could
 * publish any file on the machine.
 */
export async function outsideLinks(contentDir: string): Promise<Problem[]> {
  const root = await realpath(contentDir).catch(() => undefined);
  if (!root) return [];
  const entries = await readdir(path.join(contentDir, "images"), { recursive: true, withFileTypes: true }).catch(() => []);
  const problems: Problem[] = [];
  for (const entry of entries.filter((candidate) => candidate.isSymbolicLink())) {
    const link = path.join(entry.parentPath, entry.name);
    const target = await realpath(link).catch(() => undefined);
    if (target && target.startsWith(`${root}${path.sep}`)) continue;
    problems.push({
      file: displayPath(link),
      severity: "error",
      rule: "file",
      message: target
        ? `is a link to ${target}, outside the content folder: copy the file into the folder instead (nothing outside it is published)`
        : "is a link to a file that does not exist: remove it, or copy the file into the content folder",
    });
  }
  return problems;
}
