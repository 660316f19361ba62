import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { DOMPurify } from "dompurify";
import { PamphletError } from "../shared/errors.ts";
import { displayPath } from "../shared/displayPath.ts";

/** A reference that stays inside the file: `#id`, or an embedded raster image. */
const insideReference = /^\s*(#|data:image\/(png|jpe?g|gif|webp|avif);base64,)/i;
/** CSS that can fetch: `@import`, or `url(…)` of anything but `#id` (a gradient, a filter). */
const fetchingCss = /@import|url\s*\(\s*(?!['"]?#)/i;

/** DOMPurify's version and this file's rules: a new one makes every cached safe SVG again. */
const purifierVersion = (() => {
  // (Its package.json is not among its exports: read from the folder its code is in.)
  let folder = path.dirname(createRequire(import.meta.url).resolve("dompurify"));
  while (!existsSync(path.join(folder, "package.json")) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  const { version } = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { version: string };
  return `dompurify ${version}, no-fetch rules 1`;
})();

let purifier: { purify: DOMPurify; serialize: (node: Node) => string } | undefined;

/**
 * DOMPurify over jsdom, with SVG's profile, plus one rule: nothing may be fetched. DOMPurify removes
 * scripts, event handlers, `javascript:` links, `foreignObject`, `use` and animation of links; the
 * hooks also remove every `href`/`src` that leads out of the file and CSS that loads anything.
 */
async function svgPurifier() {
  if (purifier) return purifier;
  // Loaded only when there is an SVG to make safe: jsdom takes a while to load.
  const [{ default: createDOMPurify }, { JSDOM }] = await Promise.all([import("dompurify"), import("jsdom")]);
  const { window } = new JSDOM("");
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook("afterSanitizeAttributes", (node) => {
    for (const attribute of [...(node.attributes ?? [])]) {
      const name = attribute.name.toLowerCase();
      if ((name === "href" || name.endsWith(":href") || name === "src") && !insideReference.test(attribute.value)) node.removeAttribute(attribute.name);
      else if (name === "style" && fetchingCss.test(attribute.value)) node.removeAttribute(attribute.name);
    }
  });
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && fetchingCss.test(node.textContent ?? "")) node.textContent = "";
  });
  const serializer = new window.XMLSerializer();
  purifier = { purify, serialize: (node) => serializer.serializeToString(node) };
  return purifier;
}

/**
 * An SVG image as it may be published: what it draws, without anything that runs (scripts, event
 * handlers, links to `javascript:`) or fetches (other files, other sites). An SVG opened on its own
 * is a page: as written, its scripts would run on the clinic's site. Returns undefined when nothing
 * drawable is left (not an SVG at all).
 */
export async function safeSvg(svg: string): Promise<string | undefined> {
  const { purify, serialize } = await svgPurifier();
  // (`role="img"` with an aria-label is how an SVG says what it shows to a screen reader.)
  const fragment = purify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_ATTR: ["role"], RETURN_DOM_FRAGMENT: true });
  const root = fragment.firstElementChild;
  if (root?.localName !== "svg") return undefined;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}

/**
 * A content SVG file as published; an error naming the file if it is not an SVG. The safe form is
 * kept in `cacheDir` by the hash of the file, so jsdom (slow to load) is loaded only for a new SVG.
 */
export async function safeSvgFile(file: string, cacheDir?: string): Promise<string> {
  const svg = await readFile(file, "utf8");
  const cached = cacheDir && path.join(cacheDir, `${createHash("sha256").update(svg).update(purifierVersion).digest("hex").slice(0, 20)}.svg`);
  const kept = cached && (await readFile(cached, "utf8").catch(() => undefined));
  if (kept) return kept;
  const safe = await safeSvg(svg);
  if (!safe) throw new PamphletError(`${displayPath(file)} is not an SVG image: save it again as SVG, PNG or JPEG.`);
  if (cached)
    await mkdir(cacheDir, { recursive: true })
      .then(() => writeFile(cached, safe))
      .catch(() => undefined);
  return safe;
}

/** Where the safe forms are kept, beside the web copies of images (`output/.cache/images/safe-svg`). */
export const safeSvgCache = (imageCacheDir: string) => path.join(imageCacheDir, "safe-svg");
