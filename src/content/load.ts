import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { clinicSchema, type Clinic } from "./clinicSchema.ts";
import { closestWord } from "./closestWord.ts";
import { ContentError } from "./errors.ts";
import { splitFrontMatter } from "./frontMatter.ts";
import { hasErrors, type Problem } from "./problem.ts";
import { procedureSchema, type Procedure } from "./schema.ts";
import { validateWithSchema } from "./schemaProblems.ts";
import { displayPath, readSourceText } from "./sourceText.ts";
import { parseYamlSource } from "./yamlSource.ts";

/** A validated procedure write-up: its front matter (with defaults applied) and its Markdown body. */
export interface ProcedureSource extends Procedure {
  slug: string;
  lang: NonNullable<Procedure["lang"]>;
  /** Source path as shown to the user. */
  file: string;
  body: string;
  bodyLine: number;
  /** File line of each front-matter field, for problems found after validation. */
  fieldLines: Record<string, number>;
}

export interface Content {
  clinic: Clinic;
  procedures: ProcedureSource[];
}

export const clinicFile = (contentDir: string) => path.join(contentDir, "_data", "clinic.yaml");
export const proceduresDir = (contentDir: string) => path.join(contentDir, "procedures");
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** File names a procedure cannot take because Pamphlet's own files use them. */
const reservedSlugs = ["booklet"];

/** Reads and validates all content; returns every problem found, never only the first. */
export async function loadContent(contentDir: string): Promise<{ content?: Content; problems: Problem[] }> {
  const problems: Problem[] = [];
  const clinic = await loadClinic(contentDir, problems);
  const procedures = await loadProcedures(contentDir, clinic?.defaultLanguage ?? "en", problems);
  procedures.sort((a, b) => a.title.localeCompare(b.title, a.lang));
  if (clinic?.categories) problems.push(...unknownCategories(procedures, clinic.categories));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (!clinic || hasErrors(problems)) return { problems };
  return { content: { clinic, procedures }, problems };
}

/** As `loadContent`, but throws a `ContentError` listing every error. */
export async function loadContentOrThrow(contentDir: string): Promise<Content> {
  const { content, problems } = await loadContent(contentDir);
  if (!content) throw new ContentError(problems);
  return content;
}

async function loadClinic(contentDir: string, problems: Problem[]): Promise<Clinic | undefined> {
  const file = clinicFile(contentDir);
  const shown = displayPath(file);
  const read = await readSourceText(file).catch(() => undefined);
  if (!read) {
    problems.push({ file: shown, severity: "error", rule: "file", message: "is missing: create it with the clinic's name, phone, siteUrl, address and hours" });
    return undefined;
  }
  if ("problem" in read) return void problems.push(read.problem);
  const parsed = parseYamlSource(shown, read.text);
  if (!parsed.source) return void problems.push(...parsed.problems);
  const result = validateWithSchema(clinicSchema, shown, parsed.source);
  problems.push(...result.problems);
  const logo = result.value?.logo;
  if (logo && !existsSync(path.join(contentDir, logo))) {
    problems.push({ file: shown, ...parsed.source.locate(["logo"]), severity: "error", rule: "file", message: `"logo" points to ${logo}, but there is no such file in ${displayPath(contentDir)}: add it or fix the path` });
  }
  return result.value;
}

async function loadProcedures(contentDir: string, defaultLang: ProcedureSource["lang"], problems: Problem[]): Promise<ProcedureSource[]> {
  const dir = proceduresDir(contentDir);
  const names = await readdir(dir).catch(() => undefined);
  const markdown = (names ?? []).filter((name) => name.endsWith(".md")).sort();
  if (markdown.length === 0) {
    problems.push({ file: displayPath(dir), severity: "error", rule: "file", message: "has no procedures: add one Markdown file per procedure, e.g. sclerotherapy.md" });
  }
  const loaded = await Promise.all(markdown.map((name) => loadProcedure(path.join(dir, name), defaultLang, problems)));
  return loaded.filter((procedure) => procedure !== undefined);
}

async function loadProcedure(file: string, defaultLang: ProcedureSource["lang"], problems: Problem[]): Promise<ProcedureSource | undefined> {
  const shown = displayPath(file);
  const slug = path.basename(file, ".md");
  if (!slugPattern.test(slug)) {
    problems.push({ file: shown, severity: "error", rule: "slug", message: `file name "${slug}" is not a usable web address: rename it using lowercase letters, digits and hyphens, e.g. "foam-sclerotherapy.md"` });
    return undefined;
  }
  if (reservedSlugs.includes(slug)) {
    problems.push({ file: shown, severity: "error", rule: "slug", message: `"${slug}" is a name Pamphlet uses for its own files (${slug}.pdf): rename this file` });
    return undefined;
  }
  const read = await readSourceText(file);
  if ("problem" in read) return void problems.push(read.problem);
  const parts = splitFrontMatter(shown, read.text);
  if ("problem" in parts) return void problems.push(parts.problem);
  const parsed = parseYamlSource(shown, parts.yaml, parts.yamlLine);
  if (!parsed.source) return void problems.push(...parsed.problems);
  const result = validateWithSchema(procedureSchema, shown, parsed.source);
  if (parts.body.trim() === "") {
    problems.push({ file: shown, line: parts.bodyLine, severity: "error", rule: "body", message: "has no text after the front matter: write the sections, starting with ## What it is" });
  }
  if (!result.value) return void problems.push(...result.problems);
  const fieldLines = Object.fromEntries(Object.keys(result.value).map((key) => [key, parsed.source.locate([key], { key: true }).line]));
  return { ...result.value, lang: result.value.lang ?? defaultLang, slug, file: shown, body: parts.body, bodyLine: parts.bodyLine, fieldLines };
}

/** With `categories` listed in clinic.yaml, a procedure's category must be one of them (a typo would make a new group). */
function unknownCategories(procedures: ProcedureSource[], categories: string[]): Problem[] {
  return procedures
    .filter((procedure) => !categories.includes(procedure.category))
    .map((procedure) => {
      const suggestion = closestWord(procedure.category, categories);
      return {
        file: procedure.file,
        line: procedure.fieldLines.category,
        severity: "error" as const,
        rule: "schema",
        message: `"category" must be one of the categories in clinic.yaml (${categories.join(", ")})${suggestion ? `; did you mean "${suggestion}"?` : ";"} got "${procedure.category}"`,
      };
    });
}
