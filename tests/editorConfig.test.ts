import test from "ava";
import YAML from "yaml";
import { z } from "zod";
import { clinicSchema, type Clinic } from "../src/content/clinicSchema.ts";
import { loadContentOrThrow } from "../src/content/load.ts";
import { pageSchema } from "../src/content/pageSchema.ts";
import { procedureSchema, text } from "../src/content/schema.ts";
import { cmsConfig, cmsConfigYaml } from "../src/editor/cmsConfig.ts";
import type { CmsField } from "../src/editor/cmsFields.ts";

interface Collection {
  name: string;
  folder?: string;
  fields?: CmsField[];
  files?: Array<{ name: string; file: string; fields: CmsField[] }>;
}

const shippedClinic = async (): Promise<Clinic> => (await loadContentOrThrow("content")).clinic;
const collections = (config: Record<string, unknown>) => config.collections as Collection[];
const collection = (config: Record<string, unknown>, name: string) => collections(config).find((candidate) => candidate.name === name)!;

/** Every field path of a zod schema (`faq.question`, `locations.address.street`…), read from zod itself, not from the editor's code. */
function schemaPaths(schema: z.ZodType, prefix = ""): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
      return schemaPaths(def.innerType as z.ZodType, prefix);
    case "pipe":
      return schemaPaths(def.in as z.ZodType, prefix);
    case "array":
      return schemaPaths(def.element as z.ZodType, prefix);
    case "union":
      return (def.options as z.ZodType[]).flatMap((option) => schemaPaths(option, prefix));
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => [`${prefix}${key}`, ...schemaPaths(field, `${prefix}${key}.`)]);
    default:
      return [];
  }
}

const fieldPaths = (fields: CmsField[], prefix = ""): string[] =>
  fields.flatMap((field) => [`${prefix}${field.name}`, ...fieldPaths([...(field.fields ?? []), ...(field.field?.fields ?? [])], `${prefix}${field.name}.`)]);

test("the generated configuration lists every field of the procedure, page and clinic schemas, in every language", async (t) => {
  const clinic = await shippedClinic();
  const config = cmsConfig({ clinic, siteUrl: "https://veins.example.com" });
  for (const name of ["procedures", "procedures-es"]) {
    const fields = fieldPaths(collection(config, name).fields!);
    t.deepEqual(
      [...new Set(schemaPaths(procedureSchema))].filter((path) => !fields.includes(path)),
      [],
      name,
    );
    t.true(fields.includes("body"), `${name} has the Markdown body`);
  }
  for (const name of ["pages", "pages-es"]) {
    t.deepEqual(
      [...new Set(schemaPaths(pageSchema))].filter((path) => !fieldPaths(collection(config, name).fields!).includes(path)),
      [],
      name,
    );
  }
  const clinicFields = fieldPaths(collection(config, "settings").files!.find((file) => file.name === "clinic")!.fields);
  t.deepEqual(
    [...new Set(schemaPaths(clinicSchema))].filter((path) => !clinicFields.includes(path)),
    [],
  );
  t.deepEqual(
    collections(config).map((entry) => entry.folder ?? entry.files!.map((file) => file.file).join(" ")),
    [
      "content/procedures",
      "content/pages",
      "content/es/procedures",
      "content/es/pages",
      "content/_data/clinic.yaml content/_data/strings/en.yaml content/_data/strings/es.yaml",
    ],
  );
});

test("each collection's preview path is where the site has its pages: a page at /<slug>/, a translation under its language", async (t) => {
  const config = cmsConfig({ clinic: await shippedClinic(), siteUrl: "https://veins.example.com" });
  const previewPaths = Object.fromEntries(
    collections(config).flatMap((one) => (one.folder ? [[one.name, (one as { preview_path?: string }).preview_path]] : [])),
  );
  t.deepEqual(previewPaths, {
    procedures: "procedures/{{slug}}/",
    "procedures-es": "es/procedures/{{slug}}/",
    pages: "{{slug}}/",
    "pages-es": "es/{{slug}}/",
  });
});

test("a field added to the schema appears in the editor, with its widget, without editing any editor file", async (t) => {
  const clinic = await shippedClinic();
  const extended = procedureSchema.extend({
    kind: z.enum(["treatment", "test", "care"]),
    sources: z
      .array(
        z.strictObject({
          title: text(3, 200),
          url: z.url(),
          accessed: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
      )
      .optional(),
  });
  const fields = collection(cmsConfig({ clinic, siteUrl: "https://x.example", schemas: { procedure: extended } }), "procedures").fields!;
  const kind = fields.find((field) => field.name === "kind")!;
  t.like(kind, { widget: "select", required: true, options: ["treatment", "test", "care"] });
  const sources = fields.find((field) => field.name === "sources")!;
  t.like(sources, { widget: "list", required: false });
  t.deepEqual(
    sources.fields!.map((field) => [field.name, field.widget, field.required]),
    [
      ["title", "string", true],
      ["url", "string", true],
      ["accessed", "datetime", false],
    ],
  );
});

test("required fields are required, optional ones not, length limits are hints, dates are dates and categories a select from clinic.yaml", async (t) => {
  const clinic = await shippedClinic();
  const config = cmsConfig({ clinic, siteUrl: "https://veins.example.com" });
  const english = collection(config, "procedures").fields!;
  const field = (name: string, fields = english) => fields.find((candidate) => candidate.name === name)!;
  t.like(field("title"), { widget: "string", required: true, hint: "3 to 80 characters" });
  t.like(field("summary"), { widget: "text", required: true, hint: "20 to 220 characters" });
  t.like(field("lastReviewed"), { widget: "datetime", required: true, format: "YYYY-MM-DD", time_format: false });
  t.like(field("lang"), { widget: "select", required: false });
  t.like(field("faq"), { widget: "list", required: false });
  t.deepEqual(
    field("faq").fields!.map((entry) => entry.name),
    ["question", "answer"],
  );
  t.like(field("category"), { widget: "select", options: ["Spider and small veins", "Larger varicose veins", "Diagnosis and ongoing care"] });
  t.like(field("category", collection(config, "procedures-es").fields!), {
    options: ["Arañas vasculares y venas pequeñas", "Várices más grandes", "Diagnóstico y cuidado continuo"],
  });
  t.like(field("body"), { widget: "markdown" });
  // Labels a writer reads as words, not the field names "Lang", "Image", "Src", "Alt".
  t.like(field("lang"), { label: "Language" });
  t.like(field("image"), { label: "Cover picture" });
  t.deepEqual(
    field("image").fields!.map((entry) => entry.label),
    ["Picture file", "Alt text (what the picture shows)"],
  );
});

test("the published configuration saves to the clinic's Git host with a review step; the dev one to the local backend", async (t) => {
  const clinic = {
    ...(await shippedClinic()),
    editor: {
      backend: "github" as const,
      repo: "maple/clinic",
      branch: "main",
      contentFolder: "site/content",
      review: true,
      authUrl: "https://auth.example.com",
    },
  };
  const published = YAML.parse(cmsConfigYaml({ clinic, siteUrl: clinic.siteUrl })) as Record<string, unknown>;
  t.deepEqual(published.backend, { name: "github", repo: "maple/clinic", branch: "main", base_url: "https://auth.example.com" });
  t.is(published.publish_mode, "editorial_workflow");
  t.is(collection(published, "procedures-es").folder, "site/content/es/procedures");
  const local = cmsConfig({ clinic, siteUrl: "http://localhost:8080", localBackend: "/__pamphlet/cms" });
  t.like(local.backend, { name: "proxy", proxy_url: "/__pamphlet/cms" });
  t.is(local.publish_mode, undefined);
  t.is(collection(local, "procedures").folder, "procedures");
});
