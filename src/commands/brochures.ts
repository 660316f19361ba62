import type { Browser } from "puppeteer-core";
import { commandLine } from "../cli/commandLine.ts";
import { existsSync } from "node:fs";
import path from "node:path";
import { PamphletError, UsageError } from "../shared/errors.ts";
import { loadForBuild } from "../check/runChecks.ts";
import type { Content } from "../content/load.ts";
import { publishOutputs } from "../publish/publishOutputs.ts";
import { publishPrinted } from "../publish/publishPrinted.ts";
import { readJsonRecord } from "../shared/readJson.ts";
import { viewsManifestUrl } from "../shared/routes.ts";
import type { ViewsManifest } from "../shared/viewsManifest.ts";
import { printSite } from "../brochures/printSite.ts";
import { brochuresDirOf, formatsFor, printShopDirOf, shareDirOf, siteDirOf, type BrochureChoice, type Folders } from "./options.ts";
import { basePathOf, publishedUnder } from "../shared/routes.ts";
import { builtWith } from "../site/siteFingerprint.ts";
import { withBuiltContent } from "./builtContent.ts";
import { brochureRunStatus } from "./exitStatus.ts";
import { brochureProgress } from "../cli/progress.ts";
import { reportBrochureSummary, reportProblems } from "../cli/report.ts";
import { refuseOverlappingFolders, refuseSomeoneElsesFolder } from "./separateFolders.ts";
import { withOutputLock } from "../shared/outputLock.ts";

/** `pamphlet brochures [slug…]`: print brochures from an already built site. */
export async function runBrochures(given: Folders, slugs: string[], choice: BrochureChoice = {}): Promise<number> {
  const folders = await withBuiltContent(given);
  refuseOverlappingFolders(folders);
  refuseSomeoneElsesFolder(folders.outDir);
  return withOutputLock(folders.outDir, () => printBuilt(folders, slugs, choice));
}

async function printBuilt(folders: Folders, slugs: string[], choice: BrochureChoice): Promise<number> {
  const loaded = await loadForBuild(folders.contentDir);
  if (!reportProblems(loaded.problems) || !loaded.content) return 1;
  const { content } = publishedUnder(loaded.content, await basePathBuiltWith(folders, loaded.content.clinic.siteUrl));
  if (!existsSync(path.join(siteDirOf(folders), "print"))) {
    throw new PamphletError(`There is no built site in ${siteDirOf(folders)}: run \`${commandLine("build", folders)}\` first.`);
  }
  // What can be printed is what the built site has print views of (its views manifest), not the content as it is now.
  const known = (await readJsonRecord<ViewsManifest>(path.join(siteDirOf(folders), viewsManifestUrl)))?.slugs ?? [];
  const unknown = slugs.filter((slug) => !known.includes(slug));
  if (unknown.length > 0) throw new UsageError(`No procedure called ${unknown.join(", ")} in the built site. Known procedures: ${known.join(", ")}`);
  return brochureRunStatus(await printBrochures(content, folders, choice, slugs.length > 0 ? slugs : undefined));
}

/** Prints, reports and publishes brochures; returns whether every one was made, and their names. */
export async function printBrochures(
  content: Content,
  folders: Folders,
  choice: BrochureChoice,
  slugs?: string[],
  {
    shareImages = false,
    siteFingerprint,
    printCentreMadeFrom,
    prune = false,
    browser,
  }: { shareImages?: boolean; siteFingerprint?: string; printCentreMadeFrom?: string; prune?: boolean; browser?: Promise<Browser> } = {},
): Promise<{ ok: boolean; onlyDoNotFit: boolean; files: string[] }> {
  const started = performance.now();
  const brochuresDir = choice.bleed ? printShopDirOf(folders) : brochuresDirOf(folders);
  const { results, views } = await printSite({
    siteDir: siteDirOf(folders),
    brochuresDir,
    slugs,
    formats: formatsFor(choice, content.clinic),
    bleed: choice.bleed,
    shard: choice.shard,
    force: choice.force,
    siteFingerprint,
    shareDir: shareImages ? shareDirOf(folders) : undefined,
    basePath: basePathOf(content.clinic.siteUrl),
    onBrochure: brochureProgress().update,
    pool: { browser },
  }).catch(async (error: unknown) => {
    // Printing failed as a whole (a full disk, a manifest that cannot be saved): what was made is
    // published all the same, since the site's pages link to it.
    if (!choice.bleed)
      await publishOutputs(
        folders.outDir,
        siteDirOf(folders),
        content.procedures.map((procedure) => procedure.slug),
      ).catch(() => undefined);
    throw error;
  });
  const failed = results.filter((result) => !result.ok);
  const onlyDoNotFit = failed.length > 0 && failed.every((result) => result.doesNotFit);
  if (choice.bleed) {
    const ok = reportBrochureSummary(results, (performance.now() - started) / 1000);
    console.log(`For the print shop, in ${brochuresDir} (not published on the site).`);
    return { ok, onlyDoNotFit, files: results.map((result) => result.name) };
  }
  // A whole build publishes exactly what it printed (or kept); a re-print of some procedures or one
  // shard leaves the rest alone.
  await publishPrinted({
    content,
    contentDir: folders.contentDir,
    outDir: folders.outDir,
    siteDir: siteDirOf(folders),
    brochuresDir: brochuresDirOf(folders),
    basePath: basePathOf(content.clinic.siteUrl),
    results,
    slugs: views.slugs,
    prune: prune && !choice.shard,
    printCentreMadeFrom,
  });
  const ok = reportBrochureSummary(results, (performance.now() - started) / 1000);
  if (onlyDoNotFit)
    console.error(
      `The site and every other brochure are published; shorten the text named above, or leave the format out of the guide's \`formats:\` (exit status 3).`,
    );
  return { ok, onlyDoNotFit, files: results.map((result) => result.name) };
}

/**
 * The folder the built site is published under: the one \`build\` recorded (so \`--base-path\` need not
 * be given again). A different \`--base-path\` would print from pages whose links point elsewhere.
 */
async function basePathBuiltWith(folders: Folders, siteUrl: string): Promise<string | undefined> {
  const built = (await builtWith(siteDirOf(folders))).basePath;
  const asked = folders.basePath === undefined ? undefined : basePathOf(siteUrl, folders.basePath);
  if (asked !== undefined && built !== undefined && asked !== built) {
    throw new UsageError(
      `The site in ${siteDirOf(folders)} was built to be published under ${built}, not ${asked}: leave out --base-path, or build again with the new one.`,
    );
  }
  // Without --base-path, the site was built for siteUrl's own path unless build recorded another.
  return folders.basePath ?? (built !== undefined && built !== basePathOf(siteUrl) ? built : undefined);
}
