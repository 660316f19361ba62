import type { Content } from "../content/load.ts";
import type { BrochureResult } from "../brochures/printSite.ts";
import { printCentreIsCurrent, publishedBrochures, writePrintCentre } from "./printCentre.ts";
import { publishOutputs } from "./publishOutputs.ts";

export interface PublishOptions {
  content: Content;
  contentDir: string;
  outDir: string;
  siteDir: string;
  brochuresDir: string;
  basePath: string;
  /** What printing made or kept; with `prune`, every other brochure is taken off the site. */
  results: readonly BrochureResult[];
  /** Every procedure's slug: made files of any other are stale. */
  slugs: readonly string[];
  /** A whole build (not some procedures, not one shard): publish exactly what it printed. */
  prune: boolean;
  /** What the print centre is made from besides its list (PrintViewReuse's `pagesKey`): with it, an unchanged print centre is not written again. */
  printCentreMadeFrom?: string;
}

/**
 * After printing: the made files go into the site, then the print centre, which lists the files that
 * now exist, is written (only when the list or the site changed: it takes a second, small Eleventy run).
 */
export async function publishPrinted(options: PublishOptions): Promise<void> {
  // A brochure that does not fit is not published: an earlier copy of it is out of date (the guide
  // or the clinic's details changed since).
  const brochures = options.prune ? options.results.filter((result) => result.ok || !result.doesNotFit).map((result) => result.name) : undefined;
  await publishOutputs(options.outDir, options.siteDir, options.slugs, { brochures });
  const entries = await publishedBrochures(options.content, options.siteDir, options.brochuresDir);
  const madeFrom = options.printCentreMadeFrom;
  if (!madeFrom || !(await printCentreIsCurrent(options.siteDir, madeFrom, entries))) {
    const { content, contentDir, siteDir, basePath } = options;
    await writePrintCentre({ content, contentDir, siteDir, basePath, entries, madeFrom });
  }
}
