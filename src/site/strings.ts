import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { templatesDir } from "./paths.ts";

/** The few strings code reads; templates read the rest. */
export interface TemplateStrings {
  booklet: { title: string };
  home: { title: string; intro: string };
  compare: { title: string; summary: string };
  contact: { title: string; summary: string };
  notFound: { title: string; text: string };
  nav: { treatments: string; compare: string; contact: string; search: string };
  search: { title: string; summary: string };
  printCentre: { title: string; summary: string; pack: { cover: string; inside: string; page: string } };
  callUs: string;
  disclaimer: string;
  [key: string]: unknown;
}

/** Template text per language, from `templates/strings/<lang>.yaml`: `{ en: {...}, es: {...} }`. */
export function loadStrings(): Record<string, TemplateStrings> {
  const dir = path.join(templatesDir, "strings");
  const entries = readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => [path.basename(file, ".yaml"), YAML.parse(readFileSync(path.join(dir, file), "utf8"))]);
  return Object.fromEntries(entries);
}
