import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { templatesDir } from "./installPaths.ts";

/** The clinic's own wording for the site and brochures, per language: parts of templates/strings/<lang>.yaml (read by src/content). */
export type Wording = Record<string, Record<string, unknown>>;

/** The few strings code reads; templates read the rest. */
export interface TemplateStrings {
  booklet: { title: string };
  home: { title: string; intro: string };
  compare: { title: string; summary: string };
  contact: { title: string; summary: string };
  notFound: { title: string; text: string };
  nav: { treatments: string; compare: string; contact: string; search: string };
  search: { title: string; summary: string };
  printCentre: {
    title: string;
    summary: string;
    pack: { cover: string; inside: string; page: string; writeName: string; writeDate: string; writeClinician: string };
  };
  callUs: string;
  disclaimer: string;
  [key: string]: unknown;
}

/**
 * Template text per language, from `templates/strings/<lang>.yaml`: `{ en: {...}, es: {...} }`,
 * with the wording of the clinic's locale (`templates/strings/locales/en-GB.yaml` for `locales: { en: en-GB }`)
 * and then the clinic's own wording (`_data/strings/<lang>.yaml`, checked by src/content) laid over it.
 */
export function loadStrings(wording: Wording = {}, locales: Partial<Record<string, string>> = {}): Record<string, TemplateStrings> {
  const dir = path.join(templatesDir, "strings");
  const entries = readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => {
      const lang = path.basename(file, ".yaml");
      const locale = locales[lang] ? path.join(dir, "locales", `${locales[lang]}.yaml`) : undefined;
      const regional = locale && existsSync(locale) ? (YAML.parse(readFileSync(locale, "utf8")) as Record<string, unknown>) : {};
      return [lang, overlay(overlay(YAML.parse(readFileSync(path.join(dir, file), "utf8")), regional), wording[lang] ?? {})];
    });
  return Object.fromEntries(entries);
}

/** `base` with `over`'s texts in place of its own, group by group. */
function overlay(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const own = base[key];
    merged[key] =
      typeof value === "object" && value !== null && typeof own === "object" && own !== null
        ? overlay(own as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return merged;
}
