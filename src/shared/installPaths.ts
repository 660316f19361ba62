import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where Pamphlet itself lives, so commands work from any working directory. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
export const templatesDir = path.join(projectRoot, "templates");

const require = createRequire(import.meta.url);
/** The bundled brochure and site typeface (npm @fontsource), so no output depends on the machine's fonts. */
export const fontFilesDir = path.join(path.dirname(require.resolve("@fontsource/atkinson-hyperlegible-next/package.json")), "files");

/** Web copies of content images, kept between builds beside the site folder: `output/.cache/images` for `output/site`. */
export const imageCacheDir = (siteDir: string) => path.join(path.dirname(siteDir), ".cache", "images");
