import { existsSync, realpathSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { isWithin } from "../shared/isWithin.ts";
import { bundledFontFile, fontFilesDir, templatesDir } from "../shared/installPaths.ts";
import { withoutPhotoData } from "./photoData.ts";
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

/** Stylesheets, bundled fonts and the content's images, copied as they are (SVGs made safe, JPEGs without the camera's data). */
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
  // SVGs and JPEGs are not copied as they are: they are written made safe and without the camera's data, below.
  const rewritten = /\.(svg|jpe?g)$/i;
  eleventyConfig.addPassthroughCopy(
    { [imagesDir]: "images" },
    { expand: true, filter: (relative: string) => !rewritten.test(relative) && published(relative) },
  );
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs" || !existsSync(imagesDir)) return;
    const files = (await readdir(imagesDir, { recursive: true })).filter((relative) => rewritten.test(relative) && published(relative));
    for (const relative of files) {
      const source = path.join(imagesDir, relative);
      const target = path.join(directories.output, "images", relative);
      await mkdir(path.dirname(target), { recursive: true });
      const svg = /\.svg$/i.test(relative);
      await writeFile(target, svg ? await safeSvgFile(source, cacheDir && safeSvgCache(cacheDir)) : withoutPhotoData(await readFile(source)));
    }
  });
  eleventyConfig.addPassthroughCopy({ [path.join(templatesDir, "css")]: "css" });
  eleventyConfig.addPassthroughCopy({ [path.join(templatesDir, "js")]: "js" });
  // The clinic's own styles/site.css and styles/brochure.css, loaded after Pamphlet's.
  for (const [name, file] of Object.entries(clinicStyles)) if (file) eleventyConfig.addPassthroughCopy({ [file]: `css/clinic-${name}.css` });
  for (const [name, file] of Object.entries(vendorScripts)) eleventyConfig.addPassthroughCopy({ [file]: `js/vendor/${name}` });
  for (const file of brandFonts) eleventyConfig.addPassthroughCopy({ [file]: `fonts/brand/${path.basename(file)}` });
  for (const file of [...fontFiles, ...packFonts]) {
    eleventyConfig.addPassthroughCopy({ [path.join(fontFilesDir, file)]: `fonts/${file}` });
  }
}
