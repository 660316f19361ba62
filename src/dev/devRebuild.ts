import { checkReadingLevel } from "../check/readingLevel.ts";
import { checkReminder, editorialFindings, loadForBuild } from "../check/runChecks.ts";
import { commandLine } from "../cli/commandLine.ts";
import type { Content } from "../content/load.ts";
import { formatProblem, formatProblems, hasErrors, sortProblems, type Problem } from "../shared/problem.ts";
import { buildSite } from "../site/build.ts";
import type { LiveReload } from "./liveReload.ts";

/** Each file's problems as the terminal writes them, with their severity for the page to count. */
export type WriterNotes = Map<string, Array<{ text: string; severity: Problem["severity"] }>>;

/** What the dev server knows of the last rebuild. */
export interface DevState {
  /** The content of the last good build. */
  content?: Content;
  /** What the checks say of each source file, as the terminal writes it: shown on that file's pages. */
  notes: WriterNotes;
  /** Whether the last build succeeded, so its site should be there. */
  built: boolean;
  /** Between the two renames of a swap the site folder is briefly absent: requests wait it out. */
  swapping?: Promise<void>;
}

/**
 * The dev server's rebuild: load and check the content, build the site into `siteDir`, tell the
 * open pages to reload. A content error is shown in the terminal and over the page instead.
 */
export function devRebuild(options: { contentDir: string; siteDir: string }, live: LiveReload) {
  const state: DevState = { notes: new Map(), built: false };
  /** Runs the swap, requests held meanwhile, then `swapped` at once: the old site's removal comes after, not before the reload. */
  const swapThen = (swapped: () => void) => async (swap: () => Promise<void>) => {
    state.swapping = swap();
    try {
      await state.swapping;
    } finally {
      state.swapping = undefined;
    }
    swapped();
  };
  const rebuild = async () => {
    const started = performance.now();
    try {
      const loaded = await loadForBuild(options.contentDir);
      if (loaded.problems.length > 0) console.error(formatProblems(loaded.problems, Boolean(process.stderr.isTTY)));
      if (!loaded.content || hasErrors(loaded.problems)) {
        state.built = false;
        return live.showProblems(formatProblems(loaded.problems));
      }
      // What check says of each guide, worked out once (for its pages, and the terminal's one-line
      // reminder) while Pagefind writes the search index on the other core.
      const { content } = loaded;
      let findings: Problem[] = [];
      let notes: WriterNotes = new Map();
      const workOutNotes = () => {
        findings = editorialFindings(content, options.contentDir);
        const reading = checkReadingLevel({ content, contentDir: options.contentDir, today: new Date() }).problems;
        notes = notesByFile([...loaded.problems, ...findings, ...reading]);
      };
      const duringSwap = swapThen(() => {
        state.content = content;
        state.notes = notes;
        state.built = true;
        live.reload();
      });
      await buildSite({ content, contentDir: options.contentDir, siteDir: options.siteDir, dev: true, duringSwap, whileIndexing: workOutNotes });
      console.log(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      const reminder = checkReminder(
        findings,
        commandLine("check", { contentDir: options.contentDir, contentGiven: options.contentDir !== "content", outDir: "output" }),
      );
      if (reminder) console.error(reminder);
    } catch (error) {
      state.built = false;
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      live.showProblems(message);
    }
  };
  return { state, rebuild };
}

function notesByFile(problems: Problem[]): WriterNotes {
  const byFile: WriterNotes = new Map();
  for (const problem of sortProblems(problems))
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), { text: formatProblem(problem), severity: problem.severity }]);
  return byFile;
}
