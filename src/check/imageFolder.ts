import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pictureFileProblem } from "../content/pictureFile.ts";
import { displayPath } from "../shared/displayPath.ts";
import type { Check, Problem } from "./types.ts";

/**
 * Every SVG in the images folder is published (made safe as it is copied), whether a page shows it
 * or not, so one that cannot be read stops the build: each is said here, on the file itself, all at
 * once. (One a guide shows is said on that guide's line too, by the links check.)
 */
export const checkImageFolder: Check = ({ contentDir }) => {
  const imagesDir = path.join(contentDir, "images");
  let names: string[];
  try {
    names = namesUnder(imagesDir);
  } catch {
    return []; // no images folder
  }
  // The files the build publishes (src/site/assets.ts): an editor's lock (.#logo.svg, a link to nothing) or a folder is not one.
  const published = (name: string) => /\.svg$/i.test(name) && statSync(path.join(imagesDir, name), { throwIfNoEntry: false })?.isFile();
  return names.filter(published).flatMap((name): Problem[] => {
    const file = path.join(imagesDir, name);
    const problem = pictureFileProblem(contentDir, `/images/${name.split(path.sep).join("/")}`, file, { drawn: false });
    if (!problem) return [];
    return [
      {
        file: displayPath(file),
        line: 1,
        severity: "error",
        rule: "images",
        message: `this SVG ${problem}. Every SVG in the images folder is published, shown on a page or not: fix it, or take it out of the folder`,
      },
    ];
  });
};

/**
 * The names under `dir`, relative to it, without going into linked folders: Node 20's recursive
 * readdir goes into them, and images/ linked to /tmp read all of it until the build ran out of memory
 * (a link out of images/ is refused by the build's own check, which says so).
 */
function namesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = path.join(prefix, entry.name);
    return entry.isDirectory() ? namesUnder(dir, name) : [name];
  });
}
