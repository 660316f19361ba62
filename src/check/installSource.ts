import { readFileSync } from "node:fs";
import path from "node:path";
import { installedFromOutside } from "../shared/installedFromOutside.ts";
import { clinicFolderOf } from "../shared/clinicFolder.ts";
import { displayPath } from "../shared/displayPath.ts";
import type { Check } from "./types.ts";

/**
 * The clinic's package.json installing Pamphlet from outside its folder: init says so once, but an
 * upgrade (`npm install ../pamphlet-0.2.0.tgz`) writes it again, and the publish workflow's `npm ci`
 * then fails on a fresh machine. Said by check, which the workflow runs first, on the dependency's line.
 */
export const checkInstallSource: Check = ({ contentDir }) => {
  const file = path.join(clinicFolderOf(contentDir), "package.json");
  let text: string;
  let spec: unknown;
  try {
    text = readFileSync(file, "utf8");
    spec = (JSON.parse(text) as { dependencies?: Record<string, unknown> }).dependencies?.pamphlet;
  } catch {
    return []; // none, or not JSON: npm says so itself
  }
  const advice = typeof spec === "string" ? installedFromOutside(spec) : undefined;
  if (!advice) return [];
  const line = text.split("\n").findIndex((entry) => /"pamphlet"\s*:/.test(entry)) + 1 || 1;
  return [{ file: displayPath(file), line, column: 1, severity: "warning", rule: "install", message: advice }];
};
