import { cpSync, existsSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import { clinicFolderOf } from "../shared/clinicFolder.ts";
import { displayPath } from "../shared/displayPath.ts";
import { escapeRegExp } from "../shared/escapeRegExp.ts";
import { templatesDir } from "../shared/installPaths.ts";

/**
 * What a clinic may change without forking Pamphlet, from the folder its content folder is in (the
 * clinic's repository): `templates/` (a layout or partial of the same name replaces Pamphlet's) and
 * `styles/site.css`, `styles/brochure.css` (loaded after Pamphlet's own stylesheets).
 */

const clinicTemplatesDir = (contentDir: string) => path.join(clinicFolderOf(contentDir), "templates");

/** The clinic's stylesheets that exist, by the name they are published under (`/css/clinic-site.css`). */
export function clinicStyleFiles(contentDir: string): Record<"site" | "brochure", string | undefined> {
  const file = (name: string) => {
    const candidate = path.join(clinicFolderOf(contentDir), "styles", `${name}.css`);
    return existsSync(candidate) ? candidate : undefined;
  };
  return { site: file("site"), brochure: file("brochure") };
}

/** Folders whose changes change the site: the clinic's templates and styles (the dev server watches them). */
export const overrideFolders = (contentDir: string) => [clinicTemplatesDir(contentDir), path.join(clinicFolderOf(contentDir), "styles")];

/** Every folder the site is made from: the content, Pamphlet's templates, the clinic's templates and styles. */
export const siteSourceFolders = (contentDir: string) => [contentDir, templatesDir, ...overrideFolders(contentDir)];

/** Where the clinic's templates are laid over a copy of Pamphlet's: beside the image cache (`output/.cache/templates`). */
export const mergedTemplatesDir = (imageCacheDir: string) => path.join(path.dirname(imageCacheDir), "templates");

/**
 * `message` with each file of the laid-over copy (`mergedDir`) named by the file to edit: the
 * clinic's own template when it has one of that name, else Pamphlet's. Eleventy's errors name the copy.
 */
export function nameTemplateSources(message: string, contentDir: string, mergedDir: string): string {
  const inCopy = new RegExp(`${escapeRegExp(path.resolve(mergedDir))}/([^\\s()]+)`, "g");
  return message.replace(inCopy, (_, relative: string) => {
    const own = path.join(clinicTemplatesDir(contentDir), relative);
    return existsSync(own) ? displayPath(own) : path.join(templatesDir, relative);
  });
}

/**
 * The templates folder to build with: Pamphlet's own, or, when the clinic has `templates/`, a copy of
 * Pamphlet's in `scratchDir` with the clinic's files laid over it (Eleventy reads one includes folder).
 */
export function templatesFor(contentDir: string, scratchDir: string): string {
  const own = clinicTemplatesDir(contentDir);
  if (!existsSync(own) || realpathSync(own) === realpathSync(templatesDir)) return templatesDir;
  rmSync(scratchDir, { recursive: true, force: true });
  mkdirSync(scratchDir, { recursive: true });
  cpSync(templatesDir, scratchDir, { recursive: true });
  cpSync(own, scratchDir, { recursive: true, force: true });
  return scratchDir;
}
