import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `pdfinfo` fields, e.g. `{ Pages: "2", "Page size": "612 x 792 pts (letter)", Tagged: "yes" }`. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run("pdfinfo", [file]);
  return Object.fromEntries(
    stdout
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
}

export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
  return stdout;
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

/** Decodes QR codes on one page, rendered at 150 dpi. */
export async function pdfQrCodes(file: string, page: number): Promise<string[]> {
  const png = `${file}.page${page}`;
  await run("pdftoppm", ["-png", "-r", "150", "-f", String(page), "-l", String(page), "-singlefile", file, png]);
  const { stdout } = await run("zbarimg", ["--quiet", "--raw", `${png}.png`]).catch((error) => ({ stdout: String(error.stdout ?? "") }));
  return stdout.split("\n").filter(Boolean);
}

export interface PdfImage {
  page: number;
  /** Pixels, as stored. */
  width: number;
  height: number;
  /** How wide it is drawn on the page, from its horizontal resolution. */
  drawnMm: number;
}

/** Raster images as `pdfimages -list` lists them, without their transparency masks (vector drawings, such as an SVG logo, are not images). */
export async function pdfImages(file: string): Promise<PdfImage[]> {
  const { stdout } = await run("pdfimages", ["-list", file]);
  return stdout
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === "image")
    .map((columns) => {
      const [page, width, height, xPpi] = [columns[0], columns[3], columns[4], columns[12]].map(Number);
      return { page: page!, width: width!, height: height!, drawnMm: Math.round((width! / xPpi!) * 25.4) };
    });
}
