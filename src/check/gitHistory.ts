import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";

/** What git says of a file's last change: when (the commit's date, YYYY-MM-DD), the commit and its subject. */
export interface Change {
  date: string;
  commit: string;
  subject: string;
}

/** One commit's change to one file, as git's history says. */
interface FileChange extends Change {
  /** The commit made the file. */
  created: boolean;
  /** It changed more than the sign-off lines (`lastReviewed:`, `reviewer:`). */
  changedText: boolean;
}

/**
 * The last commit that changed each of `files`, by absolute path, from one `git log` (one process
 * per file cost the dev server a third of a second on every save). Empty outside a repository, in
 * a shallow clone, and for files no commit has touched.
 */
export function lastChanges(files: string[]): Map<string, Change> {
  const changes = new Map<string, Change>();
  for (const [file, history] of historyOf(files)) changes.set(file, history[0]!);
  return changes;
}

/**
 * The last commit that changed each file's text after it was made: not one that changed only its
 * `lastReviewed` and `reviewer` (the sign-off itself), nor the one that made it (a clinic's guides
 * committed for the first time were reviewed before they had a history).
 */
export function lastTextChanges(files: string[]): Map<string, Change> {
  const changes = new Map<string, Change>();
  for (const [file, history] of historyOf(files)) {
    const change = history.find((candidate) => candidate.changedText && !candidate.created);
    if (change) changes.set(file, change);
  }
  return changes;
}

/** Each file's changes, newest first, by absolute path. Dated by author: a rebase or cherry-pick keeps the date the change was written. */
function historyOf(files: string[]): Map<string, FileChange[]> {
  const histories = new Map<string, FileChange[]>();
  if (files.length === 0) return histories;
  const cwd = path.dirname(realPath(files[0]!));
  const [shallow, top, head] = (git(cwd, ["rev-parse", "--is-shallow-repository", "--show-toplevel", "HEAD"]) ?? "").split("\n");
  if (shallow !== "false" || !top || !head) return histories;
  const log = logOf(cwd, head, files.map(realPath));
  // Each commit: its header line, then each file's diff (paths relative to the repository's top), no context lines.
  for (const entry of (log ?? "").split("\x01").slice(1)) {
    const [header = "", ...rest] = entry.split("\n");
    const [when = "", commit = "", ...subject] = header.split("\t");
    for (const diff of rest
      .join("\n")
      .split(/^diff --git /m)
      .slice(1)) {
      const name = /^\+\+\+ b\/(.+)$/m.exec(diff)?.[1] ?? /^--- a\/(.+)$/m.exec(diff)?.[1];
      if (!name) continue;
      const changed = diff.split("\n").filter((line) => /^[+-](?![+-]{2} )/.test(line));
      const change: FileChange = {
        date: when.slice(0, 10),
        commit,
        subject: subject.join("\t"),
        created: /^new file mode/m.test(diff),
        changedText: changed.some((line) => !/^[+-]\s*(lastReviewed|reviewer)\s*:/.test(line)),
      };
      const absolute = path.join(top, name);
      histories.set(absolute, [...(histories.get(absolute) ?? []), change]);
    }
  }
  return histories;
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
  const format = ["--format=%x01%aI%x09%h%x09%s", "-p", "--unified=0", "--no-renames", "--no-color"];
  const log = git(cwd, ["-c", "core.quotePath=false", "log", ...format, head, "--", ...files]);
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
