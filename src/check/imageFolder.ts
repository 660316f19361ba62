import { readdirSync } from "node:fs";
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
    names = readdirSync(imagesDir, { recursive: true }).map(String);
  } catch {
    return []; // no images folder
  }
  return names
    .filter((name) => /\.svg$/i.test(name))
    .flatMap((name): Problem[] => {
      const file = path.join(imagesDir, name);
      const problem = pictureFileProblem(contentDir, `/images/${name.split(path.sep).join("/")}`, file, { drawn: false });
      if (!problem || problem.startsWith("is a folder")) return [];
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
