import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { clinicFolderOf } from "../shared/clinicFolder.ts";
import { closestWord } from "../shared/closestWord.ts";
import { displayPath } from "../shared/displayPath.ts";
import { templatesDir } from "../shared/installPaths.ts";
import type { Check, Problem } from "./types.ts";

/** What editors leave beside a file: backups and swap files. */
const editorLeftovers = /(~|\.(orig|bak|swp|swo|tmp))$/i;

/** Pamphlet's template files, as paths inside its templates folder (`partials/contact.njk`). */
const pamphletTemplates = () =>
  readdirSync(templatesDir, { recursive: true })
    .map(String)
    .filter((name) => statSync(path.join(templatesDir, name)).isFile());

/**
 * A file in the clinic's `templates/` replaces Pamphlet's of the same path. One whose name is close to
 * one of Pamphlet's but not it (`partials/contakt.njk`, `layouts/Base.njk`) replaces nothing, without
 * a word: said, with the likely name. (A new partial that another of the clinic's templates includes is its own.)
 */
export const checkTemplateOverrides: Check = ({ contentDir }) => {
  const own = path.join(clinicFolderOf(contentDir), "templates");
  let names: string[];
  try {
    names = readdirSync(own, { recursive: true }).map(String);
  } catch {
    return []; // no templates of its own
  }
  if (path.resolve(own) === path.resolve(templatesDir)) return [];
  const known = pamphletTemplates();
  // Files only (a broken link, an editor's lock or backup is not a template).
  const files = names.filter(
    (name) =>
      !name.split(path.sep).some((part) => part.startsWith(".")) &&
      !editorLeftovers.test(name) &&
      statSync(path.join(own, name), { throwIfNoEntry: false })?.isFile(),
  );
  const texts = files.map((name) => {
    try {
      return readFileSync(path.join(own, name), "utf8");
    } catch {
      return "";
    }
  });
  const posixNames = files.map((name) => name.split(path.sep).join("/"));
  return files.flatMap((name, index): Problem[] => {
    const posix = posixNames[index]!;
    const likely = known.includes(name) ? undefined : closestWord(name, known);
    // Not when the clinic has its own of that name (this one is then a partial of its own), or another of its templates includes it (by any path).
    const includedBy = texts.some((text, other) => other !== index && text.includes(path.basename(name)));
    if (!likely || posixNames.includes(likely) || includedBy) return [];
    return [
      {
        file: displayPath(path.join(own, name)),
        line: 1,
        severity: "warning",
        rule: "templates",
        message:
          `replaces nothing: Pamphlet has no template ${posix}. Did you mean ${likely}? ` + "Rename it (a template here replaces Pamphlet's of the same path)",
      },
    ];
  });
};
