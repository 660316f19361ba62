/**
 * Eleventy decides whether a path lies inside a folder by comparing strings (@11ty/eleventy-utils
 * issue 9; the fix is proposed in pull request 10). With Pamphlet in `~/pamphlet` and the content in
 * `~/pamphlet-content`, it takes `-content/…` for a path inside the working folder, mangles every
 * content path, and the build fails with "entry._pages is not iterable". Until a release has the fix,
 * the two functions get its boundary check: inside means equal, or followed by a `/`. Pamphlet depends
 * on the same eleventy-utils as Eleventy, so this patches the one copy Eleventy uses: in node_modules,
 * and in the bundle (scripts/compile.js), where Eleventy and this file share the bundled one.
 */
import { TemplatePath } from "@11ty/eleventy-utils";

/** `path` with `folder` taken off its start, or undefined when `path` is not `folder` or inside it. */
function relativeTo(path: string, folder: string): string | undefined {
  if (path === folder) return "";
  const prefix = folder.endsWith("/") ? folder : `${folder}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

TemplatePath.startsWithSubPath = (path, subPath) => relativeTo(TemplatePath.normalize(path), TemplatePath.normalize(subPath)) !== undefined;
TemplatePath.stripLeadingSubPath = (path, subPath) => {
  const [normalPath, normalSubPath] = [TemplatePath.normalize(path), TemplatePath.normalize(subPath)];
  return normalSubPath === "." ? normalPath : (relativeTo(normalPath, normalSubPath) ?? normalPath);
};
