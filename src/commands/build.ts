import { commandLine } from "../cli/commandLine.ts";
import path from "node:path";
import { UsageError } from "../shared/errors.ts";
import { browserIdentity } from "../brochures/browserVersion.ts";
import { siteSourceFolders } from "../site/clinicOverrides.ts";
import { forgetPrintViews, recordedPrintViews, recordPrintViews } from "../site/printViewRecord.ts";
import { PrintViewReuse } from "../site/printViewReuse.ts";
import { pamphletFingerprint, recordSiteFingerprint, siteFingerprint, siteIsCurrent, siteSources } from "../site/siteFingerprint.ts";
import { buildKey, checkDay, currentStamp, removeStamp, writeStamp, type BuildStamp } from "./buildStamp.ts";
import { brochureRunStatus } from "./exitStatus.ts";
import { brochureProgress } from "../cli/progress.ts";
import { formatsFor, printShopDirOf, siteDirOf, type BrochureChoice, type Folders } from "./options.ts";
import { reportBrochureSummary, reportProblems } from "../cli/report.ts";
import { refuseOverlappingFolders, refuseSomeoneElsesFolder } from "./separateFolders.ts";
import { withOutputLock } from "../shared/outputLock.ts";
import { setAsideRemoved } from "../shared/stagedFolder.ts";

/**
 * `pamphlet build`: validate all content, build the site (skipped when nothing it is built from
 * changed), then print and publish the brochures that changed. When nothing at all changed since
 * the last build, it says so and stops before loading anything heavy.
 */
export async function runBuild(folders: Folders, choice: BrochureChoice = {}): Promise<number> {
  const started = performance.now();
  refuseOverlappingFolders(folders);
  refuseSomeoneElsesFolder(folders.outDir);
  return withOutputLock(folders.outDir, () => build(folders, choice, started));
}

async function build(folders: Folders, choice: BrochureChoice, started: number): Promise<number> {
  if (choice.bleed) {
    throw new UsageError(
      "--bleed makes PDFs for a print shop, which are never published: " +
        `build the site first, then run \`pamphlet brochures --bleed\` (they go to ${printShopDirOf(folders)}).`,
    );
  }
  const { fingerprint: sources, files: sourceFiles } = await siteSources(folders.contentDir);
  const key = buildKey(sources, folders, choice, browserIdentity());
  const stamp = choice.force ? undefined : await currentStamp(folders, key);
  if (stamp) return reportUnchanged(folders, stamp, started);
  await removeStamp(folders);

  // Content, Eleventy and Puppeteer load only when something may have changed.
  const { checkReminder, editorialFindings, loadForBuild } = await import("../check/runChecks.ts");
  const { publishedUnder } = await import("../shared/routes.ts");
  const { printBrochures } = await import("./brochures.ts");
  const { launchEarly } = await import("../brochures/launchBrowser.ts");
  const siteDir = siteDirOf(folders);
  // The print views whose sources did not change since the last build are carried over, not rendered (--force renders all).
  const recorded = choice.force ? undefined : await recordedPrintViews(siteDir);
  const printViewReuse = new PrintViewReuse(siteDir, siteSourceFolders(folders.contentDir), recorded, await pamphletFingerprint());
  // The sources as read before the content: a save meanwhile changes the next build's keys.
  await printViewReuse.begin(sourceFiles);
  const loaded = await loadForBuild(folders.contentDir);
  if (!reportProblems(loaded.problems) || !loaded.content) return 1;
  const reminder = checkReminder(editorialFindings(loaded.content, folders.contentDir), commandLine("check", folders));
  if (reminder) console.error(reminder);
  const { content, basePath } = publishedUnder(loaded.content, folders.basePath);
  // The procedure pages link only to the brochures this build prints.
  const formats = formatsFor(choice, content.clinic);
  const fingerprint = siteFingerprint(sources, basePath, formats);
  // Something changed, so something will most likely be printed: Chromium starts on the other core meanwhile.
  const early = launchEarly();
  try {
    if (!choice.force && (await siteIsCurrent(siteDir, fingerprint))) {
      // Recorded again: the same sources may now be in another folder (a project moved), and `brochures` reads them from there.
      await recordSiteFingerprint(siteDir, { fingerprint, basePath, contentDir: path.resolve(folders.contentDir) });
      console.log(`Site: ${siteDir} unchanged`);
    } else {
      const { buildSite } = await import("../site/build.ts");
      // The brochures stay published while the new ones are printed, and if printing fails.
      const { printCentrePages } = await import("../publish/printCentre.ts");
      const carryPages = await printCentrePages(siteDir);
      // The site's records are replaced with it, in the swap (which a signal waits for): a build stopped or
      // failed before it, or in it, leaves the site and what `brochures` reads of it (its --base-path, its
      // content) as they were. The old site's keys go first: nothing of the new one is rendered from them.
      const duringSwap = async (swap: () => Promise<void>) => {
        await swap();
        await forgetPrintViews(siteDir);
        await recordSiteFingerprint(siteDir, { fingerprint, basePath, contentDir: path.resolve(folders.contentDir) });
        await recordPrintViews(siteDir, fingerprint, printViewReuse.inPlace);
      };
      await buildSite({
        content,
        contentDir: folders.contentDir,
        siteDir,
        basePath,
        formats,
        carryOver: ["brochures", "share"],
        carryPages,
        printViewReuse,
        duringSwap,
      });
      console.log(`Site: ${siteDir} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const printed = await printBrochures(content, folders, choice, undefined, {
      shareImages: true,
      siteFingerprint: fingerprint,
      printCentreMadeFrom: printViewReuse.pagesKey(content, { formats, dev: false }),
      prune: true,
      browser: early.browser,
    });
    // The site this build replaced is removed while the brochures are printed; a failure to is reported here.
    await setAsideRemoved();
    if (printed.ok) {
      // Released, an overdue review stops the build: the next day's build checks again (found by a clinician's QA:
      // a guide that fell overdue was reported unchanged, exit 0, while check refused it).
      const checkedOn = content.clinic.release ? checkDay() : undefined;
      await writeStamp(folders, { key, checkedOn, problems: loaded.problems, reminder, files: printed.files });
    }
    return brochureRunStatus(printed);
  } finally {
    await early.close();
  }
}

/** The same report an unchanged build prints the long way: the warnings, then every file unchanged. */
function reportUnchanged(folders: Folders, stamp: BuildStamp, started: number): number {
  reportProblems(stamp.problems);
  if (stamp.reminder) console.error(stamp.reminder);
  console.log(`Site: ${siteDirOf(folders)} unchanged`);
  const results = stamp.files.map((name) => ({ name, ok: true as const, skipped: true, file: name, bytes: 0, seconds: 0 }));
  const progress = brochureProgress();
  results.forEach((result, i) => progress.update(result, i + 1, results.length));
  reportBrochureSummary(results, (performance.now() - started) / 1000);
  return 0;
}
