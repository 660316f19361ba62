import { rm } from "node:fs/promises";
import { readJsonRecord } from "../shared/readJson.ts";
import { writeFileAtomic } from "../shared/writeAtomic.ts";

/**
 * The keys of the site's print views (see PrintViewReuse), recorded beside it by `pamphlet build` so
 * that its next run renders only the views whose sources changed: a guide edited, not every guide.
 */
const recordFile = (siteDir: string) => `${siteDir}.print-views.json`;

/** The recorded keys by URL; none when there is no record, or it is unreadable (then every view is rendered). */
export async function recordedPrintViews(siteDir: string): Promise<Map<string, string>> {
  const { keys } = (await readJsonRecord<{ keys: Record<string, unknown> }>(recordFile(siteDir))) ?? {};
  const entries = keys && typeof keys === "object" ? Object.entries(keys) : [];
  return new Map(entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export const recordPrintViews = (siteDir: string, keys: ReadonlyMap<string, string>) =>
  writeFileAtomic(recordFile(siteDir), JSON.stringify({ keys: Object.fromEntries(keys) }));

/** Removed before a build replaces the site: a build stopped after the swap must not leave the old site's keys. */
export const forgetPrintViews = (siteDir: string) => rm(recordFile(siteDir), { force: true });
