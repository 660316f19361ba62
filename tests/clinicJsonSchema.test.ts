import { readFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { Ajv2020 } from "ajv/dist/2020.js";
import YAML from "yaml";
import type { z } from "zod";
import { clinicJsonSchema } from "../src/content/clinicJsonSchema.ts";
import { clinicReference } from "../src/content/clinicReference.ts";
import { clinicSchema } from "../src/content/clinicSchema.ts";
import { repoRoot } from "./helpers/fixtures.ts";

const shippedClinic = async () => YAML.parse(await readFile(path.join(repoRoot, "content", "_data", "clinic.yaml"), "utf8")) as Record<string, unknown>;
const validator = () => new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(clinicJsonSchema());

test("the JSON Schema accepts the sample clinic.yaml and rejects a misspelt key, as a JSON Schema validator reads it", async (t) => {
  const validate = validator();
  const clinic = await shippedClinic();
  t.true(validate(clinic), JSON.stringify(validate.errors));
  const { phone, ...rest } = clinic;
  t.false(validate({ ...rest, phnoe: phone }));
  t.true(
    validate.errors!.some(
      (error) => error.keyword === "additionalProperties" && (error.params as { additionalProperty: string }).additionalProperty === "phnoe",
    ),
  );
  t.false(validate({ ...clinic, paper: "legal" }), "a paper Pamphlet does not print on");
});

test("schema/clinic.schema.json and docs/clinic-yaml.md are what npm run schema makes from the zod schema today", async (t) => {
  t.is(await readFile(path.join(repoRoot, "schema", "clinic.schema.json"), "utf8"), `${JSON.stringify(clinicJsonSchema(), null, 2)}\n`, "run npm run schema");
  t.is(await readFile(path.join(repoRoot, "docs", "clinic-yaml.md"), "utf8"), clinicReference(), "run npm run schema");
});

/** Every field of a zod schema, with its path (`locations[].address.city`), read from zod itself. */
function zodFields(schema: z.ZodType, at = ""): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
        const name = at ? `${at}.${key}` : key;
        return [name, ...zodFields(field, name)];
      });
    case "optional":
    case "default":
    case "nullable":
      return zodFields(def.innerType as z.ZodType, at);
    case "pipe":
      return zodFields(def.in as z.ZodType, at);
    case "array":
      return zodFields(def.element as z.ZodType, `${at}[]`);
    case "union": {
      const options = (def.options as z.ZodType[]).map((option) => zodFields(option, at));
      // Text per language ({ en, es }) is one field.
      return options.flat().filter((field) => !/\.(en|es)$/.test(field) || !options.some((fields) => fields.length === 0));
    }
    default:
      return [];
  }
}

test("the reference page lists every field of the zod schema, each with what it is for", (t) => {
  const reference = clinicReference();
  const fields = zodFields(clinicSchema);
  t.true(fields.length > 30);
  for (const field of fields)
    t.regex(
      reference,
      new RegExp(`\\| \`${field.replace(/[.[\]]/g, "\\$&")}\` \\|[^\\n]*\\| [A-Z][^|\\n]{8,} \\|`),
      `${field} is listed with a note (src/content/clinicFieldNotes.ts)`,
    );
});
