import path from "node:path";
import { siteLanguages } from "../shared/languages.ts";
import { languageNames } from "../content/language.ts";
import type { DocumentSource } from "../content/load.ts";
import type { Check, Problem } from "./types.ts";

/**
 * Every procedure and page of the default language should exist in each published language (same
 * file name under `<lang>/`). Until it does, the site links readers to the default-language page.
 */
export const checkTranslations: Check = ({ content }) => {
  const { clinic } = content;
  const problems: Problem[] = [];
  const documents: Array<DocumentSource & { kind: string }> = [
    ...content.procedures.map((procedure) => ({ ...procedure, kind: "procedures" })),
    ...content.pages.map((page) => ({ ...page, kind: "pages" })),
  ];
  // Runs on every build and dev save: one set lookup per document, not a scan of all of them.
  const present = new Set(documents.map((d) => `${d.kind}\0${d.slug}\0${d.lang}`));
  const has = (kind: string, slug: string, lang: string) => present.has(`${kind}\0${slug}\0${lang}`);
  for (const lang of siteLanguages(clinic).slice(1)) {
    for (const original of documents.filter((d) => d.lang === clinic.defaultLanguage && !has(d.kind, d.slug, lang))) {
      const language = languageNames[lang] ?? lang;
      const translation = path.join(lang, original.kind, `${original.slug}.md`);
      problems.push({
        file: original.file,
        line: 1,
        severity: "warning",
        rule: "translations",
        message: `has no ${language} translation: add ${translation}; meanwhile the ${language} site links to this page`,
      });
    }
    for (const orphan of documents.filter((d) => d.lang === lang && !has(d.kind, d.slug, clinic.defaultLanguage))) {
      problems.push({
        file: orphan.file,
        line: 1,
        severity: "warning",
        rule: "translations",
        message: `is a translation of ${path.join(orphan.kind, `${orphan.slug}.md`)}, which does not exist: check the file name`,
      });
    }
  }
  return problems;
};
