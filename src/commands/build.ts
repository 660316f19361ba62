import { loadContent } from "../content/load.ts";
import { buildSite } from "../site/build.ts";
import { brochuresDirOf, siteDirOf, type Folders } from "./options.ts";
import { reportProblems } from "./report.ts";
import { printBrochures } from "./brochures.ts";

/** `pamphlet build`: validate all content, build the site, then print and publish every brochure. */
export async function runBuild(folders: Folders): Promise<number> {
  const started = performance.now();
  const { content, problems } = await loadContent(folders.contentDir);
  if (!reportProblems(problems) || !content) return 1;
  await buildSite({ content, contentDir: folders.contentDir, siteDir: siteDirOf(folders) });
  console.log(`Site: ${siteDirOf(folders)} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ok = await printBrochures(content, folders, { brochuresDir: brochuresDirOf(folders) });
  return ok ? 0 : 1;
}
