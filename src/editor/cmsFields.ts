import { z } from "zod";

/** One field of a Decap CMS collection (https://decapcms.org/docs/widgets/), as its config.yml writes it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: string[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  [option: string]: unknown;
}

/** The part of a JSON Schema (as `z.toJSONSchema` writes it) that decides a widget. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
}

const datePattern = "^\\d{4}-\\d{2}-\\d{2}$";
const colourPattern = "^#[0-9a-fA-F]{6}$";

/**
 * The CMS fields of a zod object schema, one per field, in the schema's order: a new field in the
 * schema is a new field in the editor without touching any editor file. Read from the schema's
 * JSON Schema (the form writers fill is its input: defaults make a field optional).
 */
export function cmsFields(schema: z.ZodType): CmsField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return objectFields(json);
}

/**
 * `value` (a file the form edits, parsed) with each text the schema lets be written once for every
 * language (a plain string, as `init` writes clinic.yaml) given in the per-language shape the form's
 * widget reads, `{ <lang>: text }`: Decap fails on a plain string there ("e.get is not a function").
 * The same text: a language left out falls back to `lang`, the clinic's default, as a plain string does.
 */
export function inFormShapes(schema: z.ZodType, value: unknown, lang: string): unknown {
  return inFormShape(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema, value, lang);
}

function inFormShape(json: JsonSchema, value: unknown, lang: string): unknown {
  // As cmsField reads the schema: one text per language, an alternative, a list, an object.
  if (json.anyOf?.some((option) => option.type === "object")) return typeof value === "string" ? { [lang]: value } : value;
  if (json.anyOf) return inFormShape(json.anyOf[0]!, value, lang);
  if (json.type === "array" && Array.isArray(value)) return value.map((item) => inFormShape(json.items ?? {}, item, lang));
  if (json.type === "object" && json.properties && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const properties = json.properties;
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, properties[key] ? inFormShape(properties[key], field, lang) : field]));
  }
  return value;
}

/** The fields of an object; those of an optional object are all optional (Decap would ask for them even when it is left out). */
function objectFields(json: JsonSchema, optional = false): CmsField[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => cmsField(name, property, !optional && required.has(name)));
}

function cmsField(name: string, json: JsonSchema, required: boolean): CmsField {
  const base = { name, label: labelOf(name), required, ...(json.default !== undefined ? { default: json.default } : {}) };
  const hint = lengthHint(json);
  // Text once for every language, or one per language (clinic.yaml): the editor asks per language.
  const perLanguage = json.anyOf?.find((option) => option.type === "object");
  if (perLanguage) {
    const text = json.anyOf?.find((option) => option.type === "string") ?? {};
    const languages = Object.keys(perLanguage.properties ?? {});
    return {
      ...base,
      widget: "object",
      hint: "One text per language",
      fields: languages.map((lang) => cmsField(lang, text, required && lang === languages[0])),
    };
  }
  if (json.anyOf) return cmsField(name, json.anyOf[0]!, required);
  if (json.enum) return { ...base, widget: "select", options: json.enum.map(String) };
  switch (json.type) {
    case "string":
      if (json.pattern === datePattern)
        return {
          ...base,
          widget: "datetime",
          date_format: "YYYY-MM-DD",
          time_format: false,
          format: "YYYY-MM-DD",
          picker_utc: true,
          hint: "A date, YYYY-MM-DD",
        };
      if (json.pattern === colourPattern) return { ...base, widget: "color" };
      return { ...base, widget: (json.maxLength ?? 0) > 200 ? "text" : "string", ...(hint ? { hint } : {}) };
    case "number":
    case "integer":
      return {
        ...base,
        widget: "number",
        value_type: json.type === "integer" ? "int" : "float",
        ...(json.minimum !== undefined ? { min: json.minimum } : {}),
        ...(json.maximum !== undefined ? { max: json.maximum } : {}),
      };
    case "boolean":
      return { ...base, widget: "boolean" };
    case "array": {
      const items = json.items ?? {};
      const atLeast = json.minItems ? { hint: `At least ${json.minItems}`, min: json.minItems } : {};
      if (items.enum) return { ...base, widget: "select", multiple: true, options: items.enum.map(String), ...atLeast };
      if (items.type === "object" && items.properties) return { ...base, widget: "list", fields: objectFields(items), ...atLeast };
      const item = cmsField(singular(name), items, true);
      // A list of objects (text per language) lists their fields: Decap's single-field list would nest them once more.
      if (item.widget === "object" && item.fields) return { ...base, widget: "list", fields: item.fields, ...atLeast };
      return { ...base, widget: "list", field: item, ...atLeast };
    }
    case "object":
      if (json.properties) return { ...base, widget: "object", fields: objectFields(json, !required) };
      // A free-form map (no named fields): written as YAML text.
      return { ...base, widget: "code", default_language: "yaml", output_code_only: true };
    default:
      return { ...base, widget: "string" };
  }
}

/** Field names a writer would not read as words (found by the editor QA: "Lang", "Src", "Alt"). */
const plainLabels: Record<string, string> = { lang: "Language", src: "Picture file", alt: "Alt text (what the picture shows)", image: "Cover picture" };

/** `resultsTimeline` → "Results timeline", `siteUrl` → "Site URL". */
export const labelOf = (name: string) =>
  plainLabels[name] ??
  name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\burl\b/g, "URL")
    .replace(/^faq$/, "FAQ")
    .replace(/^\w/, (first) => first.toUpperCase());

function lengthHint(json: JsonSchema): string | undefined {
  const { minLength: min, maxLength: max } = json;
  if (min !== undefined && max !== undefined) return `${min} to ${max} characters`;
  if (max !== undefined) return `At most ${max} characters`;
  return min !== undefined && min > 1 ? `At least ${min} characters` : undefined;
}

const singular = (name: string) => name.replace(/ies$/, "y").replace(/s$/, "") || "item";
