import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import Image, { type ImageOptions, type Metadata } from "@11ty/eleventy-img";
import { shownSize } from "../content/pictureFile.ts";
import { jpegSegments } from "./jpegSegments.ts";
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
 * The widest a brochure prints a picture: 300 ppi across 8 inches, more than any page's text is wide.
 * Measured: a 6000 px phone photo (11 MB) made every brochure that showed it 11 MB.
 */
export const printWidth = 2400;

/**
 * Whether brochures print `file` from a copy (printImage) rather than as it is: a picture wider than
 * printWidth as it is shown (its EXIF orientation applied); or one Chromium puts in a PDF decoded rather
 * than as the file's own JPEG: a WebP or AVIF (measured: a 2000 px WebP photo, 430 KB, made a 4.2 MB
 * brochure; as a JPEG, 0.46 MB), a JPEG it must turn upright (EXIF orientation), or a CMYK JPEG (a
 * print shop's): a 555 KB phone photo stored sideways made a 5.9 MB picture in every PDF.
 */
export function printsFromCopy(file: string): boolean {
  if (/\.(webp|avif)$/i.test(file)) return true;
  if (!/\.(jpe?g|png)$/i.test(file)) return false;
  const size = shownSize(file);
  if (!size) return false; // check names a picture that cannot be read; the web copies' error says it too
  if (size.width > printWidth) return true;
  return /\.jpe?g$/i.test(file) && (size.orientation !== 1 || jpegComponents(file) === 4);
}

/** How many colour components a JPEG's frame has (3 for RGB, 4 for CMYK), read from its start-of-frame marker. */
function jpegComponents(file: string): number | undefined {
  const handle = openSync(file, "r");
  const read = (at: number, length: number) => {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, readSync(handle, bytes, 0, length, at));
  };
  try {
    for (const { marker, start } of jpegSegments(read)) {
      // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width, components.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return read(start + 9, 1)[0];
    }
    return undefined;
  } finally {
    closeSync(handle);
  }
}

/**
 * The web copies of `file` (modern formats, a few widths) in `cacheDir`, made once per version of the
 * file. `url` is a page that shows it, for the error message.
 */
export function webImages(file: string, cacheDir: string, url: string, { remake = false } = {}): Promise<Metadata> {
  return copies(file, cacheDir, url, "web", remake);
}

/**
 * The copy of `file` that brochures and share cards show (see printsFromCopy): at most printWidth wide,
 * a JPEG, or a PNG when it is a PNG or has transparency; made once per version of the file, as webImages.
 */
export async function printImage(file: string, cacheDir: string, url: string, { remake = false } = {}): Promise<ImageCopy> {
  const metadata = await copies(file, cacheDir, url, "print", remake);
  return (metadata.jpeg ?? metadata.png)![0]!;
}

type ImageCopy = Metadata[string][number];

/**
 * A JPEG stays a JPEG and a PNG a PNG; a WebP or AVIF becomes a PNG when it has transparency, else a
 * JPEG (asked for both, eleventy-img made an unused 11 MB PNG of a 3000 px photo, and took twice as long).
 */
const printFormats = (file: string) =>
  /\.png$/i.test(file) ? ["png"] : /\.jpe?g$/i.test(file) ? ["jpeg"] : hasTransparency(readFileSync(file)) ? ["png"] : ["jpeg"];

/**
 * Whether a WebP or AVIF has an alpha channel, from its header: a WebP's VP8X flags or VP8L header;
 * an AVIF's alpha item, named by its auxiliary type. (When unsure, yes: a PNG loses nothing.)
 */
export function hasTransparency(bytes: Buffer): boolean {
  if (bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    const chunk = bytes.toString("latin1", 12, 16);
    if (chunk === "VP8X") return (bytes[20]! & 0x10) !== 0;
    if (chunk === "VP8L") return (bytes[24]! & 0x10) !== 0; // bit 28 of the header after the 0x2f signature
    return chunk !== "VP8 ";
  }
  if (bytes.toString("latin1", 4, 8) === "ftyp") return bytes.includes("auxiliary:alpha");
  return true;
}

const options: Record<"web" | "print", (file: string) => ImageOptions> = {
  // The fallback `<img>` is the picture's own format; an AVIF's, which sharp calls "heif" (found by QA: duplicate
  // .heif copies and <source type="undefined">), is a JPEG, or a PNG when it has transparency (a photo's PNGs were 2 MB).
  web: (file) => ({ widths: [480, 960, 1600], formats: ["avif", "webp", /\.avif$/i.test(file) ? printFormats(file)[0]! : "auto"] }),
  print: (file) => ({ widths: [printWidth], formats: printFormats(file), sharpJpegOptions: { quality: 90 } }),
};

function copies(file: string, cacheDir: string, url: string, kind: "web" | "print", remake: boolean): Promise<Metadata> {
  const key = `${cacheDir}\0${file}\0${kind}`;
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
    .then((src) => Image(src, { ...options[kind](file), outputDir: cacheDir, urlPath: "/img/", svgShortCircuit: true, useCache }))
    .catch((error: NodeJS.ErrnoException) => {
      made.delete(key);
      const [problem, whatToDo] = error.code
        ? [`its ${kind} copies could not be written to ${cacheDir}`, "Check that the output folder can be written to."]
        : ["could not be read as an image", "Save it again as a PNG, JPEG, WebP or SVG file."];
      throw new PamphletError(`${displayPath(file)}: ${problem} (${error.message}), shown on ${url}. ${whatToDo}`, { cause: error });
    });
  made.set(key, { version, metadata });
  return metadata;
}
