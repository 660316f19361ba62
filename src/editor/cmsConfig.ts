import { readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { clinicSchema, localize, type Clinic } from "../content/clinicSchema.ts";
import { siteLanguages } from "../shared/languages.ts";
import { pageUrl, procedureUrl } from "../shared/routes.ts";
import { pageSchema } from "../content/pageSchema.ts";
import { procedureSchema, type Language } from "../content/schema.ts";
import { templatesDir } from "../shared/installPaths.ts";
import { cmsFields, labelOf, type CmsField } from "./cmsFields.ts";

export interface CmsConfigOptions {
  clinic: Clinic;
  /** `pamphlet dev`: the address of its local backend, which saves into the content folder. Else the clinic's `editor:` backend. */
  localBackend?: string;
  /** Where the "view live" links go: the dev server, or the published site. */
  siteUrl: string;
  /** The schemas the forms are made from (tests pass others to see a new field appear). */
  schemas?: { procedure?: z.ZodObject; page?: z.ZodObject; clinic?: z.ZodObject };
}

const languageNames: Record<Language, string> = { en: "English", es: "Español" };

/**
 * The whole Decap CMS configuration, generated from Pamphlet's schemas and clinic.yaml, never written
 * by hand: guides and pages per language (the default language at the top of the content folder,
 * the others in `<lang>/`), clinic.yaml as a settings page, and the clinic's own wording.
 */
export function cmsConfig(options: CmsConfigOptions): Record<string, unknown> {
  const { clinic } = options;
  const editor = clinic.editor;
  const schemas = { procedure: procedureSchema, page: pageSchema, clinic: clinicSchema, ...options.schemas };
  // In a repository the content folder is a sub-folder; the local backend's root is the content folder itself.
  const root = options.localBackend ? "" : (editor?.contentFolder ?? "content").replace(/\/?$/, "/").replace(/^\/$/, "");
  const languages = siteLanguages(clinic);
  const folderOf = (lang: Language, folder: string) => `${root}${lang === clinic.defaultLanguage ? "" : `${lang}/`}${folder}`;
  const document = (kind: "procedures" | "pages", lang: Language) => {
    const fields = withCategories(cmsFields(kind === "procedures" ? schemas.procedure : schemas.page), clinic, lang);
    return {
      name: lang === clinic.defaultLanguage ? kind : `${kind}-${lang}`,
      label: `${kind === "procedures" ? "Guides" : "Pages"} (${languageNames[lang]})`,
      label_singular: `${kind === "procedures" ? "Guide" : "Page"} (${languageNames[lang]})`,
      folder: folderOf(lang, kind),
      extension: "md",
      format: "frontmatter",
      create: true,
      slug: "{{slug}}",
      identifier_field: "title",
      summary: "{{title}}",
      // Where the site has it, without the leading slash (Decap joins it to site_url).
      preview_path: (kind === "procedures" ? procedureUrl : pageUrl)("{{slug}}", lang, clinic).slice(1),
      fields: [
        ...fields,
        {
          name: "body",
          label: "Text",
          widget: "markdown",
          // Markdown as written: Decap's rich text mode (its default whenever offered) saves a typed "## " escaped, as "\## ",
          // rewrites every list marker, and cannot show a picture's size (#half).
          modes: ["raw"],
          // Decap shows a hint as Markdown: the syntax is in backticks, or the picture's would vanish.
          hint:
            "Sections start with `##` and a heading, e.g. `## What it is`. " +
            'A picture: `![what it shows](/images/name.jpg#half "caption")`, sizes `#small`, `#half`, `#full`',
        },
      ],
    };
  };
  const backend = options.localBackend
    ? { name: "proxy", proxy_url: options.localBackend, branch: "main" }
    : {
        name: editor?.backend ?? "git-gateway",
        ...(editor?.repo ? { repo: editor.repo } : {}),
        branch: editor?.branch ?? "main",
        ...(editor?.authUrl ? { base_url: editor.authUrl } : {}),
      };
  return {
    backend,
    // The local backend saves files as they are; review happens in the repository's pull requests.
    ...(!options.localBackend && (editor?.review ?? true) ? { publish_mode: "editorial_workflow" } : {}),
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    locale: "en",
    media_folder: `${root}images`,
    public_folder: "/images",
    // An optional field left empty is left out, not written as "": the schema refuses empty text.
    omit_empty_optional_fields: true,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      ...languages.flatMap((lang) => [document("procedures", lang), document("pages", lang)]),
      {
        name: "settings",
        label: "Clinic settings",
        // Said, not inferred: inferred, a YAML file that starts with a comment is read as an empty form.
        format: "yaml",
        editor: { preview: false },
        files: [
          { name: "clinic", label: "Clinic (clinic.yaml)", file: `${root}_data/clinic.yaml`, fields: cmsFields(schemas.clinic) },
          ...languages.map((lang) => ({
            name: `wording-${lang}`,
            label: `Wording (${languageNames[lang]})`,
            file: `${root}_data/strings/${lang}.yaml`,
            fields: wordingFields(readShippedWording(lang)),
          })),
        ],
      },
    ],
  };
}

/** With categories in clinic.yaml, a guide's category is picked from them, in the guide's language. */
function withCategories(fields: CmsField[], clinic: Clinic, lang: Language): CmsField[] {
  if (!clinic.categories) return fields;
  const options = clinic.categories.map((category) => localize(category, lang, clinic.defaultLanguage));
  return fields.map((field) => (field.name === "category" ? { ...field, widget: "select", options, hint: "From the categories in clinic.yaml" } : field));
}

const readShippedWording = (lang: string) => YAML.parse(readFileSync(path.join(templatesDir, "strings", `${lang}.yaml`), "utf8")) as Record<string, unknown>;

/** The clinic's wording: every text Pamphlet writes, optional, with Pamphlet's own as the hint. */
function wordingFields(shipped: Record<string, unknown>): CmsField[] {
  return Object.entries(shipped).map(([name, value]) =>
    typeof value === "object" && value !== null
      ? { name, label: labelOf(name), widget: "object", required: false, collapsed: true, fields: wordingFields(value as Record<string, unknown>) }
      : { name, label: labelOf(name), widget: String(value).length > 100 ? "text" : "string", required: false, hint: `Pamphlet's own: ${String(value)}` },
  );
}

/** The configuration as Decap reads it from `config.yml`. */
export const cmsConfigYaml = (options: CmsConfigOptions) =>
  `# Generated by Pamphlet from its content schema and clinic.yaml: do not edit, it is made again on every build.\n${YAML.stringify(cmsConfig(options))}`;
