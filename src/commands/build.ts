import { rm } from "node:fs/promises";
import { loadForBuild } from "../check/runChecks.ts";
import { recordSiteFingerprint, siteFingerprint, siteIsCurrent } from "../site/siteFingerprint.ts";
import { publishedUnder } from "../site/urls.ts";
import { printBrochures } from "./brochures.ts";
import { siteDirOf, type BrochureChoice, type Folders } from "./options.ts";
import { reportProblems } from "./report.ts";

/**
 * `pamphlet build`: validate all content, build the site (skipped when nothing it is built from
 * changed), then print and publish the brochures that changed.
 */
export async function runBuild(folders: Folders, choice: BrochureChoice = {}): Promise<number> {
  const started = performance.now();
  const loaded = await loadForBuild(folders.contentDir);
  if (!reportProblems(loaded.problems) || !loaded.content) return 1;
  const { content, basePath } = publishedUnder(loaded.content, folders.basePath);
  const siteDir = siteDirOf(folders);
  const fingerprint = await siteFingerprint(folders.contentDir, basePath);
  if (!choice.force && (await siteIsCurrent(siteDir, fingerprint))) {
    console.log(`Site: ${siteDir} unchanged`);
  } else {
    await rm(`${siteDir}.fingerprint`, { force: true });
    const { buildSite } = await import("../site/build.ts"); // Eleventy loads only when the site is built
    await buildSite({ content, contentDir: folders.contentDir, siteDir, basePath });
    await recordSiteFingerprint(siteDir, fingerprint);
    console.log(`Site: ${siteDir} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const ok = await printBrochures(content, folders, choice, undefined, { shareImages: true, siteFingerprint: fingerprint });
  return ok ? 0 : 1;
}
