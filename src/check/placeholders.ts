import { readFileSync } from "node:fs";
import { proseLines } from "../content/codeFences.ts";
import { frontMatterTexts } from "../content/frontMatterLines.ts";
import { clinicFile } from "../content/load.ts";
import { findSamplePhone } from "../content/samplePhones.ts";
import { displayPath } from "../shared/displayPath.ts";
import { bodyProblem, documentsOf, fieldProblem, type Check, type Problem } from "./types.ts";

/**
 * Sample values a clinic must replace before patients see them: the shipped content's fictional
 * details. A warning while writing; an error once clinic.yaml says `release: true`.
 */
const placeholders: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /\([^)]*\b(?:sample|example|placeholder|ejemplo|muestra)\b[^)]*\)/i, what: "a sample marker" },
  { pattern: /\b(?:Sample|Example) (?:Street|Avenue|Road|Boulevard)\b/, what: "a sample street" },
  { pattern: /(?<!\d[ .-]?)(?:\(?\b555\)?[ .-]?01\d[ .-]?\d{4}|\b555[ .-]01\d{2})\b/, what: "a 555 sample phone number" },
  { pattern: /\b[\w.-]*example\.(?:com|org|net)\b/i, what: "an example.com address" },
  { pattern: /\blorem ipsum\b/i, what: "filler text" },
];

const found = (text: string) => {
  const matches = placeholders.flatMap(({ pattern, what }) => {
    const match = pattern.exec(text);
    return match ? [{ text: match[0], what, column: match.index + 1 }] : [];
  });
  const sample = matches.some(({ what }) => what.includes("phone")) ? undefined : findSamplePhone(text);
  return sample ? [...matches, { text: sample.text, what: "the sample phone number pamphlet init writes", column: sample.index + 1 }] : matches;
};

export const checkPlaceholders: Check = ({ content, contentDir }) => {
  const severity = content.clinic.release ? "error" : "warning";
  const advice = content.clinic.release
    ? "replace it: clinic.yaml says release: true"
    : "replace it before publishing (with release: true in clinic.yaml this is an error)";
  const problems: Problem[] = [];
  let clinicText = "";
  try {
    clinicText = readFileSync(clinicFile(contentDir), "utf8");
  } catch {
    // The loader already said clinic.yaml is missing.
  }
  clinicText.split("\n").forEach((line, index) => {
    if (/^\s*#/.test(line)) return;
    for (const placeholder of found(line)) {
      problems.push({
        file: displayPath(clinicFile(contentDir)),
        line: index + 1,
        column: placeholder.column,
        severity,
        rule: "placeholders",
        message: `"${placeholder.text}" is ${placeholder.what}: ${advice}`,
      });
    }
  });
  for (const document of documentsOf(content)) {
    for (const { field, text } of frontMatterTexts(document as unknown as Record<string, unknown>)) {
      for (const placeholder of found(text))
        problems.push(fieldProblem(document, field, severity, "placeholders", `${field}: "${placeholder.text}" is ${placeholder.what}: ${advice}`));
    }
    proseLines(document.body).forEach((line, index) => {
      for (const placeholder of found(line))
        problems.push(
          bodyProblem(document, index + 1, severity, "placeholders", `"${placeholder.text}" is ${placeholder.what}: ${advice}`, placeholder.column),
        );
    });
  }
  return problems;
};

/** For `build` and `dev`: placeholders stop a release build, and say nothing before (check reports them). */
export const releasePlaceholders: Check = (context) => (context.content.clinic.release ? checkPlaceholders(context) : []);
