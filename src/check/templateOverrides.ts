import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { clinicFolderOf } from "../shared/clinicFolder.ts";
import { closestWord } from "../shared/closestWord.ts";
import { displayPath } from "../shared/displayPath.ts";
import { templatesDir } from "../shared/installPaths.ts";
import type { Check, Problem } from "./types.ts";

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
  const files = names.filter((name) => statSync(path.join(own, name)).isFile());
  const texts = files.map((name) => readFileSync(path.join(own, name), "utf8"));
  return files.flatMap((name): Problem[] => {
    const likely = known.includes(name) ? undefined : closestWord(name, known);
    const posix = name.split(path.sep).join("/");
    if (!likely || texts.some((text) => text.includes(posix))) return [];
    return [
      {
        file: displayPath(path.join(own, name)),
        line: 1,
        severity: "warning",
        rule: "templates",
        message: `replaces nothing: Pamphlet has no template ${posix}. Did you mean ${likely}? Rename it (a template here replaces Pamphlet's of the same path)`,
      },
    ];
  });
};
