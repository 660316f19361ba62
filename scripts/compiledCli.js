// Which entry `pamphlet` runs: dist/ (scripts/compile.js) when it was compiled from src/ exactly as
// it is now, with the same compiler settings, else nothing, and the sources run through tsx. The
// stamp holds a hash of every file in src/ (its path and bytes) and of the tsconfig files, so a
// source edited, added or removed since is never run stale, whatever the files' times say (a
// tarball's are all the same; a checkout's are when it was made).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Written last by scripts/compile.js: dist/ is whole, and compiled from the sources this hash names. */
export const compiledStamp = ".compiled-from";

/** Files npm never packs (editor and Finder leftovers): not part of what is compiled, wherever it was packed. */
const leftover = (name) => name.startsWith(".") || name.endsWith(".orig");

/** A hash of every file under `<root>/src` (its path, with / on every system, and its bytes) and of the compiler settings. */
export function sourcesHash(root) {
  const src = path.join(root, "src");
  const files = readdirSync(src, { recursive: true })
    .filter((name) => !name.split(path.sep).some(leftover) && statSync(path.join(src, name)).isFile())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
  return hashFiles(createHash("sha256"), root, [...files.map((file) => `src/${file}`), "tsconfig.json", "tsconfig.dist.json"]).digest("hex");
}

/** Adds each file's path under `root` and its bytes (none for a file that is not there) to `hash`. */
function hashFiles(hash, root, files) {
  for (const file of files) {
    const full = path.join(root, file);
    hash
      .update(`${file}\0`)
      .update(existsSync(full) ? readFileSync(full) : "")
      .update("\0");
  }
  return hash;
}

/** The compiled CLI's folder (`<root>/dist`) if it was compiled from `<root>/src` as it is now, else undefined. */
export function compiledCli(root) {
  return readStamp(root, compiledStamp) === sourcesHash(root) ? path.join(root, "dist") : undefined;
}

/** What a stamp file in `<root>/dist` says, or undefined when there is none. */
export function readStamp(root, stamp) {
  try {
    return readFileSync(path.join(root, "dist", stamp), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Written by scripts/compile.js beside the stamp: a hash of what dist/bundle is made of besides src/
 * (bundleInputsHash). Only compile reads it: an installed package has no lock file to compare with.
 */
export const bundledStamp = ".bundled-from";

/**
 * What the bundle holds besides the sources: the dependencies bundled into it, as the lock file (or,
 * without one, package.json) pins them, and how it is bundled (compile.js, esbuild's version among
 * the locked packages). An `npm update` changes it, so the next compile bundles the new versions.
 */
export function bundleInputsHash(root) {
  return hashFiles(createHash("sha256"), root, ["scripts/compile.js", "package.json", "package-lock.json"]).digest("hex");
}
