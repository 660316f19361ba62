import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * `pdfinfo` fields, e.g. `{ Pages: "2", "Page size": "612 x 792 pts (letter)", Tagged: "yes" }`;
 * with `boxes`, also page 1's `MediaBox`, `CropBox`, `BleedBox`, `TrimBox` and `ArtBox` ("x0 y0 x1 y1").
 */
export async function pdfInfo(file: string, options: { boxes?: boolean } = {}): Promise<Record<string, string>> {
  const { stdout } = await run("pdfinfo", [...(options.boxes ? ["-box"] : []), file]);
  return Object.fromEntries(
    stdout
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
}

/** A page box from `pdfInfo(file, { boxes: true })` as numbers: `[x0, y0, x1, y1]` in points. */
export const box = (info: Record<string, string>, label: string): number[] => (info[label] ?? "").trim().split(/\s+/).map(Number);

export interface PdfTextOptions {
  /** Only this page (1-based). @defaultValue every page, separated by form feeds */
  page?: number;
  /**
   * Keep the physical layout (`pdftotext -layout`): columns side by side, line by line. Without it,
   * text comes in reading order. @defaultValue true
   */
  layout?: boolean;
  /** Only the text inside this rectangle of the page, in points from its top left corner. */
  region?: { x: number; y: number; width: number; height: number };
}

/** The text of a PDF as `pdftotext` reads it. */
export async function pdfText(file: string, options: PdfTextOptions = {}): Promise<string> {
  const { page, layout = true, region } = options;
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const crop = region === undefined ? [] : ["-x", String(region.x), "-y", String(region.y), "-W", String(region.width), "-H", String(region.height)];
  const { stdout } = await run("pdftotext", [...pages, ...crop, ...(layout ? ["-layout"] : []), file, "-"]);
  return stdout;
}

export interface PdfWord {
  text: string;
  /** Points from the page's top left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Each word on one page with its box, from `pdftotext -bbox`. */
export async function pdfWords(file: string, page: number): Promise<PdfWord[]> {
  const { stdout } = await run("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", file, "-"]);
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    text: match[5]!.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => entities[entity]!),
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
  }));
}

export interface PdfFont {
  name: string;
  embedded: boolean;
  subset: boolean;
}

/** Fonts as `pdffonts` lists them. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run("pdffonts", [file]);
  return stdout
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name, type..., encoding, emb, sub, uni, object, id: the yes/no flags are the 5th to 3rd last columns.
      return { name: columns[0]!, embedded: columns.at(-5) === "yes", subset: columns.at(-4) === "yes" };
    });
}

export interface PdfImage {
  page: number;
  /** `image`, `mask`, `smask`… */
  type: string;
  /** In pixels, as stored in the PDF. */
  width: number;
  height: number;
  /** How it is stored: `jpeg` (the JPEG's own bytes), `image` (decoded pixels, compressed losslessly)… */
  encoding: string;
  /** How wide it is drawn on the page, in millimetres, from its horizontal resolution. */
  drawnMm: number;
}

/** The images stored in a PDF, from `pdfimages -list` (vector drawings, such as an SVG logo, are not images). */
export async function pdfImages(file: string): Promise<PdfImage[]> {
  const { stdout } = await run("pdfimages", ["-list", file]);
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  return stdout
    .split("\n")
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns.length >= 13)
    .map((columns) => {
      const [page, width, height, xPpi] = [columns[0], columns[3], columns[4], columns[12]].map(Number);
      return { page: page!, type: columns[2]!, width: width!, height: height!, encoding: columns[8]!, drawnMm: Math.round((width! / xPpi!) * 25.4) };
    });
}

/** Renders one page with `pdftoppm` into a PNG next to the PDF; returns that file's path. */
async function pagePng(file: string, page: number, dpi: number): Promise<string> {
  const prefix = `${file}.page${page}-${dpi}dpi`;
  await run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  return `${prefix}.png`;
}

/** Page `page` of a PDF as a PNG at `dpi`, rendered by `pdftoppm`. */
export const renderPage = async (file: string, page: number, dpi = 40): Promise<Buffer> => readFile(await pagePng(file, page, dpi));

/** Decodes QR codes on one page, rendered at 150 dpi. */
export async function pdfQrCodes(file: string, page: number): Promise<string[]> {
  const png = await pagePng(file, page, 150);
  const { stdout } = await run("zbarimg", ["--quiet", "--raw", png]).catch((error) => ({ stdout: String(error.stdout ?? "") }));
  return stdout.split("\n").filter(Boolean);
}
