import type { Clinic } from "../content/clinicSchema.ts";
import type { Content, DocumentSource, ProcedureSource } from "../content/load.ts";
import type { Problem, Severity } from "../shared/problem.ts";

export interface CheckContext {
  content: Content;
  contentDir: string;
  /** "Today" for review-date checks; a parameter so tests can pin it. */
  today: Date;
}

/** One check: looks at all content and returns what it found. */
export type Check = (context: CheckContext) => Problem[];

/** A problem at a line of a procedure's Markdown body (1-based body line). */
export function bodyProblem(procedure: DocumentSource, bodyLine: number, severity: Severity, rule: string, message: string, column = 1): Problem {
  return { file: procedure.file, line: procedure.bodyLine + bodyLine - 1, column, severity, rule, message };
}

/** A problem at a front-matter field of a procedure. */
export function fieldProblem(procedure: DocumentSource, field: string, severity: Severity, rule: string, message: string): Problem {
  return { file: procedure.file, line: procedure.fieldLines[field] ?? 1, column: 1, severity, rule, message };
}

/** Procedures and pages: everything written in Markdown that patients read. */
export const documentsOf = (content: Content): DocumentSource[] => [...content.procedures, ...content.pages];

export type { Clinic, Content, DocumentSource, ProcedureSource, Problem };
