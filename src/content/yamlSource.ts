import { LineCounter, parseDocument, isMap, isScalar, type Document } from "yaml";
import type { Problem } from "./problem.ts";

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
export function parseYamlSource(
  file: string,
  text: string,
  firstLine = 1,
): { source: YamlSource; problems: [] } | { source?: undefined; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        severity: "error" as const,
        message: `invalid YAML: ${firstSentence(error.message)}; check the indentation, colons and quotes on this line`,
        rule: "yaml",
      })),
    };
  }
  const start = at(0);
  return {
    problems: [],
    source: {
      data: doc.toJS({ maxAliasCount: 50 }),
      locate: (path, options = {}) => locateIn(doc, path, options.key ?? false, at) ?? start,
    },
  };
}

function locateIn(
  doc: Document,
  path: readonly PropertyKey[],
  key: boolean,
  at: (offset: number) => Position,
): Position | undefined {
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

const nodeAt = (doc: Document, path: readonly PropertyKey[]): unknown =>
  path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);

const rangeOf = (node: unknown) => (node as { range?: [number, number, number] } | null | undefined)?.range;

const firstSentence = (message: string) => message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
