import { execFileSync } from "node:child_process";
import path from "node:path";
import { fieldProblem, type Check, type Problem } from "./types.ts";

/**
 * A translation is stale when its original changed after the translation was last reviewed. Two
 * signals, because a date in front matter cannot see an unreviewed edit and history is not always there:
 *  - the original's own `lastReviewed` is later than the translation's (works anywhere);
 *  - git history: the last commit that changed the original is dated after the translation's
 *    `lastReviewed` (works on a fresh clone and in a clinic's own repository, where file times
 *    are only the time of the checkout, so they cannot be used). Skipped outside a git repository,
 *    in a shallow clone (whose only commit would date every file), and for uncommitted edits.
 */
export const checkStaleTranslations: Check = ({ content }) => {
  const originals = new Map(
    content.procedures.filter((procedure) => procedure.lang === content.clinic.defaultLanguage).map((procedure) => [procedure.slug, procedure]),
  );
  const history = new GitHistory();
  return content.procedures.flatMap((translation): Problem[] => {
    const original = originals.get(translation.slug);
    if (!original || original.lang === translation.lang) return [];
    const stale = (message: string) => fieldProblem(translation, "lastReviewed", "error", "stale-translation", message);
    if (original.lastReviewed > translation.lastReviewed) {
      return [
        stale(
          `${original.file} was reviewed on ${original.lastReviewed}, after this translation (${translation.lastReviewed}): ` +
            "bring the translation up to date with it, then update lastReviewed",
        ),
      ];
    }
    const change = history.lastChange(original.file);
    if (change && change.date > translation.lastReviewed) {
      const changed = `${original.file} changed on ${change.date} (commit ${change.commit} "${change.subject}")`;
      const fix = `compare the two (git show ${change.commit} -- ${original.file}), update the translation, then update lastReviewed`;
      return [stale(`${changed}, after this translation was last reviewed (${translation.lastReviewed}): ${fix}`)];
    }
    return [];
  });
};

class GitHistory {
  private usable = new Map<string, boolean>();

  lastChange(file: string): { date: string; commit: string; subject: string } | undefined {
    const dir = path.dirname(path.resolve(file));
    if (!this.isUsable(dir)) return undefined;
    const line = git(dir, ["log", "-1", "--format=%cI%x09%h%x09%s", "--", path.resolve(file)]);
    const [when, commit, ...subject] = (line ?? "").split("\t");
    return when && commit ? { date: when.slice(0, 10), commit, subject: subject.join("\t") } : undefined;
  }

  private isUsable(dir: string): boolean {
    if (!this.usable.has(dir)) this.usable.set(dir, git(dir, ["rev-parse", "--is-shallow-repository"]) === "false");
    return this.usable.get(dir)!;
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
