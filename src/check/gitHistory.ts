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
  /** The commit made the file (a rename is no making: git follows it within the commit). */
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
  for (const [file, history] of historyOf(files).files) changes.set(file, history[0]!);
  return changes;
}

/**
 * The last commit that changed each file's text: not one that changed only its `lastReviewed` and
 * `reviewer` (the sign-off itself), nor the first commit of the guides (a clinic's guides, committed
 * for the first time, were reviewed before they had a history). A guide added later (a copy of
 * another) is a change; a guide renamed as it was is not.
 */
export function lastTextChanges(files: string[]): Map<string, Change> {
  const changes = new Map<string, Change>();
  const { files: histories, first } = historyOf(files);
  for (const [file, history] of histories) {
    const change = history.find((candidate) => candidate.changedText && !(candidate.created && candidate.commit === first));
    if (change) changes.set(file, change);
  }
  return changes;
}

/**
 * Whether `file` is in a shallow clone (a CI checkout of the last commit only, actions/checkout's
 * default), whose history cannot say when anything changed: the checks that read it say so.
 */
export function inShallowClone(file: string): boolean {
  return git(path.dirname(realPath(file)), ["rev-parse", "--is-shallow-repository"]) === "true";
}

/**
 * Each file's changes, newest first, by absolute path, and the oldest commit among them. A change is
 * dated by the later of its author's and committer's dates: an edit rebased after a review is after it.
 * A file's history goes on under its earlier names: the log is of the files' folders, so a rename
 * within them is seen as one (of the files alone, a renamed guide looked new, so unreviewed).
 */
function historyOf(files: string[]): { files: Map<string, FileChange[]>; first?: string } {
  const histories = new Map<string, FileChange[]>();
  if (files.length === 0) return { files: histories };
  const cwd = path.dirname(realPath(files[0]!));
  const [shallow, top, head] = (git(cwd, ["rev-parse", "--is-shallow-repository", "--show-toplevel", "HEAD"]) ?? "").split("\n");
  if (shallow !== "false" || !top || !head) return { files: histories };
  const folders = [...new Set(files.map((file) => path.dirname(realPath(file))))];
  const entries = (logOf(cwd, head, folders) ?? "").split("\x01").slice(1);
  const wanted = new Set(files.map(realPath));
  /** An earlier name of a file (relative to the top, as git names it), and the name it has now. */
  let first: string | undefined;
  const nowNamed = new Map<string, string>();
  // Each commit, newest first: its header line, then each file's diff (paths relative to the repository's top), no context lines.
  for (const entry of entries) {
    const [header = "", ...rest] = entry.split("\n");
    const [authored = "", committed = "", commit = "", ...subject] = header.split("\t");
    for (const diff of rest
      .join("\n")
      .split(/^diff --git /m)
      .slice(1)) {
      const changed = changedFile(diff);
      if (!changed) continue;
      const name = nowNamed.get(changed) ?? changed;
      const renamedFrom = /^rename from (.+)$/m.exec(diff)?.[1];
      if (renamedFrom) nowNamed.set(unquoted(renamedFrom), name);
      // Only the lines after the first hunk header are the file's: a line "-- Stop your blood thinner" is text.
      const hunks = diff.slice(Math.max(0, diff.search(/^@@/m)));
      const lines = /^@@/m.test(diff) ? hunks.split("\n").filter((line) => /^[+-]/.test(line)) : [];
      const change: FileChange = {
        date: [authored, committed].sort().at(-1)!.slice(0, 10),
        commit,
        subject: subject.join("\t"),
        created: /^new file mode/m.test(diff),
        changedText: lines.some((line) => !/^[+-]\s*(lastReviewed|reviewer)\s*:/.test(line)),
      };
      const absolute = path.join(top, name);
      if (!wanted.has(absolute)) continue;
      // The oldest commit of the files asked about, newest first as the log is: not the log's own oldest,
      // which may be of a guide since deleted (init's sample), and the clinic's first guides would look unreviewed.
      first = commit;
      histories.set(absolute, [...(histories.get(absolute) ?? []), change]);
    }
  }
  return { files: histories, first };
}

/**
 * The file a diff is of, relative to the repository's top: its new name (after a rename), else its old
 * one (deleted). Git ends a name that has a space with a tab, and quotes one with unusual characters.
 */
function changedFile(diff: string): string | undefined {
  const named = /^\+\+\+ (?:b\/|"b\/)(.+?)"?\t?$/m.exec(diff) ?? /^rename to (.+)$/m.exec(diff) ?? /^--- (?:a\/|"a\/)(.+?)"?\t?$/m.exec(diff);
  return named ? unquoted(named[1]!) : undefined;
}

/** A name as git writes it in a `rename from`/`rename to` line: quoted, with backslash escapes, when it has a quote, a backslash or a control character. */
function unquoted(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const escapes: Record<string, string> = { t: "\t", n: "\n", '"': '"', "\\": "\\" };
  return name.slice(1, -1).replace(/\\(.)/g, (sequence, character: string) => escapes[character] ?? sequence);
}

/**
 * The history of the files in `folders` as of commit `head`, worked out once per commit: it changes only with a new
 * commit (or checkout), and the dev server checks every guide again on each save.
 */
const logs = new Map<string, string>();
function logOf(cwd: string, head: string, folders: string[]): string | undefined {
  const key = [head, ...folders].join("\0");
  const known = logs.get(key);
  if (known !== undefined) return known;
  // Renames found (a renamed guide is not a new one); no context lines: only what changed.
  const format = ["--format=%x01%aI%x09%cI%x09%h%x09%s", "-p", "--unified=0", "-M", "--no-color"];
  const log = git(cwd, ["-c", "core.quotePath=false", "log", ...format, head, "--", ...folders]);
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
    // The history with its changes' lines runs past Node's default 1 MiB in a few hundred commits: the checks then went silent.
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 15_000, maxBuffer: 256 * 1024 * 1024 }).trim();
  } catch {
    return undefined;
  }
}
