import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";

/** What git says of a file's last change: when (the commit's date, YYYY-MM-DD), the commit and its subject. */
export interface Change {
  date: string;
  commit: string;
  subject: string;
}

/**
 * The last commit that changed each of `files`, by absolute path, from one `git log` (one process
 * per file cost the dev server a third of a second on every save). Empty outside a repository, in
 * a shallow clone, and for files no commit has touched.
 */
export function lastChanges(files: string[]): Map<string, Change> {
  const changes = new Map<string, Change>();
  if (files.length === 0) return changes;
  const cwd = path.dirname(realPath(files[0]!));
  const [shallow, top, head] = (git(cwd, ["rev-parse", "--is-shallow-repository", "--show-toplevel", "HEAD"]) ?? "").split("\n");
  if (shallow !== "false" || !top || !head) return changes;
  const log = logOf(cwd, head, files.map(realPath));
  // Newest first: each commit's header line, then the files it changed (relative to the repository's top).
  for (const entry of (log ?? "").split("\x01").slice(1)) {
    const [header = "", ...changed] = entry.split("\n");
    const [when = "", commit = "", ...subject] = header.split("\t");
    for (const file of changed.filter(Boolean)) {
      const absolute = path.join(top, file);
      if (!changes.has(absolute)) changes.set(absolute, { date: when.slice(0, 10), commit, subject: subject.join("\t") });
    }
  }
  return changes;
}

/**
 * The history of `files` as of commit `head`, worked out once per commit: it changes only with a new
 * commit (or checkout), and the dev server checks every guide again on each save.
 */
const logs = new Map<string, string>();
function logOf(cwd: string, head: string, files: string[]): string | undefined {
  const key = [head, ...files].join("\0");
  const known = logs.get(key);
  if (known !== undefined) return known;
  const log = git(cwd, ["-c", "core.quotePath=false", "log", "--format=%x01%cI%x09%h%x09%s", "--name-only", head, "--", ...files]);
  if (logs.size >= 16) logs.clear(); // a long dev session across many commits
  if (log !== undefined) logs.set(key, log);
  return log;
}

/** Git names files by their real path, under a symlinked folder too (a file deleted meanwhile keeps its own). */
export function realPath(file: string): string {
  try {
    return realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

/** One git command's output, or undefined when git is missing or the folder is not in a repository. */
function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 15_000 }).trim();
  } catch {
    return undefined;
  }
}
