import { proseLines } from "../content/codeFences.ts";
import { wholeWords } from "./wholeWords.ts";
import { bodyProblem, documentsOf, fieldProblem, type Check, type DocumentSource, type Problem } from "./types.ts";

/**
 * Absolute or risky marketing claims a patient guide must not make (../shared/CONTENT.md), per
 * language; clinic.yaml's `bannedClaims` adds to them. Matched as whole words, any case.
 */
export const defaultBannedClaims: Record<string, string[]> = {
  en: [
    "risk-free", "risk free", "no risk", "zero risk", "guaranteed", "guarantee", "painless", "pain-free",
    "100%", "100 percent", "entirely safe", "completely safe", "totally safe", "perfectly safe", "100% safe",
    "permanent cure", "cured forever", "miracle", "no side effects", "instant results",
  ],
  es: [
    "sin riesgo", "sin riesgos", "riesgo cero", "garantizado", "garantizada", "garantizados", "garantía", "indoloro", "indolora",
    "sin dolor", "100 %", "100%", "totalmente seguro", "totalmente segura", "completamente seguro", "completamente segura",
    "cura permanente", "cura definitiva", "milagro", "milagroso", "sin efectos secundarios", "resultados inmediatos",
  ],
};

export const checkClaims: Check = ({ content }) =>
  documentsOf(content).flatMap((procedure: DocumentSource & { faq?: Array<{ question: string; answer: string }> }) => {
    const claims = [...(defaultBannedClaims[procedure.lang] ?? []), ...(content.clinic.bannedClaims?.[procedure.lang] ?? [])];
    if (claims.length === 0) return [];
    const pattern = wholeWords(claims);
    const problems: Problem[] = [];
    const report = (found: string) =>
      `"${found}" is an absolute or risky claim: say what is likely and how often instead (e.g. "most people", "rarely")`;
    for (const field of ["title", "summary", "downtime", "resultsTimeline", "candidates"]) {
      const value = (procedure as unknown as Record<string, unknown>)[field];
      if (typeof value !== "string") continue;
      for (const match of value.matchAll(pattern)) problems.push(fieldProblem(procedure, field, "error", "claims", `${field}: ${report(match[0])}`));
    }
    (procedure.faq ?? []).forEach((entry, index) => {
      for (const match of `${entry.question} ${entry.answer}`.matchAll(pattern)) {
        problems.push(fieldProblem(procedure, "faq", "error", "claims", `faq entry ${index + 1}: ${report(match[0])}`));
      }
    });
    proseLines(procedure.body).forEach((line, index) => {
      for (const match of line.matchAll(pattern)) problems.push(bodyProblem(procedure, index + 1, "error", "claims", report(match[0]), match.index + 1));
    });
    return problems;
  });
