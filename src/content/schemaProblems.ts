import type { z } from "zod";
import { closestWord } from "../shared/closestWord.ts";
import type { Problem } from "../shared/problem.ts";
import type { YamlSource } from "./yamlSource.ts";

/** Validates YAML data against a schema; every issue becomes a problem naming the field, its line and the bad value. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  file: string,
  source: YamlSource,
): { value: z.infer<S>; problems: [] } | { value?: undefined; problems: Problem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => issueProblems(schema, file, source, issue));
  // A misspelt field is one mistake: its "did you mean" says it all, without "missing required field" too.
  const meant = new Set(
    problems.flatMap((problem) => {
      const [, parent = "", likely] = /^unknown field "((?:[^"]* › )?)[^"]*?": did you mean "([^"]+)"\?/.exec(problem.message) ?? [];
      return likely ? [`${parent}${likely}`] : [];
    }),
  );
  return { problems: problems.filter((problem) => !meant.has(/^missing required field "([^"]+)"/.exec(problem.message)?.[1] ?? "")) };
}

/** A field as a writer finds it: `faq.0.answer` → `faq #1 › answer` (entries counted from 1, as people count). */
const fieldName = (path: readonly PropertyKey[]) =>
  path
    .map((part) => (typeof part === "number" ? `#${part + 1}` : String(part)))
    .join(" › ")
    .replace(/ › #/g, " #");

function issueProblems(schema: z.ZodType, file: string, source: YamlSource, issue: z.core.$ZodIssue): Problem[] {
  const problem = (path: readonly PropertyKey[], message: string, key = false): Problem => ({
    file,
    ...source.locate(path, { key }),
    severity: "error",
    message,
    rule: "schema",
  });
  const field = fieldName(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = keysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = closestWord(key, known);
      let hint = suggestion ? `did you mean "${suggestion}"?` : `known fields are: ${known.join(", ")}`;
      // In `{ en: Monday, Wednesday }` YAML reads "Wednesday" as a field: the text needs quotes.
      if (known.length > 0 && known.every((name) => /^[a-z]{2}$/.test(name)))
        hint += ` (text per language: { en: "…", es: "…" }; put text with commas in quotes)`;
      return problem([...issue.path, key], `unknown field "${fieldName([...issue.path, key])}": ${hint}`, true);
    });
  }
  const value = valueAt(source.data, issue.path);
  if (value === undefined) {
    const what = issue.path.length === 0 ? "the file" : `required field "${field}"`;
    return [problem(issue.path.slice(0, -1), `missing ${what}: add it${issue.path.length === 0 ? " with its fields" : ""}`)];
  }
  if (value === null && issue.path.length > 0) {
    return [problem(issue.path, `"${field}" is empty: write it (a value starting with # must be in quotes, or YAML reads it as a comment)`)];
  }
  const got = `; got ${quote(value)}`;
  if (issue.code === "invalid_type") {
    // A block of fields written as one value (`image: /images/x.svg`): which fields, and where they go.
    const fields = issue.expected === "object" && issue.path.length > 0 ? keysAt(schema, issue.path) : [];
    const which = fields.length > 0 ? `: ${fields.join(", ")}, each on its own line under "${field}:", indented` : "";
    return [problem(issue.path, `"${field || "(top level)"}" must be ${article(issue.expected)}${which}${got}`)];
  }
  if (issue.code === "invalid_value") {
    return [problem(issue.path, `"${field}" must be one of: ${issue.values.map(String).join(", ")}${got}`)];
  }
  return [problem(issue.path, `"${field}" ${issue.message}${got}`)];
}

const article = (expected: string) =>
  expected === "object"
    ? "a list of fields (key: value)"
    : expected === "array"
      ? "a list"
      : expected === "string"
        ? "text (put it in quotes if it looks like a number or date)"
        : `a ${expected}`;

function quote(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The field names an object schema allows at `path`, unwrapping optional, default, array, pipe and text-or-per-language wrappers. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (current as { def?: Record<string, unknown> }).def;
      if (def && ["optional", "default", "nullable", "prefault"].includes(def.type as string)) current = def.innerType;
      else if (def?.type === "pipe") current = def.in;
      // Text once or per language (`Monday` or `{ en: Monday, es: Lunes }`): the fields are the per-language ones.
      else if (def?.type === "union" && (def.options as Array<{ def?: { type?: string } }>).some((option) => option.def?.type === "object")) {
        current = (def.options as Array<{ def?: { type?: string } }>).find((option) => option.def?.type === "object");
      } else return;
    }
  };
  for (const key of path) {
    unwrap();
    const def = (current as { def?: Record<string, unknown> }).def;
    if (def?.type === "array") current = def.element;
    else if (def?.type === "object") current = (def.shape as Record<PropertyKey, unknown>)[key];
  }
  unwrap();
  const shape = (current as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}
