import { commandLine } from "../cli/commandLine.ts";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadForBuild } from "../check/runChecks.ts";
import { siteLanguages } from "../shared/languages.ts";
import { PamphletError, UsageError } from "../shared/errors.ts";
import { writeFileAtomic } from "../shared/writeAtomic.ts";
import { packCovers } from "../site/packCovers.ts";
import { bundledFontFile, fontFilesDir, templatesDir } from "../shared/installPaths.ts";
import { loadStrings } from "../shared/strings.ts";
import { brochurePath } from "../shared/routes.ts";
import { withBuiltContent } from "./builtContent.ts";
import { brochuresDirOf, shareDirOf, siteDirOf, type Folders } from "./options.ts";
import { reportProblems } from "../cli/report.ts";
import { refuseUnsafeOutputFile } from "./separateFolders.ts";

export interface PackOptions {
  lang?: string;
  format?: string;
  /** The visit pack PDF to write. */
  file?: string;
}

/**
 * `pamphlet pack <slug…> [--lang es] [--format large] --out FILE`: the print centre's visit pack
 * from the command line, made by the same code (templates/js/visit-pack.js) from the built PDFs.
 */
export async function runPack(given: Folders, slugs: string[], options: PackOptions): Promise<number> {
  if (slugs.length === 0) throw new UsageError("Name at least one procedure, e.g. pamphlet pack sclerotherapy compression-therapy --out pack.pdf");
  if (!options.file) throw new UsageError("Say where to write the visit pack with --out FILE.pdf");
  const folders = await withBuiltContent(given);
  // Over a guide it would destroy the source; over a brochure it would be published in its place.
  await refuseUnsafeOutputFile(options.file, [
    { dir: folders.contentDir, what: "the content folder, which Pamphlet reads" },
    ...[brochuresDirOf(folders), siteDirOf(folders), shareDirOf(folders)].map((dir) => ({ dir, what: "which the build writes and publishes" })),
  ]);
  const { content, problems } = await loadForBuild(folders.contentDir);
  // Errors only: the content's warnings are the writer's (build and check say them), not the front desk's.
  if (!reportProblems(problems.filter((problem) => problem.severity === "error")) || !content) return 1;
  const lang = options.lang ?? content.clinic.defaultLanguage;
  const languages: string[] = siteLanguages(content.clinic);
  if (!languages.includes(lang)) throw new UsageError(`--lang ${lang}: the site is not published in that language. Published: ${languages.join(", ")}`);
  const format = options.format ?? content.clinic.paper;
  if (format !== "letter" && format !== "a4" && format !== "large") throw new UsageError(`--format for a visit pack is letter, a4 or large; got "${format}"`);
  const twice = [...new Set(slugs.filter((slug, index) => slugs.indexOf(slug) !== index))];
  if (twice.length > 0) console.error(`${twice.join(", ")} named more than once: in the pack once.`);
  const procedures = [...new Set(slugs)].map((slug) => {
    const procedure = content.procedures.find((candidate) => candidate.slug === slug && candidate.lang === lang);
    if (!procedure) {
      const known = content.procedures.filter((candidate) => candidate.lang === lang).map((candidate) => candidate.slug);
      throw new UsageError(`No procedure "${slug}" in ${lang}. Known: ${known.join(", ")}`);
    }
    return procedure;
  });
  const files = procedures.map((procedure) => path.join(brochuresDirOf(folders), brochurePath(procedure.slug, lang, format, content.clinic)));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    if (!existsSync(path.join(siteDirOf(folders), "print"))) {
      throw new PamphletError(`There is no built site in ${siteDirOf(folders)}, so no brochures yet: run \`${commandLine("build", folders)}\` first.`);
    }
    throw new PamphletError(
      `These brochures have not been made yet: ${missing.join(", ")}. ` +
        `Print them (this adds them; the other published brochures stay): ${commandLine("brochures", folders, ["--formats", format])}`,
    );
  }

  const [PDFLib, fontkit, { buildVisitPack }] = await Promise.all([
    import("../shared/pdfLib.ts"),
    import("@pdf-lib/fontkit").then((module) => module.default),
    import(path.join(templatesDir, "js", "visit-pack.js")),
  ]);
  const font = (face: "400-normal" | "700-normal") => readFile(path.join(fontFilesDir, bundledFontFile(face, "woff")));
  const cover = packCovers(content.clinic, loadStrings(content.wording, content.clinic.locales))[lang]!;
  // The logo's PNG the build wrote into the site (a site built before it had one: a cover without it).
  const logoFile = cover.logo && path.join(siteDirOf(folders), cover.logo.path);
  const pack = await buildVisitPack({
    PDFLib,
    fontkit,
    fonts: { regular: await font("400-normal"), bold: await font("700-normal") },
    cover,
    logo: logoFile && existsSync(logoFile) ? await readFile(logoFile) : undefined,
    brochures: await Promise.all(procedures.map(async (procedure, index) => ({ title: procedure.title, bytes: await readFile(files[index]!) }))),
  });
  await writeFileAtomic(options.file, pack.bytes);
  const starts = pack.starts.length === 1 ? `the guide starts on page ${pack.starts[0]}` : `guides start on pages ${pack.starts.join(", ")}`;
  console.log(`Visit pack: ${options.file} (${pack.pages} pages; ${starts})`);
  return 0;
}
