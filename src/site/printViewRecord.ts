/**
 * The keys of the site's reusable pages (print views, procedure pages, share cards: see PrintViewReuse), recorded beside it by `pamphlet build` so
 * that its next run renders only the views whose sources changed: a guide edited, not every guide.
 */
import { rm } from "node:fs/promises";
import { readJsonRecord } from "../shared/readJson.ts";
import { writeFileAtomic } from "../shared/writeAtomic.ts";
import { siteIsCurrent } from "./siteFingerprint.ts";

const recordFile = (siteDir: string) => `${siteDir}.print-views.json`;

/**
 * The recorded keys by URL. None when there is no record, it is unreadable, or it speaks of another
 * site than the one in place: any other build of it since (an older Pamphlet, a folder restored) has
 * its own fingerprint, and its pages are not this record's. Then every view is rendered.
 */
export async function recordedPrintViews(siteDir: string): Promise<Map<string, string>> {
  const { site, keys } = (await readJsonRecord<{ site: string; keys: Record<string, unknown> }>(recordFile(siteDir))) ?? {};
  if (typeof site !== "string" || !keys || typeof keys !== "object" || !(await siteIsCurrent(siteDir, site))) return new Map();
  return new Map(Object.entries(keys).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Records the keys of the site just built, whose fingerprint is `site`. */
export const recordPrintViews = (siteDir: string, site: string, keys: ReadonlyMap<string, string>) =>
  writeFileAtomic(recordFile(siteDir), JSON.stringify({ site, keys: Object.fromEntries(keys) }));

/** Removed before a build replaces the site: a build stopped after the swap must not leave the old site's keys. */
export const forgetPrintViews = (siteDir: string) => rm(recordFile(siteDir), { force: true });
