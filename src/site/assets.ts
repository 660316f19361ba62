import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { isWithin } from "../shared/isWithin.ts";
import { bundledFontFile, fontFilesDir, templatesDir } from "../shared/installPaths.ts";
import { safeSvgCache, safeSvgFile } from "./safeSvg.ts";

/** Typeface weights the site and brochures use; only the Latin subset (it covers English and Spanish). */
const fontFiles = (["400-normal", "400-italic", "700-normal"] as const).map((face) => bundledFontFile(face, "woff2"));

/** pdf-lib and fontkit for the print centre's visit pack, loaded only when someone makes one. */
const require = createRequire(import.meta.url);
const vendorScripts = {
  "pdf-lib.min.js": path.join(path.dirname(require.resolve("pdf-lib/package.json")), "dist", "pdf-lib.min.js"),
  "fontkit.umd.min.js": path.join(path.dirname(require.resolve("@pdf-lib/fontkit/package.json")), "dist", "fontkit.umd.min.js"),
};
/** WOFF (not WOFF2) copies of the regular and bold faces, which fontkit can embed in the visit pack's cover. */
const packFonts = (["400-normal", "700-normal"] as const).map((face) => bundledFontFile(face, "woff"));

const imageExtensions = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/** Stylesheets, bundled fonts and the content's images, copied as they are. */
export function assetsPlugin(
  eleventyConfig: UserConfig,
  {
    contentDir,
    cacheDir,
    clinicStyles = {},
    brandFonts = [],
  }: { contentDir: string; cacheDir?: string; clinicStyles?: Partial<Record<"site" | "brochure", string>>; brandFonts?: string[] },
) {
  // Only image files (a stray .njk or notes file is not published). Links inside images/ are copied
  // as the files they lead to: src/content refuses any that leads outside the content folder.
  const imagesDir = path.join(contentDir, "images");
  // Checked again as the files are copied (src/content checked the links before the build): the
  // copy follows links, so whatever a link leads to must still be inside images/.
  const imagesReal = existsSync(imagesDir) ? realpathSync(imagesDir) : imagesDir;
  const published = (relative: string) => {
    const file = path.join(imagesDir, relative);
    const target = existsSync(file) ? realpathSync(file) : undefined;
    if (!target || !isWithin(target, imagesReal)) return false;
    return imageExtensions.test(relative) || statSync(target).isDirectory();
  };
  // SVGs are not copied as they are: they are written made safe, below.
  eleventyConfig.addPassthroughCopy(
    { [imagesDir]: "images" },
    { expand: true, filter: (relative: string) => !/\.svg$/i.test(relative) && published(relative) },
  );
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs" || !existsSync(imagesDir)) return;
    const svgs = (await readdir(imagesDir, { recursive: true })).filter((relative) => /\.svg$/i.test(relative) && published(relative));
    for (const relative of svgs) {
      const target = path.join(directories.output, "images", relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, await safeSvgFile(path.join(imagesDir, relative), cacheDir && safeSvgCache(cacheDir)));
    }
  });
  // Pamphlet's own stylesheets, scripts and fonts, and the clinic's styles and brand fonts: copied
  // once the pages are written, not by Eleventy's passthrough copy, whose streamed copies run beside
  // the renders and end only when those let them (measured: the site step of a one-edit rebuild was
  // about 0.1 s longer with them).
  const fixedFiles = [
    ...filesIn(path.join(templatesDir, "css"), "css"),
    ...filesIn(path.join(templatesDir, "js"), "js"),
    // The clinic's own styles/site.css and styles/brochure.css, loaded after Pamphlet's.
    ...Object.entries(clinicStyles).flatMap(([name, file]) => (file ? [[file, `css/clinic-${name}.css`] as const] : [])),
    ...Object.entries(vendorScripts).map(([name, file]) => [file, `js/vendor/${name}`] as const),
    ...brandFonts.map((file) => [file, `fonts/brand/${path.basename(file)}`] as const),
    ...[...fontFiles, ...packFonts].map((file) => [path.join(fontFilesDir, file), `fonts/${file}`] as const),
  ];
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs") return;
    for (const [source, published] of fixedFiles) {
      const target = path.join(directories.output, published);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }
  });
}

/** The files of a folder (not its subfolders), each with its place under `published` in the site. */
function filesIn(folder: string, published: string): Array<readonly [string, string]> {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => [path.join(folder, entry.name), `${published}/${entry.name}`] as const);
}
