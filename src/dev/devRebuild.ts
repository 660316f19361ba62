import { checkReadingLevel } from "../check/readingLevel.ts";
import { checkReminder, editorialFindings, loadForBuild } from "../check/runChecks.ts";
import { commandLine } from "../cli/commandLine.ts";
import type { Content } from "../content/load.ts";
import { formatProblem, formatProblems, hasErrors, sortProblems, type Problem } from "../shared/problem.ts";
import { buildSite } from "../site/build.ts";
import { siteSourceFolders } from "../site/clinicOverrides.ts";
import { PrintViewReuse } from "../site/printViewReuse.ts";
import type { LiveReload } from "./liveReload.ts";

/** Each file's problems as the terminal writes them, with their severity for the page to count. */
export type WriterNotes = Map<string, Array<{ text: string; severity: Problem["severity"] }>>;

/** What the dev server knows of the last rebuild. */
export interface DevState {
  /** The content of the last good build. */
  content?: Content;
  /**
   * What the checks say of each source file, as the terminal writes it: shown on that file's pages.
   * Worked out when a page first asks, or soon after the reload: ~0.1 s that a save's reload need not wait for.
   */
  notes: () => WriterNotes;
  /** Whether the last build succeeded, so its site should be there. */
  built: boolean;
  /** Between the two renames of a swap the site folder is briefly absent: requests wait it out. */
  swapping?: Promise<void>;
  /** The search index of the site in place, once its search has been used (see devSearchIndex.ts). */
  searchIndex?: Promise<void>;
}

/** With no page asking for the notes, they are worked out this long after the reload, for the terminal's reminder. */
const notesDelayMs = 1000;

/**
 * The dev server's rebuild: load and check the content, build the site into `siteDir`, tell the
 * open pages to reload. A content error is shown in the terminal and over the page instead.
 */
export function devRebuild(options: { contentDir: string; siteDir: string }, live: LiveReload) {
  const state: DevState = { notes: () => new Map(), built: false };
  const printViewReuse = new PrintViewReuse(options.siteDir, siteSourceFolders(options.contentDir));
  let notesTimer: NodeJS.Timeout | undefined;
  /**
   * Runs the swap, requests held meanwhile, then `swapped` at once: the old site's removal comes after, not before the reload.
   * A search index being written into the old site is finished first; the new site's is written when next asked for.
   */
  const swapThen = (swapped: () => void) => async (swap: () => Promise<void>) => {
    await state.searchIndex;
    state.searchIndex = undefined;
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
    clearTimeout(notesTimer);
    try {
      await printViewReuse.begin();
      const loaded = await loadForBuild(options.contentDir);
      if (loaded.problems.length > 0) console.error(formatProblems(loaded.problems, Boolean(process.stderr.isTTY)));
      if (!loaded.content || hasErrors(loaded.problems)) {
        state.built = false;
        return live.showProblems(formatProblems(loaded.problems));
      }
      // What check says of each guide, worked out once (for its pages, and the terminal's one-line reminder).
      const { content } = loaded;
      let notes: WriterNotes | undefined;
      const notesOf = () => {
        if (notes) return notes;
        try {
          const findings = editorialFindings(content, options.contentDir);
          const reading = checkReadingLevel({ content, contentDir: options.contentDir, today: new Date() }).problems;
          notes = notesByFile([...loaded.problems, ...findings, ...reading]);
          const reminder = checkReminder(
            findings,
            commandLine("check", { contentDir: options.contentDir, contentGiven: options.contentDir !== "content", outDir: "output" }),
          );
          if (reminder) console.error(reminder);
        } catch (error) {
          // Said in the terminal; the pages show no notes rather than failing.
          console.error(`What check says of the guides could not be worked out: ${error instanceof Error ? error.message : String(error)}`);
          notes = new Map();
        }
        return notes;
      };
      const duringSwap = swapThen(() => {
        state.content = content;
        state.notes = notesOf;
        state.built = true;
        live.reload();
      });
      await buildSite({ content, contentDir: options.contentDir, siteDir: options.siteDir, dev: true, duringSwap, printViewReuse });
      console.log(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      notesTimer = setTimeout(notesOf, notesDelayMs).unref();
    } catch (error) {
      state.built = false;
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      live.showProblems(message);
    }
  };
  /** Once no rebuild runs: nothing more is worked out, and a search index being written is finished. */
  const close = async () => {
    clearTimeout(notesTimer);
    await state.searchIndex;
  };
  return { state, rebuild, close };
}

function notesByFile(problems: Problem[]): WriterNotes {
  const byFile: WriterNotes = new Map();
  for (const problem of sortProblems(problems))
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), { text: formatProblem(problem), severity: problem.severity }]);
  return byFile;
}
