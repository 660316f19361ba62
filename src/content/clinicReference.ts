import { clinicJsonSchema, fieldsOf, isPerLanguage } from "./clinicJsonSchema.ts";

type JsonSchema = ReturnType<typeof clinicJsonSchema>;

/** docs/clinic-yaml.md: every clinic.yaml field, from the same schema as the JSON Schema, so neither drifts. */
export function clinicReference(): string {
  const schema = clinicJsonSchema();
  const rows = [...fieldsOf(schema)].map(
    ([field, property]) =>
      `| \`${field}\` | ${kind(property)} | ${required(schema, field) ? "yes" : ""} | ${(property.description ?? "").replace(/\|/g, "\\|")} |`,
  );
  return [
    "# clinic.yaml reference",
    "",
    "<!-- Made by `npm run schema` from src/content/clinicSchema.ts and clinicFieldNotes.ts: edit those, not this page. -->",
    "",
    "`content/_data/clinic.yaml` holds everything about the clinic that a page or brochure shows. Pamphlet checks it on every",
    "build; `schema/clinic.schema.json` (the same rules as JSON Schema) lets an editor complete and underline it. Text shown to",
    'patients can be one value for every language, or one per language: `{ en: Monday, es: Lunes }` ("text per language").',
    "",
    "| field | kind | required | what it is |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function kind(property: JsonSchema): string {
  const options = property.anyOf ?? [property];
  if (options.some((option) => isPerLanguage(option))) return "text per language";
  const names = options.map((option) => {
    if (Array.isArray(option.enum)) return `one of ${option.enum.map((value) => `\`${value}\``).join(", ")}`;
    if (option.type === "array") return `list${option.items?.enum ? ` of ${(option.items.enum as string[]).map((value) => `\`${value}\``).join(", ")}` : ""}`;
    if (option.type === "object") return "group";
    const limits = option.minLength !== undefined ? ` (${option.minLength}–${option.maxLength} characters)` : "";
    return `${option.type ?? "any"}${limits}`;
  });
  return [...new Set(names)].join(" or ");
}

function required(schema: JsonSchema, field: string): boolean {
  const parts = field.split(".");
  let parent: JsonSchema | undefined = schema;
  for (const part of parts.slice(0, -1)) {
    const property: JsonSchema | undefined = parent?.properties?.[part.replace(/\[\]$/, "")];
    parent = part.endsWith("[]") ? property?.items : property;
  }
  return ((parent?.required as string[] | undefined) ?? []).includes(parts.at(-1)!.replace(/\[\]$/, ""));
}
