import { readdirSync, readFileSync, statSync } from "node:fs";
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
 * The picture whose name is nearest `src`'s, without the folder and extension every address shares:
 * they made unrelated names look close ("/images/change-me.jpg" was offered "/images/huge.jpg").
 */
function closestPicture(src: string, addresses: string[]): string | undefined {
  // The path inside images/, folders too ("befor/leg" is "before/leg", not "after/leg"), without the extension.
  const stem = (address: string) => address.replace(/^\/images\//, "").replace(/\.[^./]*$/, "");
  const name = closestWord(stem(src), addresses.map(stem));
  return name === undefined ? undefined : addresses.find((address) => stem(address) === name);
}

/**
 * What keeps a picture in the images folder from being shown or printed, said with what to do, or
 * undefined when it can be. Found here, before the build: eleventy-img would otherwise fail halfway
 * with a message about the output folder. `src` is the address as written (`/images/leg.png`).
 * `drawn`: a page shows it, so web copies are made of it (an SVG too); otherwise it is only published.
 */
export function pictureFileProblem(contentDir: string, src: string, file: string, { drawn = true } = {}): string | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    const likely = closestPicture(src, pictureAddresses(contentDir));
    return `does not exist: ${likely ? `did you mean ${likely}? Or put` : "put"} the file at ${file}, or fix the path`;
  }
  if (!isFile) return `is a folder, not a picture: write the address of a picture file in ${path.dirname(file)}`;
  // image-size reads these, but sharp (the web and print copies) and browsers cannot show them.
  const kind = unshownKind(file);
  if (kind) return `${kind}, and write its new name here`;
  const unreadable =
    `cannot be read as a picture (${file} is damaged, or is not the kind of file its name says): ` + "save it again as a PNG, JPEG, WebP or SVG file";
  let size: { width?: number; height?: number } | undefined;
  if (/\.svg$/i.test(file)) {
    // What the build needs of an SVG is an <svg> document to make safe; one with no size is drawn at a default
    // size. Only one a page shows is made into web copies, within sharp's limit, when its size is known.
    if (!startsWithSvg(readFileSync(file, "utf8"))) return unreadable;
    if (!drawn) return undefined;
    try {
      size = imageSize(file);
    } catch {
      return undefined;
    }
  } else {
    try {
      size = imageSize(file);
    } catch {
      return unreadable;
    }
  }
  const { width = 0, height = 0 } = size;
  if (width * height > maxPixels) {
    return (
      `is ${width} × ${height} pixels, more than a picture may have (about ${Math.floor(maxPixels / 1e6)} million pixels): ` +
      "save it smaller, for example 3000 pixels on its longest side, which is plenty for print"
    );
  }
  return undefined;
}

/**
 * Why an SVG's text would not print in the brochure's typeface, or undefined: a picture shown as an
 * image cannot use the page's fonts, so its `<text>` is drawn in a font of the machine that prints
 * (found by QA: DejaVu Sans embedded beside the bundled typeface).
 */
export function svgTextProblem(file: string): string | undefined {
  if (!/\.svg$/i.test(file)) return undefined;
  let svg: string;
  try {
    svg = readFileSync(file, "utf8");
  } catch {
    return undefined; // pictureFileProblem says what is wrong with it
  }
  if (!/<text[\s>]/i.test(svg)) return undefined;
  return (
    "has text in it, which prints in whatever typeface the printing machine has, not the brochure's: " +
    "turn the text into outlines (paths) in your drawing program, or write it in the guide beside the picture"
  );
}

/** A raster picture's size as it is shown, its EXIF orientation applied (5 to 8 turn it a quarter), or undefined when it cannot be read. */
export function shownSize(file: string): { width: number; height: number; orientation: number } | undefined {
  try {
    const { width = 0, height = 0, orientation = 1 } = imageSize(file);
    return orientation >= 5 ? { width: height, height: width, orientation } : { width, height, orientation };
  } catch {
    return undefined;
  }
}

/** How wide a brochure's text column is, in inches (letter, the widest: 8.5 in less 16 mm each side). */
const columnInches = 7.2;
/** What a printed photo needs to look sharp at reading distance, in pixels per inch. */
const sharpPpi = 150;

/**
 * Why a picture would print blurred, or undefined: fewer than 150 pixels per inch at the width the
 * brochures draw it (found by QA: a 1200 px cover printed at 166 ppi, a 400 px picture at 96).
 * `share`: the part of the column it is given (a size: #half is 0.5), or none for a picture at its
 * own size (CSS draws it at 96 pixels per inch, up to the column); `cover`: the full column.
 */
export function printResolutionProblem(file: string, { share, cover = false }: { share?: number; cover?: boolean } = {}): string | undefined {
  if (!/\.(png|jpe?g|gif|webp|avif)$/i.test(file)) return undefined; // an SVG prints sharp at any size
  const width = shownSize(file)?.width ?? 0; // unreadable: pictureFileProblem says what is wrong with it
  const column = columnInches * (share ?? 1);
  const inches = cover || share !== undefined ? column : Math.min(width / 96, column);
  const ppi = Math.round(width / inches);
  if (width === 0 || ppi >= sharpPpi) return undefined;
  const needed = Math.ceil((sharpPpi * column) / 10) * 10;
  const smaller = cover ? "" : share === undefined || share > 0.4 ? ", or show it smaller (#half, #small)" : "";
  return (
    `prints at about ${ppi} pixels per inch, ${inches.toFixed(1)} inches wide, which looks blurred on paper (${sharpPpi} looks sharp): ` +
    `use a larger picture, at least ${needed} pixels wide${smaller}`
  );
}

/**
 * Whether `text` is an SVG document, as the build reads it (its root element is `svg`): after what may
 * come first (an XML declaration, comments, a DOCTYPE with its entities), an `<svg`. A web page with an
 * icon drawn in it is not one.
 */
function startsWithSvg(text: string): boolean {
  const prolog = /^(\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>)/i;
  let rest = text;
  for (let match = prolog.exec(rest); match; match = prolog.exec(rest)) rest = rest.slice(match[0].length);
  return /^<svg[\s/>]/i.test(rest);
}

/** Picture files people have that the site cannot show, said in their words, with how to get one it can. */
const unshownKinds = [
  {
    name: /\.(heic|heif)$/i,
    what: "a HEIC photo (an iPhone's own format)",
    fix: "save it as a JPEG (on the iPhone, Settings › Camera › Formats › Most Compatible makes new photos JPEGs; on a Mac, Preview's File › Export)",
  },
  { name: /\.tiff?$/i, what: "a TIFF picture", fix: "save it as a PNG or JPEG" },
  { name: /\.bmp$/i, what: "a BMP picture", fix: "save it as a PNG" },
];

/** What is wrong with a picture of a kind the site cannot show ("is a HEIC photo …: save it as a JPEG …"), or undefined. */
export function unshownKind(file: string): string | undefined {
  const kind = unshownKinds.find(({ name }) => name.test(file));
  return kind && `is ${kind.what}, which browsers cannot show: ${kind.fix}`;
}

/** sharp's limit, which the web copies are made with: a larger picture fails the build. */
const maxPixels = 0x3fff * 0x3fff;
