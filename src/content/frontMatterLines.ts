import type { YamlSource } from "./yamlSource.ts";

/** A field as a writer finds it: `faq.0.answer` → `faq #1 › answer` (entries counted from 1, as people count). */
const writerFieldName = (path: readonly PropertyKey[]) =>
  path
    .map((part) => (typeof part === "number" ? `#${part + 1}` : String(part)))
    .join(" › ")
    .replace(/ › #/g, " #");

/**
 * The file line of every front-matter field, nested ones too, keyed by the writer's name for it
 * (`summary`, `faq #2 › answer`, `sources #1`): checks that read every text name the line they found it on.
 */
export function frontMatterLines(value: Record<string, unknown>, source: YamlSource): Record<string, number> {
  const lines: Record<string, number> = {};
  const visit = (item: unknown, path: PropertyKey[]) => {
    lines[writerFieldName(path)] = source.locate(path, { key: path.length === 1 }).line;
    if (Array.isArray(item)) item.forEach((entry, at) => visit(entry, [...path, at]));
    else if (item && typeof item === "object") for (const [key, entry] of Object.entries(item)) visit(entry, [...path, key]);
  };
  for (const [key, item] of Object.entries(value)) visit(item, [key]);
  return lines;
}

/** What the loader adds to a guide or page beside its front matter: no writer wrote them. */
const loaderFields = ["slug", "lang", "file", "body", "bodyLine", "fieldLines"];

/**
 * Every text a writer wrote in front matter, with the writer's name for its field: what patients read
 * outside the body. `skip`: fields a check leaves alone besides the loader's own.
 */
export function frontMatterTexts(value: Record<string, unknown>, skip: readonly string[] = []): Array<{ field: string; text: string }> {
  const texts: Array<{ field: string; text: string }> = [];
  const visit = (item: unknown, path: PropertyKey[]) => {
    if (typeof item === "string") texts.push({ field: writerFieldName(path), text: item });
    else if (Array.isArray(item)) item.forEach((entry, at) => visit(entry, [...path, at]));
    else if (item && typeof item === "object") for (const [key, entry] of Object.entries(item)) visit(entry, [...path, key]);
  };
  for (const [key, item] of Object.entries(value)) if (!skip.includes(key) && !loaderFields.includes(key)) visit(item, [key]);
  return texts;
}
