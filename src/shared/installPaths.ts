import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where Pamphlet itself lives, so commands work from any working directory. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
export const templatesDir = path.join(projectRoot, "templates");
/**
 * Pamphlet's sources, with the files they read beside them (client scripts, word lists): read from
 * here, not beside the module reading them, which in the compiled bundle is dist/bundle.
 */
export const sourcesDir = path.join(projectRoot, "src");

/**
 * The bundled brochure and site typeface, so no output depends on the machine's fonts: Atkinson
 * Hyperlegible Next with a plain zero (the original's is slashed, "Ø161"), derived from npm
 * @fontsource/atkinson-hyperlegible-next by scripts/plainZeroFonts.py.
 */
export const fontFilesDir = path.join(templatesDir, "fonts");
/** The file of one face of the bundled typeface in `fontFilesDir`, e.g. `bundledFontFile("400-normal", "woff2")`. */
export const bundledFontFile = (face: "400-normal" | "400-italic" | "700-normal", format: "woff" | "woff2") =>
  `atkinson-hyperlegible-next-plain-zero-latin-${face}.${format}`;

/** Web copies of content images, kept between builds beside the site folder: `output/.cache/images` for `output/site`. */
export const imageCacheDir = (siteDir: string) => path.join(path.dirname(siteDir), ".cache", "images");
