/** One finding about the content, in the single format shared by build, dev and check. */
export type Severity = "error" | "warning";

export interface Problem {
  /** Path of the source file, relative to the working directory where possible. */
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  message: string;
  /** Short id of the rule that found it, e.g. `schema` or `yaml`. */
  rule: string;
}

const ansi = { red: "\u001b[31m", yellow: "\u001b[33m", dim: "\u001b[2m", reset: "\u001b[0m" };

/** `file:line:col  error|warning  message  (rule)`; colour only when asked (on a TTY). */
export function formatProblem(problem: Problem, color = false): string {
  const where = `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}`;
  const paint = (code: string, text: string) => (color ? `${code}${text}${ansi.reset}` : text);
  const severity = paint(problem.severity === "error" ? ansi.red : ansi.yellow, problem.severity);
  return `${where}  ${severity}  ${problem.message}  ${paint(ansi.dim, `(${problem.rule})`)}`;
}

export function formatSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  return `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`;
}

export function formatProblems(problems: readonly Problem[], color = false): string {
  return [...problems.map((p) => formatProblem(p, color)), formatSummary(problems)].join("\n");
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");

/** Sorted by file, line and column, each once (a FIFO is named by the folder scan and again by the reader that refuses it). */
export const sortProblems = (problems: readonly Problem[]): Problem[] =>
  [...new Map(problems.map((problem) => [JSON.stringify(problem), problem])).values()].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
