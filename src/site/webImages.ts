import { statSync } from "node:fs";
import Image, { type Metadata } from "@11ty/eleventy-img";
import { PamphletError } from "../shared/errors.ts";
import { displayPath } from "../shared/displayPath.ts";
import { safeSvgCache, safeSvgFile } from "./safeSvg.ts";

/**
 * What eleventy-img made for each content image in this process, by the image's version (mtime and
 * size). eleventy-img's own memory knows an image by its path and byte size only, so a picture saved
 * again at the same size (one colour changed in an SVG) would keep its old web copies until a restart.
 */
const made = new Map<string, { version: string; metadata: Promise<Metadata> }>();

/**
 * The web copies of `file` (modern formats, a few widths) in `cacheDir`, made once per version of the
 * file. `url` is a page that shows it, for the error message.
 */
export function webImages(file: string, cacheDir: string, url: string, { remake = false } = {}): Promise<Metadata> {
  const key = `${cacheDir}\0${file}`;
  const stats = statSync(file, { throwIfNoEntry: false });
  const version = `${stats?.mtimeMs}:${stats?.size}`;
  const known = made.get(key);
  if (known?.version === version && !remake) return known.metadata;
  // The first time in this process, copies an earlier build left in cacheDir are reused (their names hash the
  // file's bytes); after that, eleventy-img's memory could hand back an older version's copies: bypass it.
  const useCache = known === undefined && !remake;
  // An SVG's web copy is its safe form (no scripts, nothing fetched), never the file as written.
  const source = /\.svg$/i.test(file) ? safeSvgFile(file, safeSvgCache(cacheDir)).then((svg) => Buffer.from(svg)) : Promise.resolve(file);
  const metadata = source
    .then((src) =>
      Image(src, { widths: [480, 960, 1600], formats: ["avif", "webp", "auto"], outputDir: cacheDir, urlPath: "/img/", svgShortCircuit: true, useCache }),
    )
    .catch((error: NodeJS.ErrnoException) => {
      made.delete(key);
      const [problem, whatToDo] = error.code
        ? [`its web copies could not be written to ${cacheDir}`, "Check that the output folder can be written to."]
        : ["could not be read as an image", "Save it again as a PNG, JPEG, WebP or SVG file."];
      throw new PamphletError(`${displayPath(file)}: ${problem} (${error.message}), shown on ${url}. ${whatToDo}`, { cause: error });
    });
  made.set(key, { version, metadata });
  return metadata;
}
