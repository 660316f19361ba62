import { LineCounter, parseDocument, isMap, isScalar, type Document, type YAMLError } from "yaml";
import type { Problem } from "../shared/problem.ts";

export interface Position {
  line: number;
  column: number;
}

/** YAML parsed with positions kept, so a problem can point at the line that holds it. */
export interface YamlSource {
  data: unknown;
  /** Position of the value at `path`, of its key when `key` is true, or of the nearest parent that exists. */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): Position;
}

/**
 * Parses YAML text that starts at `firstLine` of `file`. Uses the YAML 1.2 core schema, so
 * `2024-02-30` stays the string that was written (YAML 1.1 timestamps would roll it over to March).
 */
export function parseYamlSource(file: string, text: string, firstLine = 1): { source: YamlSource; problems: [] } | { source?: undefined; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  if (doc.errors.length > 0) {
    // Past its first mistake YAML misreads the lines below (a tab before one FAQ entry gave six errors, on
    // lines that were right): that one is reported, and any field written twice above it.
    // (A field written twice misleads it about nothing else: with only those, each is reported.)
    const first = doc.errors.find((error) => error.code !== "DUPLICATE_KEY");
    const reported = first ? doc.errors.filter((error) => error === first || (error.code === "DUPLICATE_KEY" && error.pos[0] < first.pos[0])) : doc.errors;
    const unread = reported.length < doc.errors.length ? "; the lines below it are checked once it is fixed" : "";
    return {
      problems: reported.map((error) => {
        const said = plainWords(error, text, at);
        const message = `invalid YAML: ${said.message}${error === first ? unread : ""}`;
        return { file, ...(said.at ?? at(error.pos[0])), severity: "error" as const, message, rule: "yaml" };
      }),
    };
  }
  const start = at(0);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // yaml's ReferenceError for an alias bomb ("x: &x [a, b]" then many "*x"): it names no file.
    const alias = /\*[^\s,\]}]+/.exec(text);
    const where = alias ? at(alias.index) : start;
    return {
      problems: [
        {
          file,
          ...where,
          severity: "error",
          rule: "yaml",
          message:
            `invalid YAML: it repeats an anchor (&name … *name) too many times to read (${error instanceof Error ? error.message : String(error)}). ` +
            "Write the values out instead of *aliases",
        },
      ],
    };
  }
  return {
    problems: [],
    source: {
      data,
      locate: (path, options = {}) => locateIn(doc, path, options.key ?? false, at) ?? start,
    },
  };
}

function locateIn(doc: Document, path: readonly PropertyKey[], key: boolean, at: (offset: number) => Position): Position | undefined {
  if (key && path.length > 0) {
    const parent = nodeAt(doc, path.slice(0, -1));
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
      const range = rangeOf(pair?.key);
      if (range) return at(range[0]);
    }
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const range = rangeOf(nodeAt(doc, path.slice(0, depth)));
    if (range) return at(range[0]);
  }
  return undefined;
}

const nodeAt = (doc: Document, path: readonly PropertyKey[]): unknown => (path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true));

const rangeOf = (node: unknown) => (node as { range?: [number, number, number] } | null | undefined)?.range;

/**
 * What the YAML parser's error means for someone writing front matter, and where they made it (an
 * unclosed quote is found where the text ends, not where the quote opened).
 */
function plainWords(error: YAMLError, text: string, at: (offset: number) => Position): { message: string; at?: Position } {
  const lines = text.split("\n");
  const { line } = at(error.pos[0]);
  const lineIndex = line - (at(0).line - 1) - 1;
  // A line's key, after its indentation and any "- " of a list entry: [, indentation, key].
  const keyAt = (index: number) => /^(\s*(?:-\s+)?)([\w-]+)\s*:/.exec(lines[index] ?? "");
  /** What a line holds after its key (none without one). */
  const valueAt = (index: number) => {
    const key = keyAt(index);
    return key ? lines[index]!.slice(key[0].length).trim() : "";
  };
  const lineOf = (index: number) => index + at(0).line;
  switch (error.code) {
    case "BLOCK_AS_IMPLICIT_KEY": {
      const here = keyAt(lineIndex);
      const value = valueAt(lineIndex);
      const endsInColon = value.endsWith(":") && !/:\s/.test(value);
      // No colon in the value: what YAML cannot read is the line below, indented further than this key.
      const next = lines.findIndex((candidate, index) => index > lineIndex && candidate.trim() !== "");
      const below = lines[next] ?? "";
      const underIt = here !== null && !/:/.test(value) && /^\s*/.exec(below)![0].length > here[1]!.length;
      const belowKey = /^\s*([\w-]+)\s*:/.exec(below)?.[1];
      if (underIt && /^\s*-\s/.test(below)) {
        return { message: `"${here[2]}" has a value on its line and a list below it: take "${value}" out, so the list is its value` };
      }
      if (underIt && belowKey) {
        return {
          at: { line: lineOf(next), column: 1 },
          message: `"${belowKey}" is indented under "${here[2]}", so YAML reads it as part of that value: start "${belowKey}:" in line with "${here[2]}:"`,
        };
      }
      const key = here?.[2] ?? "summary";
      return endsInColon
        ? { message: `this value ends with a colon, which YAML reads as the start of a new field: put the whole value in quotes: ${key}: "${value}"` }
        : {
            message:
              `this value holds a colon and a space (": "), which YAML reads as the start of a new field: ` +
              `put the whole value in quotes, e.g. ${key}: "Good news: …"`,
          };
    }
    case "MULTILINE_IMPLICIT_KEY": {
      const bare = /^\s*(?:-\s+)?([\w-]+)\s*$/.exec(lines[lineIndex] ?? "");
      if (bare) return { message: `"${bare[1]}" needs a colon after it ("${bare[1]}:"), or, if it goes on from the line above, indent it` };
      break;
    }
    case "UNEXPECTED_TOKEN":
      // Text after a [list] or {group} that opens a value: "[Draft] Sclerotherapy".
      if (/^[[{]/.test(valueAt(lineIndex))) {
        const value = valueAt(lineIndex);
        const opens = value[0] === "[" ? "list" : "group of fields";
        return {
          message:
            `YAML reads a value starting with ${value[0]} as a ${opens} written on one line, so the text after it cannot be read: ` +
            `put the whole value in quotes: ${keyAt(lineIndex)![2]}: "${value.replaceAll('"', "'")}"`,
        };
      }
      // A value in double quotes with more quotes after the one that closed it.
      if (valueAt(lineIndex).startsWith('"') && (lines[lineIndex]!.match(/"/g)?.length ?? 0) > 2) {
        return {
          message:
            `a quote (") inside a value in quotes ends the value there: ` +
            `put the value in single quotes instead ('He said "rest" today'), or leave the inner quotes out`,
        };
      }
      break;
    case "DUPLICATE_KEY": {
      // The first copy is in the same mapping: same indentation, not before the list item it is in.
      const here = keyAt(lineIndex);
      let first = -1;
      for (let index = lineIndex - 1; here && index >= 0; index--) {
        const other = keyAt(index);
        if (!other || other[1]!.length > here[1]!.length) continue;
        if (other[1]!.length < here[1]!.length) break;
        if (other[2] === here[2]) {
          first = index;
          break;
        }
        if (other[1]!.includes("-")) break;
      }
      return { message: `"${here?.[2] ?? "a field"}" is written twice${first === -1 ? "" : ` (lines ${lineOf(first)} and ${line})`}: keep one` };
    }
    case "TAB_AS_INDENT":
      return { message: "a tab is used to indent this line: YAML takes spaces only (fields at the top start at the left edge)" };
    case "BAD_INDENT": {
      // "Flow sequence … must … end with a ]": YAML says so where it noticed, on a line below the one that opened it.
      const [open, close] = /end with a \]/.test(error.message) ? ["[", "]"] : /end with a \}/.test(error.message) ? ["{", "}"] : [];
      if (!open) break;
      const count = (line: string, bracket: string) => line.split(bracket).length - 1;
      let opened = lineIndex;
      while (opened >= 0 && count(valueAt(opened), open!) <= count(valueAt(opened), close!)) opened--;
      if (opened < 0) break;
      const kind = open === "[" ? "list" : "group of fields";
      return {
        at: { line: lineOf(opened), column: 1 },
        message:
          `the ${open} opened on this line is never closed: YAML reads a value starting with ${open} as a ${kind} written on one line. ` +
          `End it with ${close}, or, if the ${open} is part of the text, put the whole value in quotes`,
      };
    }
    case "MISSING_CHAR":
      if (/quote/.test(error.message)) {
        const opened = lines.findIndex((candidate) => /:\s*["']/.test(candidate) && (candidate.match(/"/g)?.length ?? 0) % 2 === 1);
        if (opened !== -1)
          return {
            at: { line: lineOf(opened), column: 1 },
            message: `the quote opened on this line is never closed: end the value with a matching quote (")`,
          };
      }
  }
  return { message: `${firstSentence(error.message)}; check the indentation, colons and quotes on this line` };
}

const firstSentence = (message: string) => message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
