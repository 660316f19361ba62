import { findBrandFont } from "./brandFont.ts";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { otherPaper } from "../shared/formats.ts";
import { clinicSchema, localize, type Clinic } from "./clinicSchema.ts";
import { siteLanguages } from "../shared/languages.ts";
import { overlongWords, unprintableCharacters, unprintableValues } from "./characters.ts";
import { closestWord } from "../shared/closestWord.ts";
import { foldText } from "./foldText.ts";
import { brandContrastProblems } from "./contrast.ts";
import { emergencyNumberOf } from "./emergencyNumbers.ts";
import { frontMatterLines } from "./frontMatterLines.ts";
import { ContentError } from "../shared/errors.ts";
import { splitFrontMatter } from "./frontMatter.ts";
import { specialFiles } from "./specialFiles.ts";
import { structuredHours } from "./openingHours.ts";
import { outsideLinks } from "./outsideLinks.ts";
import { pictureFileProblem } from "./pictureFile.ts";
import { pageSchema, type Page } from "./pageSchema.ts";
import { hasErrors, sortProblems, type Problem } from "../shared/problem.ts";
import { procedureSchema, type Language, type Procedure } from "./schema.ts";
import { validateWithSchema } from "./schemaProblems.ts";
import { readSourceText } from "./sourceText.ts";
import { displayPath } from "../shared/displayPath.ts";
import type { Wording } from "../shared/strings.ts";
import { loadWording } from "./wording.ts";
import { parseYamlSource, type YamlSource } from "./yamlSource.ts";

/** What every Markdown document (procedure or page) carries besides its own front matter. */
export interface DocumentSource {
  slug: string;
  lang: Language;
  /** Source path as shown to the user. */
  file: string;
  body: string;
  bodyLine: number;
  /** File line of each front-matter field, for problems found after validation. */
  fieldLines: Record<string, number>;
}

/** A validated procedure write-up: its front matter (defaults applied) and its Markdown body. */
export type ProcedureSource = Omit<Procedure, "lang"> & DocumentSource;
/** A validated general page (about the clinic, FAQ...). */
export type PageSource = Omit<Page, "lang"> & DocumentSource;

export interface Content {
  clinic: Clinic;
  procedures: ProcedureSource[];
  pages: PageSource[];
  /** The clinic's own wording for Pamphlet's texts (`_data/strings/<lang>.yaml`), if any. */
  wording?: Wording;
}

export const clinicFile = (contentDir: string) => path.join(contentDir, "_data", "clinic.yaml");
/** Content of the default language sits at the top of the content folder; other languages in `<lang>/`. */
const languageDir = (contentDir: string, lang: string, clinic: Clinic) => (lang === clinic.defaultLanguage ? contentDir : path.join(contentDir, lang));
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** File names a procedure cannot take because Pamphlet's own files and pages use them. */
const reservedSlugs = [
  // `home`: the home page's share image is share/home.png, as a procedure's is share/<slug>.png.
  "home",
  "booklet",
  "compare",
  "contact",
  "procedures",
  "print",
  "print-centre",
  "search",
  "share",
  "brochures",
  "css",
  "fonts",
  "images",
  "img",
  "js",
  "pagefind",
  "es",
  "en",
  "404",
  // The browser editor's page (/admin/): a page of the clinic's there was replaced by it.
  "admin",
];

/**
 * Reads and validates all content; returns every problem found, never only the first. With errors,
 * `checkable` is the content with each guide whose front matter failed stood in for (see `standIn`),
 * so the other checks still run on every body and a writer hears of everything in one run.
 */
export async function loadContent(contentDir: string): Promise<{ content?: Content; checkable?: Content; problems: Problem[] }> {
  const problems: Problem[] = [];
  // Not a clinic's content folder (`--content /`, a typo): said at once, not after a walk of all it holds (/proc…).
  if (existsSync(clinicFile(contentDir))) problems.push(...(await specialFiles(contentDir)));
  const clinic = await loadClinic(contentDir, problems);
  if (!clinic) return { problems: sortProblems(problems) };
  const languages = siteLanguages(clinic);
  const procedures: ProcedureSource[] = [];
  const pages: PageSource[] = [];
  const standIns = { procedures: [] as ProcedureSource[], pages: [] as PageSource[] };
  for (const lang of languages) {
    const dir = languageDir(contentDir, lang, clinic);
    procedures.push(...(await loadFolder(path.join(dir, "procedures"), procedureSchema, lang, problems, lang === clinic.defaultLanguage, standIns.procedures)));
    pages.push(...(await loadFolder(path.join(dir, "pages"), pageSchema, lang, problems, false, standIns.pages)));
  }
  const categorised = [...procedures, ...standIns.procedures.filter((procedure) => procedure.category !== "")];
  problems.push(
    ...unpublishedLanguages(contentDir, languages),
    ...(await strayGuides(contentDir, clinic, languages)),
    ...unknownCategories(categorised, clinic),
    ...(await outsideLinks(contentDir)),
  );
  const wording = await loadWording(contentDir, languages, problems);
  procedures.sort((a, b) => a.title.localeCompare(b.title, a.lang));
  pages.sort((a, b) => (a.navOrder ?? 99) - (b.navOrder ?? 99) || a.title.localeCompare(b.title, a.lang));
  if (hasErrors(problems)) {
    const checkable = { clinic, procedures: [...procedures, ...standIns.procedures], pages: [...pages, ...standIns.pages], wording };
    return { checkable, problems: sortProblems(problems) };
  }
  return { content: { clinic, procedures, pages, wording }, problems: sortProblems(problems) };
}

/** As `loadContent`, but throws a `ContentError` listing every error. */
export async function loadContentOrThrow(contentDir: string): Promise<Content> {
  const { content, problems } = await loadContent(contentDir);
  if (!content) throw new ContentError(problems);
  return content;
}

/**
 * What to do when the content folder is not there: most often Pamphlet was run from the wrong folder
 * (inside the clinic's content/, or before init), which "(check --content)" did not tell a writer.
 */
export function noContentFolder(contentDir: string): string {
  const missing = `the content folder ${displayPath(contentDir)} does not exist`;
  for (let dir = path.dirname(path.resolve(contentDir)); ; dir = path.dirname(dir)) {
    if (existsSync(clinicFile(path.join(dir, "content")))) {
      const content = path.join(dir, "content");
      return `${missing}: this is inside the clinic in ${dir}; run Pamphlet there (cd ${dir}), or give --content ${content}`;
    }
    if (path.dirname(dir) === dir) break;
  }
  return (
    `${missing}: run Pamphlet in the clinic's folder (the one with content/ in it), give its place with --content, ` +
    "or start a clinic here with npx pamphlet init"
  );
}

async function loadClinic(contentDir: string, problems: Problem[]): Promise<Clinic | undefined> {
  const file = clinicFile(contentDir);
  const shown = displayPath(file);
  const read = await readSourceText(file).catch(() => undefined);
  if (!read) {
    const found = statSync(contentDir, { throwIfNoEntry: false });
    const message = !found
      ? `is missing: ${noContentFolder(contentDir)}`
      : found.isDirectory()
        ? "is missing: create it with the clinic's name, phone, siteUrl and locations"
        : `is missing: the content folder ${displayPath(contentDir)} is a file, not a folder: give --content the folder that holds _data/ and procedures/`;
    problems.push({ file: shown, severity: "error", rule: "file", message });
    return undefined;
  }
  if ("problem" in read) return void problems.push(read.problem);
  const parsed = parseYamlSource(shown, read.text);
  if (!parsed.source) return void problems.push(...parsed.problems);
  problems.push(...unprintableValues(shown, parsed.source.data, parsed.source.locate));
  const result = validateWithSchema(clinicSchema, shown, parsed.source);
  problems.push(...result.problems);
  for (const problem of result.value ? brandContrastProblems(result.value.colors) : []) {
    problems.push({ file: shown, ...parsed.source.locate(["colors", problem.field]), severity: "error", rule: "contrast", message: problem.message });
  }
  // A clinic that switched its paper but still lists the other one would print (and link) only that.
  const formats = result.value?.brochureFormats;
  if (formats && result.value) {
    const { paper } = result.value;
    const other = otherPaper(paper);
    if (!formats.includes(paper) && formats.includes(other)) {
      problems.push({
        file: shown,
        ...parsed.source.locate(["brochureFormats"]),
        severity: "warning",
        rule: "schema",
        message:
          `"brochureFormats" lists ${other} but not ${paper}, the clinic's paper: the brochures will print on ${other}. ` +
          `Write ${paper} instead of ${other} if that was meant`,
      });
    }
  }
  result.value?.locations.forEach((location, at) =>
    location.hours.forEach((line, row) => {
      if (structuredHours(line.days, line.time)) return;
      problems.push({
        file: shown,
        ...parsed.source.locate(["locations", at, "hours", row]),
        severity: "warning",
        rule: "hours",
        message:
          `hours "${localize(line.days, "en")}: ${localize(line.time, "en")}" are not plain days and times, so search engines will not show them. ` +
          'That is fine for a note such as "By appointment"; otherwise write them like "Monday to Friday" and "8:00 am to 5:00 pm"',
      });
    }),
  );
  const languages = result.value ? siteLanguages(result.value) : [];
  result.value?.categories?.forEach((category, at) => {
    const missing = languages.filter((lang) => (typeof category === "string" ? lang !== result.value!.defaultLanguage : !category[lang]));
    if (missing.length === 0) return;
    const name = localize(category, result.value!.defaultLanguage);
    const missingNames = missing.map((lang) => languageNames.of(lang)).join(" and ");
    const entries = languages.map((lang) => `${lang}: ${lang === result.value!.defaultLanguage ? name : "…"}`).join(", ");
    problems.push({
      file: shown,
      ...parsed.source.locate(["categories", at]),
      severity: "warning",
      rule: "translations",
      message: `category "${name}" has no ${missing.join(" or ")} name, so the ${missingNames} pages show it as "${name}": write it as { ${entries} }`,
    });
  });
  if (result.value && !emergencyNumberOf(result.value)) {
    const country = result.value.locations[0]!.address.country;
    problems.push({
      file: shown,
      ...parsed.source.locate(["locations", 0, "address", "country"]),
      severity: result.value.release ? "error" : "warning",
      rule: "emergency",
      message:
        `Pamphlet does not know the emergency number for "${country}", so guides say "your local emergency number": ` +
        'add emergency: { number: "…" } with the number patients dial there',
    });
  }
  const logo = result.value?.logo;
  const logoFile = logo && path.join(contentDir, logo);
  if (logoFile && !existsSync(logoFile)) {
    problems.push({
      file: shown,
      ...parsed.source.locate(["logo"]),
      severity: "error",
      rule: "file",
      message: `"logo" points to ${logo}, but there is no such file in ${displayPath(contentDir)}: add it or fix the path`,
    });
  } else if (logoFile) {
    // On every page and brochure: one that cannot be read stops the build, so it is said here, on clinic.yaml's line.
    const problem = pictureFileProblem(contentDir, logo, logoFile, { drawn: false });
    if (problem) problems.push({ file: shown, ...parsed.source.locate(["logo"]), severity: "error", rule: "file", message: `"logo" ${logo} ${problem}` });
  }
  const font = result.value?.font;
  const found = font ? findBrandFont(font, contentDir) : undefined;
  if (found && "problem" in found) problems.push({ file: shown, ...parsed.source.locate(["font"]), severity: "error", rule: "font", message: found.problem });
  return result.value;
}

const languageNames = new Intl.DisplayNames("en", { type: "language" });

type DocumentSchema = typeof procedureSchema | typeof pageSchema;

async function loadFolder<S extends DocumentSchema>(
  dir: string,
  schema: S,
  lang: Language,
  problems: Problem[],
  required: boolean,
  standIns: Array<Omit<z.infer<S>, "lang"> & DocumentSource>,
): Promise<Array<Omit<z.infer<S>, "lang"> & DocumentSource>> {
  // Hidden files are an editor's, not the writer's: Emacs's lock `.#sclerotherapy.md` (a link to
  // nowhere), a `._x.md` that macOS leaves on other disks.
  const names = (await readdir(dir).catch(() => undefined))?.filter((name) => !name.startsWith("."));
  const markdown = (names ?? []).filter((name) => name.endsWith(".md")).sort();
  // "Sclerotherapy.MD" would otherwise be left out without a word.
  for (const name of (names ?? []).filter((candidate) => /\.(md|markdown|mdown)$/i.test(candidate) && !candidate.endsWith(".md"))) {
    problems.push({
      file: displayPath(path.join(dir, name)),
      severity: "error",
      rule: "file",
      message: `is not read: Markdown files end in .md (lowercase): ${renameTo(dir, name)}`,
    });
  }
  if (required && markdown.length === 0) {
    problems.push({
      file: displayPath(dir),
      severity: "error",
      rule: "file",
      message: "has no procedures: add one Markdown file per procedure, e.g. sclerotherapy.md",
    });
  }
  const loaded = await Promise.all(markdown.map((name) => loadDocument(path.join(dir, name), schema, lang, problems, standIns)));
  return loaded.filter((document) => document !== undefined);
}

/**
 * How to rename a Markdown file whose name (`fileName`, in `dir`) is no usable web address: the name
 * folded to lowercase letters, digits and hyphens, unless following that would write over another
 * file (Sclerotherapy.md beside sclerotherapy.md), take a name Pamphlet uses (Contact.md), or give
 * two files here the same name (Sclerotherapy.md and SCLEROTHERAPY.md): then the next free one.
 */
function renameTo(dir: string, fileName: string): string {
  const stem = (name: string) => name.replace(/\.\w+$/, "");
  const fold = (name: string) =>
    foldText(stem(name))
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "foam-sclerotherapy";
  const usable = fold(fileName);
  // (On a disk that ignores case, sclerotherapy.md may be this very file: that one is free to take.)
  const own = statSync(path.join(dir, fileName), { throwIfNoEntry: false })?.ino;
  const exists = (name: string) => {
    const other = statSync(path.join(dir, `${name}.md`), { throwIfNoEntry: false });
    return other !== undefined && other.ino !== own;
  };
  // The files here told to take this name, in name order: each is given a free name of its own.
  const told = readdirSync(dir)
    .filter((name) => /\.(md|markdown|mdown)$/i.test(name) && !name.startsWith(".") && name !== `${usable}.md` && fold(name) === usable)
    .sort();
  let skip = Math.max(0, told.indexOf(fileName));
  let candidate = usable;
  for (let number = 2; reservedSlugs.includes(candidate) || exists(candidate) || skip-- > 0; number++) candidate = `${usable}-${number}`;
  const why = reservedSlugs.includes(usable)
    ? `"${usable}" is a name Pamphlet uses for its own pages`
    : exists(usable)
      ? `"${usable}.md" is another file's name already; or merge the two`
      : `"${usable}.md" is the name suggested to ${told[0]} here`;
  return `rename it using lowercase letters, digits and hyphens, e.g. "${candidate}.md"${candidate === usable ? "" : ` (${why})`}`;
}

async function loadDocument<S extends DocumentSchema>(
  file: string,
  schema: S,
  lang: Language,
  problems: Problem[],
  standIns: Array<Omit<z.infer<S>, "lang"> & DocumentSource>,
): Promise<(Omit<z.infer<S>, "lang"> & DocumentSource) | undefined> {
  const shown = displayPath(file);
  const slug = path.basename(file, ".md");
  const fail = (rule: string, message: string, line = 1) => void problems.push({ file: shown, line, severity: "error", rule, message });
  if (!slugPattern.test(slug)) {
    return fail("slug", `file name "${slug}" is not a usable web address: ${renameTo(path.dirname(file), path.basename(file))}`);
  }
  if (reservedSlugs.includes(slug)) return fail("slug", `"${slug}" is a name Pamphlet uses for its own pages and files: rename this file`);
  // A guide that cannot be read at all still has its page: stood in for, links to it are not broken.
  const unreadable = (body = "", bodyLine = 1) => standIns.push({ ...standIn(schema, undefined), lang, slug, file: shown, body, bodyLine });
  const read = await readSourceText(file);
  if ("problem" in read) {
    problems.push(read.problem);
    unreadable();
    return;
  }
  const parts = splitFrontMatter(shown, read.text);
  if ("problem" in parts) {
    problems.push(parts.problem);
    unreadable();
    return;
  }
  problems.push(...unprintableCharacters(shown, parts.body, parts.bodyLine), ...overlongWords(shown, parts.body, parts.bodyLine));
  const parsed = parseYamlSource(shown, parts.yaml, parts.yamlLine);
  if (!parsed.source) {
    problems.push(...parsed.problems);
    unreadable(parts.body, parts.bodyLine);
    return;
  }
  problems.push(...unprintableValues(shown, parsed.source.data, parsed.source.locate));
  const result = validateWithSchema(schema, shown, parsed.source);
  if (parts.body.trim() === "") fail("body", "has no text after the front matter: write the sections, starting with ## What it is", parts.bodyLine);
  if (!result.value) {
    standIns.push({ ...standIn(schema, parsed.source), lang, slug, file: shown, body: parts.body, bodyLine: parts.bodyLine });
    return void problems.push(...result.problems);
  }
  const value = result.value as z.infer<S>;
  const fieldLines = frontMatterLines(value as Record<string, unknown>, parsed.source);
  if (value.lang && value.lang !== lang) {
    standIns.push({ ...value, lang, slug, file: shown, body: parts.body, bodyLine: parts.bodyLine, fieldLines });
    const [is, folder] = [languageNames.of(value.lang), languageNames.of(lang)];
    return fail(
      "schema",
      `"lang" is ${value.lang} (${is}), but the file is in ${displayPath(path.dirname(file))}, with the ${folder} guides: ` +
        `move it to the ${is} guides' folder, or fix lang`,
      fieldLines.lang,
    );
  }
  return { ...value, lang, slug, file: shown, body: parts.body, bodyLine: parts.bodyLine, fieldLines };
}

/**
 * Front matter that failed, made checkable: each field valid on its own keeps its value; any other
 * is empty (left out when optional) with line 0, which marks what checks say of it as noise.
 */
function standIn<S extends DocumentSchema>(schema: S, source: YamlSource | undefined): Omit<z.infer<S>, "lang"> & { fieldLines: Record<string, number> } {
  const data = typeof source?.data === "object" && source.data !== null && !Array.isArray(source.data) ? (source.data as Record<string, unknown>) : {};
  const fields: Record<string, unknown> = {};
  const fieldLines: Record<string, number> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = field.safeParse(data[key]);
    if (parsed.success && parsed.data !== undefined) {
      fields[key] = parsed.data;
      fieldLines[key] = source!.locate([key], { key: true }).line;
    } else {
      if (!field.safeParse(undefined).success) fields[key] = "";
      // Line 0: what a check says of a field the writer's front matter did not give (it failed) is left out.
      fieldLines[key] = 0;
    }
  }
  return { ...(fields as Omit<z.infer<S>, "lang">), fieldLines };
}

/** A language folder (e.g. `content/es/`) that clinic.yaml does not publish is probably forgotten. */
function unpublishedLanguages(contentDir: string, languages: string[]): Problem[] {
  return ["en", "es"]
    .filter((lang) => !languages.includes(lang) && existsSync(path.join(contentDir, lang)))
    .map((lang) => ({
      file: displayPath(path.join(contentDir, lang)),
      severity: "warning" as const,
      rule: "languages",
      message: `is not published: add ${lang} to "languages" in clinic.yaml to build it`,
    }));
}

/**
 * A guide (a Markdown file with front matter) where Pamphlet does not look: `procedures/es/x.md`,
 * `en/procedures/x.md` on an English site, `x.md` at the top. It would never be published, without
 * a word. Files with no front matter (a README, notes) are left alone.
 */
async function strayGuides(contentDir: string, clinic: Clinic, languages: Language[]): Promise<Problem[]> {
  const read = languages.flatMap((lang) => ["procedures", "pages"].map((folder) => path.join(languageDir(contentDir, lang, clinic), folder)));
  const skipped = [
    path.join(contentDir, "images"),
    path.join(contentDir, "_data"),
    ...(["en", "es"] as const).filter((lang) => !languages.includes(lang)).map((lang) => path.join(contentDir, lang)),
  ];
  const where = languages
    .map((lang) => `${displayPath(path.join(languageDir(contentDir, lang, clinic), "procedures"))}/ (${languageNames.of(lang)})`)
    .join(" and ");
  const problems: Problem[] = [];
  for (const file of await markdownFilesOutside(contentDir, skipped)) {
    if (read.includes(path.dirname(file))) continue;
    if (!(await readFile(file, "utf8").catch(() => "")).startsWith("---")) continue;
    // In a procedures/, pages/ or language folder it was surely meant as one; elsewhere (drafts/) maybe not.
    const meant = path
      .relative(contentDir, file)
      .split(path.sep)
      .some((part) => ["procedures", "pages", "en", "es"].includes(part));
    problems.push({
      file: displayPath(file),
      severity: meant ? "error" : "warning",
      rule: "file",
      message: `is not read: Pamphlet reads guides from ${where}, and pages from the pages/ folder beside each. Move it into one of them`,
    });
  }
  return problems;
}

/**
 * `.md` files under `dir`, not looking in `skipped` folders, hidden ones or node_modules, and not
 * following links (Node 20's recursive readdir follows them: a link to / or a loop would be walked).
 */
async function markdownFilesOutside(dir: string, skipped: string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith(".md")) found.push(full);
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules" && !skipped.includes(full))
      found.push(...(await markdownFilesOutside(full, skipped)));
  }
  return found;
}

/** With `categories` listed in clinic.yaml, a procedure's category must be one of them (a typo would make a new group). */
function unknownCategories(procedures: ProcedureSource[], clinic: Clinic): Problem[] {
  if (!clinic.categories) return [];
  return procedures.flatMap((procedure) => {
    const names = clinic.categories!.map((category) => localize(category, procedure.lang, clinic.defaultLanguage));
    if (names.includes(procedure.category)) return [];
    // The category's name in another language (an English name copied into a Spanish guide).
    const translated = clinic.categories!.find((category) => typeof category !== "string" && Object.values(category).includes(procedure.category));
    const suggestion = translated ? localize(translated, procedure.lang, clinic.defaultLanguage) : closestWord(procedure.category, names);
    const didYouMean = suggestion ? `; did you mean "${suggestion}"?` : ";";
    return [
      {
        file: procedure.file,
        line: procedure.fieldLines.category,
        severity: "error" as const,
        rule: "schema",
        message: `"category" must be one of the categories in clinic.yaml (${names.join(", ")})${didYouMean} got "${procedure.category}"`,
      },
    ];
  });
}
