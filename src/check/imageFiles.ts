import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { closestWord } from "../shared/closestWord.ts";

const pictureNames = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/** The pictures in the content's images folder, as site addresses (`/images/legs.jpg`). */
function pictureAddresses(contentDir: string): string[] {
  try {
    return readdirSync(path.join(contentDir, "images"), { recursive: true })
      .map(String)
      .filter((name) => pictureNames.test(name))
      .map((name) => `/images/${name.split(path.sep).join("/")}`);
  } catch {
    return [];
  }
}

/**
 * What keeps a picture in the images folder from being shown or printed, said with what to do, or
 * undefined when it can be. Found here, before the build: eleventy-img would otherwise fail halfway
 * with a message about the output folder. `src` is the address as written (`/images/leg.png`).
 */
export function pictureFileProblem(contentDir: string, src: string, file: string): string | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    const likely = closestWord(src, pictureAddresses(contentDir));
    return `does not exist: ${likely ? `did you mean ${likely}? Or put` : "put"} the file at ${file}, or fix the path`;
  }
  if (!isFile) return `is a folder, not a picture: write the address of a picture file in ${path.dirname(file)}`;
  if (/\.svg$/i.test(file)) return undefined;
  try {
    imageSize(file);
  } catch {
    return `cannot be read as a picture (${file} is damaged, or is not the kind of file its name says): save it again as a PNG, JPEG, WebP or SVG file`;
  }
  return undefined;
}
