// Which entry `pamphlet` runs: dist/ (scripts/compile.js) when it was compiled from src/ exactly as
// it is now, else nothing, and the sources run through tsx. The stamp holds a hash of every file in
// src/ (its path and bytes), so a source edited, added or removed since is never run stale, whatever
// the files' times say (a tarball's are all the same; a checkout's are when it was made).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Written last by scripts/compile.js: dist/ is whole, and compiled from the src/ this hash names. */
export const compiledStamp = ".compiled-from";

/** A hash of every file under `<root>/src`: its path and its bytes. */
export function sourcesHash(root) {
  const src = path.join(root, "src");
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(src, file)))
      .update("\0");
  return hash.digest("hex");
}

/** The compiled CLI's folder (`<root>/dist`) if it was compiled from `<root>/src` as it is now, else undefined. */
export function compiledCli(root) {
  const dist = path.join(root, "dist");
  try {
    return readFileSync(path.join(dist, compiledStamp), "utf8") === sourcesHash(root) ? dist : undefined;
  } catch {
    return undefined;
  }
}
