import { readFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";

/** How the logo is drawn: its size at the header's height, and whether it is a wide wordmark. */
export interface LogoImage {
  width: number;
  height: number;
  /** Wider than it is tall: shown whole on a white strip, not squeezed into the round badge. */
  wide: boolean;
}

const drawnHeight = 48;

/** The logo's shape, read from the file (SVG, PNG or JPEG), so a wordmark keeps its proportions. */
export async function logoImage(contentDir: string, logo: string | undefined): Promise<LogoImage | undefined> {
  if (!logo) return undefined;
  // An SVG without width, height or viewBox has no shape to read: drawn square, as before.
  let size: { width?: number; height?: number } = {};
  try {
    size = imageSize(await readFile(path.join(contentDir, logo)));
  } catch {}
  const { width, height } = size;
  if (!width || !height) return { width: drawnHeight, height: drawnHeight, wide: false };
  const ratio = width / height;
  return { width: Math.round(drawnHeight * ratio), height: drawnHeight, wide: ratio > 1.25 };
}
