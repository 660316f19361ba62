import type { Content, ProcedureSource } from "../content/load.ts";

export interface ProcedureGroup {
  category: string;
  procedures: ProcedureSource[];
}

/** Procedures grouped for the home page: in clinic.yaml's category order when given, else alphabetically. */
export function groupByCategory({ clinic, procedures }: Content): ProcedureGroup[] {
  const names = clinic.categories ?? [...new Set(procedures.map((procedure) => procedure.category))].sort();
  return names
    .map((category) => ({ category, procedures: procedures.filter((procedure) => procedure.category === category) }))
    .filter((group) => group.procedures.length > 0);
}
