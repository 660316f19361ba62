import { loadForBuild } from "../check/runChecks.ts";
import { buildSite } from "../site/build.ts";
import { siteDirOf, type BrochureChoice, type Folders } from "./options.ts";
import { reportProblems } from "./report.ts";
import { printBrochures } from "./brochures.ts";

/** `pamphlet build`: validate all content, build the site, then print and publish every brochure. */
export async function runBuild(folders: Folders, choice: BrochureChoice = {}): Promise<number> {
  const started = performance.now();
  const { content, problems } = await loadForBuild(folders.contentDir);
  if (!reportProblems(problems) || !content) return 1;
  await buildSite({ content, contentDir: folders.contentDir, siteDir: siteDirOf(folders) });
  console.log(`Site: ${siteDirOf(folders)} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ok = await printBrochures(content, folders, choice, undefined, { shareImages: true });
  return ok ? 0 : 1;
}
