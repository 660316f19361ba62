import { z } from "zod";
import { clinicFieldNotes } from "./clinicFieldNotes.ts";
import { clinicSchema } from "./clinicSchema.ts";

type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [key: string]: unknown;
};

/**
 * clinic.yaml's JSON Schema, made from the zod schema Pamphlet validates with (so they cannot
 * disagree), with each field's note as its description. Editors use it to complete and underline.
 */
export function clinicJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(clinicSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  describe(schema, "");
  return { ...schema, title: "Pamphlet clinic.yaml", description: "Everything about the clinic that a page or brochure shows." };
}

/** Each object property, with its path (`locations[].address.city`), depth first. */
export function* fieldsOf(schema: JsonSchema, at = ""): Generator<[string, JsonSchema]> {
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const field = at ? `${at}.${key}` : key;
    yield [field, property];
    yield* fieldsOf(property, field);
  }
  if (schema.items) yield* fieldsOf(schema.items, `${at}[]`);
  // Text per language ({ en, es }) is one field, not two.
  for (const option of schema.anyOf ?? []) if (option.type !== "object" || !isPerLanguage(option)) yield* fieldsOf(option, at);
}

export const isPerLanguage = (schema: JsonSchema) => Object.keys(schema.properties ?? {}).join() === "en,es" && schema.properties!.en!.type === "string";

function describe(schema: JsonSchema, at: string) {
  for (const [field, property] of fieldsOf(schema, at)) {
    const note = clinicFieldNotes[field];
    if (note) property.description = note;
  }
}
