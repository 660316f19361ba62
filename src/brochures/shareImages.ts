import path from "node:path";
import type { Content } from "../content/load.ts";
import type { PrintRequest } from "./printer.ts";

export interface ShareImageJob extends PrintRequest {
  name: string;
  file: string;
}

/** Link-preview images: each language's home page and each procedure, photographed from /share/… pages. */
export function shareImageJobs(content: Content, shareDir: string): ShareImageJob[] {
  const languages = [...new Set([content.clinic.defaultLanguage, ...content.procedures.map((procedure) => procedure.lang)])];
  const names = [
    ...languages.map((lang) => ({ lang, name: "home" })),
    ...content.procedures.map((procedure) => ({ lang: procedure.lang, name: procedure.slug })),
  ];
  return names.map(({ lang, name }) => ({
    name: `share/${lang}/${name}.png`,
    file: path.join(shareDir, lang, `${name}.png`),
    url: `/share/${lang}/${name}/`,
    kind: "image" as const,
  }));
}
