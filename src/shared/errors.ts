import { formatProblems, type Problem } from "./problem.ts";

/** Base of every error Pamphlet reports to a user: a message that says what and where, and its cause. */
export class PamphletError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The content has errors; every one of them is listed, not only the first. */
export class ContentError extends PamphletError {
  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
  }
}

/** Wrong command-line use (exit status 2). */
export class UsageError extends PamphletError {}
