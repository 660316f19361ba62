import { localize, type Clinic } from "../content/clinicSchema.ts";
import type { Content, ProcedureSource } from "../content/load.ts";

export interface ProcedureGroup<T extends { procedure: ProcedureSource }> {
  category: string;
  items: T[];
}

/**
 * A procedure's category as a reader of `lang` sees it: an untranslated procedure listed on the
 * Spanish site still sits under the Spanish name of its category, when clinic.yaml gives one.
 */
function categoryIn(procedure: ProcedureSource, lang: string, clinic: Clinic): string {
  if (procedure.lang === lang) return procedure.category;
  const entry = clinic.categories?.find((category) => localize(category, procedure.lang, clinic.defaultLanguage) === procedure.category);
  return entry ? localize(entry, lang, clinic.defaultLanguage) : procedure.category;
}

/** A listing grouped by category: in clinic.yaml's category order when given, else alphabetically. */
export function groupByCategory<T extends { procedure: ProcedureSource }>({ clinic }: Content, items: T[], lang: string): ProcedureGroup<T>[] {
  const listed = (clinic.categories ?? []).map((category) => localize(category, lang, clinic.defaultLanguage));
  const categoryOf = (item: T) => categoryIn(item.procedure, lang, clinic);
  const names = [...new Set([...listed, ...[...new Set(items.map(categoryOf))].sort()])];
  return names.map((category) => ({ category, items: items.filter((item) => categoryOf(item) === category) })).filter((group) => group.items.length > 0);
}
