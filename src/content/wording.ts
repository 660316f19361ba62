import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { templatesDir } from "../shared/installPaths.ts";
import { closestWord } from "../shared/closestWord.ts";
import type { Problem } from "../shared/problem.ts";
import type { Wording } from "../shared/strings.ts";
import { unprintableValues } from "./characters.ts";
import { readSourceText } from "./sourceText.ts";
import { displayPath } from "../shared/displayPath.ts";
import { parseYamlSource, type YamlSource } from "./yamlSource.ts";

const wordingFile = (contentDir: string, lang: string) => path.join(contentDir, "_data", "strings", `${lang}.yaml`);

/**
 * Reads `_data/strings/<lang>.yaml` for each language that has one: the same keys as Pamphlet's
 * own `templates/strings/<lang>.yaml`, any of them, e.g. `home: { title: Varicose veins }`. A key
 * that does not exist, text where a group belongs, or a `{placeholder}` left out is an error.
 */
export async function loadWording(contentDir: string, languages: readonly string[], problems: Problem[]): Promise<Wording> {
  const wording: Wording = {};
  for (const lang of languages) {
    const file = wordingFile(contentDir, lang);
    if (!existsSync(file)) continue;
    const shown = displayPath(file);
    const read = await readSourceText(file);
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseYamlSource(shown, read.text);
    if (!parsed.source) {
      problems.push(...parsed.problems);
      continue;
    }
    problems.push(...unprintableValues(shown, parsed.source.data, parsed.source.locate));
    const shipped = YAML.parse(readFileSync(path.join(templatesDir, "strings", `${lang}.yaml`), "utf8")) as Record<string, unknown>;
    const found = compare(parsed.source.data ?? {}, shipped, [], { file: shown, source: parsed.source });
    problems.push(...found);
    if (found.length === 0) wording[lang] = (parsed.source.data ?? {}) as Record<string, unknown>;
  }
  return wording;
}

function compare(given: unknown, shipped: unknown, at: string[], where: { file: string; source: YamlSource }): Problem[] {
  const problem = (message: string, key = false): Problem => ({
    file: where.file,
    ...where.source.locate(at, { key }),
    severity: "error",
    rule: "wording",
    message,
  });
  const name = at.join(".") || "the file";
  if (typeof shipped === "string") {
    if (typeof given !== "string" || given.trim() === "") return [problem(`"${name}" must be text, like Pamphlet's own: "${shipped}"`)];
    const missing = [...shipped.matchAll(/\{\w+\}/g)].map((match) => match[0]).filter((placeholder) => !given.includes(placeholder));
    return missing.length > 0 ? [problem(`"${name}" must keep ${missing.join(" and ")}, which the page fills in: Pamphlet's own is "${shipped}"`)] : [];
  }
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    return [problem(`"${name}" is a group of texts (${Object.keys(shipped as object).join(", ")}): write them under it, indented`)];
  }
  const known = Object.keys(shipped as object);
  return Object.entries(given).flatMap(([key, value]) => {
    if (!known.includes(key)) {
      const suggestion = closestWord(key, known);
      const field = [...at, key].join(".");
      return [
        {
          ...problem("", true),
          ...where.source.locate([...at, key], { key: true }),
          message: `unknown text "${field}"${suggestion ? `: did you mean "${[...at, suggestion].join(".")}"?` : `; the texts here are ${known.join(", ")}`}`,
        },
      ];
    }
    return compare(value, (shipped as Record<string, unknown>)[key], [...at, key], where);
  });
}
