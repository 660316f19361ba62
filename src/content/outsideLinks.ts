import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { isWithin } from "../shared/isWithin.ts";
import { displayPath } from "../shared/displayPath.ts";
import type { Problem } from "../shared/problem.ts";

/**
 * Symbolic links that would publish something from outside the content's images/ folder: the
 * folder itself linked elsewhere, a link in it that leads out of it (`images/shared -> /etc`,
 * `images/cfg.png -> ../.git/config`) or nowhere, or a folder link that loops back into itself.
 * Everything under images/ is published.
 */
export async function outsideLinks(contentDir: string): Promise<Problem[]> {
  const images = path.join(contentDir, "images");
  const [root, imagesReal] = await Promise.all([realpath(contentDir).catch(() => undefined), realpath(images).catch(() => undefined)]);
  if (!root || !imagesReal) return [];
  const problem = (file: string, message: string): Problem => ({ file: displayPath(file), severity: "error", rule: "file", message });
  if (!isWithin(imagesReal, root))
    return [problem(images, `is a link to ${imagesReal}, outside the content folder: make it a real folder inside it (nothing outside it is published)`)];
  const entries = await readdir(images, { recursive: true, withFileTypes: true }).catch(() => []);
  const problems: Problem[] = [];
  for (const entry of entries.filter((candidate) => candidate.isSymbolicLink())) {
    const link = path.join(entry.parentPath, entry.name);
    const target = await realpath(link).catch(() => undefined);
    const location = path.join(await realpath(entry.parentPath), entry.name);
    // An editor's lock beside a picture being edited (Emacs's .#logo.svg, a link to nothing) is not published: left alone.
    if (!target && entry.name.startsWith(".#")) continue;
    if (!target) problems.push(problem(link, "is a link to a file that does not exist: remove it, or copy the file into the images folder"));
    else if (!isWithin(target, imagesReal))
      problems.push(
        problem(link, `is a link to ${target}, outside the images folder: copy the file into the folder instead (nothing outside it is published)`),
      );
    else if (isWithin(location, target))
      problems.push(problem(link, `is a link to ${target}, a folder that holds the link itself: it would be copied forever. Remove it`));
  }
  return problems;
}
