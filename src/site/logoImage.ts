import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import Image from "@11ty/eleventy-img";
import { imageSize } from "image-size";
import { safeSvgCache, safeSvgFile } from "./safeSvg.ts";

/** How the logo is drawn: its size at the header's height, and what its shape says it is. */
export interface LogoImage {
  width: number;
  height: number;
  /** Width over height, as the file has it. */
  ratio: number;
  /** Wider than it is tall: shown whole, not squeezed into the round badge. */
  wide: boolean;
  /**
   * So wide (more than `wordmarkRatio`: 1200 × 260 is 4.6) that it is a wordmark: the clinic's name
   * is written in it. It is then drawn larger, within a width cap, and the name is not written again
   * beside it (the image's text alternative is the name).
   */
  wordmark: boolean;
}

/** Wider than this, a logo is taken to be a wordmark: a square or round emblem is about 1:1, a name set in type 3:1 or more. */
export const wordmarkRatio = 2.5;

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
  if (!width || !height) return { width: drawnHeight, height: drawnHeight, ratio: 1, wide: false, wordmark: false };
  const ratio = width / height;
  return {
    width: Math.round(drawnHeight * ratio),
    height: drawnHeight,
    ratio: Math.round(ratio * 1000) / 1000,
    wide: ratio > 1.25,
    wordmark: ratio > wordmarkRatio,
  };
}

/** Where the built site keeps the logo as a PNG, for the visit pack's cover (pdf-lib embeds PNG and JPEG only). */
export const packLogoPath = "print-centre/logo.png";

/**
 * The logo as PNG bytes, 600 px wide at most: an SVG is drawn from its safe form (nothing that runs
 * or fetches), a photo format converted. Undefined when the clinic has no logo or it cannot be read.
 */
export async function logoPng(contentDir: string, logo: string | undefined, cacheDir?: string): Promise<Uint8Array | undefined> {
  if (!logo) return undefined;
  const file = path.join(contentDir, logo);
  try {
    const source = /\.svg$/i.test(file) ? Buffer.from(await safeSvgFile(file, cacheDir && safeSvgCache(cacheDir))) : file;
    // dryRun: the PNG comes back as a buffer, nothing written (eleventy-img's types leave both out).
    const metadata = await Image(source, { widths: [600], formats: ["png"], dryRun: true, useCache: false } as Parameters<typeof Image>[1]);
    return (metadata.png?.[0] as { buffer?: Buffer } | undefined)?.buffer;
  } catch {
    return undefined;
  }
}

/** Writes the logo's PNG for the visit pack into the built site (packLogoPath). */
export function packLogoPlugin(
  eleventyConfig: UserConfig,
  { contentDir, logo, cacheDir }: { contentDir: string; logo: string | undefined; cacheDir?: string },
) {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs") return;
    const png = await logoPng(contentDir, logo, cacheDir);
    if (!png) return;
    const target = path.join(directories.output, packLogoPath);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, png);
  });
}
