import { readJsonRecord } from "../shared/readJson.ts";
import { createHash } from "node:crypto";
import { lstat, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../shared/problem.ts";
import { filesUnder } from "../shared/filesUnder.ts";
import { brochuresDirOf, shareDirOf, siteDirOf, type BrochureChoice, type Folders } from "./options.ts";

/**
 * What the last successful `build` read and left behind. When every input is as it was (the
 * sources fingerprint, the options, Chromium) and every output file is still there untouched, the
 * build has nothing to do: it says so without loading the content, Eleventy or Chromium. Writers
 * rebuild dozens of times a day. Once clinic.yaml says `release: true`, the build's own checks depend on
 * the date too (an overdue review stops it), so the stamp holds only on the day it was written.
 */
export interface BuildStamp {
  key: string;
  /** The day (UTC, YYYY-MM-DD) the build's checks ran, when their outcome depends on it (`release: true`). */
  checkedOn?: string;
  outputs: string;
  /**
   * Where the content and the output were (absolute): a project moved elsewhere is built the long way
   * once (printing nothing that is unchanged), so what names them (the reminder, the site's record of
   * its content) names the new place.
   */
  places: Places;
  /** The warnings the build printed, printed again. */
  problems: Problem[];
  /** The line saying what only `check` reports (claims, safety…), printed again too. */
  reminder?: string;
  /** The files the build made or kept, reported again as unchanged. */
  files: string[];
}

const stampFile = (folders: Folders) => path.join(folders.outDir, ".build-stamp.json");

export function buildKey(sourcesFingerprint: string, folders: Folders, choice: BrochureChoice, browser: string): string {
  const { force: _ignored, ...options } = choice;
  return createHash("sha256")
    .update(JSON.stringify({ sourcesFingerprint, basePath: folders.basePath, options, browser }))
    .digest("hex");
}

interface Places {
  contentDir: string;
  outDir: string;
}

const placesOf = (folders: Folders): Places => ({ contentDir: path.resolve(folders.contentDir), outDir: path.resolve(folders.outDir) });

/** The day a date-dependent check runs on, as a stamp records it. */
export const checkDay = (today = new Date()) => today.toISOString().slice(0, 10);

/** The stamp, if the last build's inputs and outputs are exactly as it left them, where it left them (and, if it says so, today). */
export async function currentStamp(folders: Folders, key: string): Promise<BuildStamp | undefined> {
  const stamp = (await readJsonRecord<BuildStamp>(stampFile(folders))) as BuildStamp | undefined;
  if (stamp?.key !== key || JSON.stringify(stamp.places) !== JSON.stringify(placesOf(folders))) return undefined;
  if (stamp.checkedOn !== undefined && stamp.checkedOn !== checkDay()) return undefined;
  return stamp.outputs === (await outputsListing(folders)) ? stamp : undefined;
}

export async function writeStamp(folders: Folders, stamp: Omit<BuildStamp, "outputs" | "places">): Promise<void> {
  await writeFile(stampFile(folders), JSON.stringify({ ...stamp, places: placesOf(folders), outputs: await outputsListing(folders) }));
}

/** Removed before a build starts, so an interrupted or failed build is never taken as current. */
export const removeStamp = (folders: Folders) => rm(stampFile(folders), { force: true });

/** A hash of every output file's path (from the output folder: where it is, `places` says), size and modification time. */
async function outputsListing(folders: Folders): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of [siteDirOf(folders), brochuresDirOf(folders), shareDirOf(folders)]) {
    const files = await filesUnder(dir);
    const stats = await Promise.all(files.map((file) => stat(file).catch(() => lstat(file))));
    files.forEach((file, i) => hash.update(`${path.relative(folders.outDir, file)}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}\n`));
  }
  return hash.digest("hex");
}
