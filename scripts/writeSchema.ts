// `npm run schema`: writes schema/clinic.schema.json and docs/clinic-yaml.md from the zod schema.
// A test fails when either is out of date, so run this after changing clinicSchema.ts.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { clinicJsonSchema } from "../src/content/clinicJsonSchema.ts";
import { clinicReference } from "../src/content/clinicReference.ts";
import { projectRoot } from "../src/shared/installPaths.ts";

for (const [file, text] of [
  ["schema/clinic.schema.json", `${JSON.stringify(clinicJsonSchema(), null, 2)}\n`],
  ["docs/clinic-yaml.md", clinicReference()],
] as const) {
  await mkdir(path.join(projectRoot, path.dirname(file)), { recursive: true });
  await writeFile(path.join(projectRoot, file), text);
  console.log(`Wrote ${file}`);
}
