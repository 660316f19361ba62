import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { clinicFolderOf } from "../shared/clinicFolder.ts";

/** One face of the brand typeface: a Latin WOFF2 file of an @fontsource package. */
export interface BrandFace {
  style: "normal" | "italic";
  weight: 400 | 700;
  file: string;
}

export interface BrandFont {
  family: string;
  faces: BrandFace[];
}

/**
 * clinic.yaml's `font` (an @fontsource package name), found where the clinic installed it (its own
 * node_modules, else Pamphlet's), as the family name and the Latin regular, italic and bold files it
 * has. A message saying what to do when it is not installed or has no Latin regular face.
 */
export function findBrandFont(packageName: string, contentDir: string): BrandFont | { problem: string } {
  let packageFile: string | undefined;
  for (const from of [path.join(clinicFolderOf(contentDir), "package.json"), import.meta.filename]) {
    try {
      packageFile = createRequire(from).resolve(`${packageName}/package.json`);
      break;
    } catch {
      // not installed there
    }
  }
  if (!packageFile)
    return {
      problem:
        `"font" is ${packageName}, which is not installed: ` +
        `run npm install ${packageName} in ${clinicFolderOf(contentDir)}, or remove the line to use Pamphlet's own typeface`,
    };
  const root = path.dirname(packageFile);
  const id = packageName.split("/")[1]!;
  const family = /font-family:\s*'([^']+)'/.exec(readFileSync(path.join(root, "index.css"), "utf8"))?.[1] ?? id;
  const faces = (
    [
      ["normal", 400],
      ["italic", 400],
      ["normal", 700],
    ] as const
  )
    .map(([style, weight]) => ({ style, weight, file: path.join(root, "files", `${id}-latin-${weight}-${style}.woff2`) }))
    .filter((face) => existsSync(face.file));
  if (!faces.some((face) => face.style === "normal" && face.weight === 400))
    return { problem: `"font" ${packageName} has no Latin regular face (files/${id}-latin-400-normal.woff2): choose another @fontsource package` };
  return { family, faces };
}
