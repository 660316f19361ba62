import path from "node:path";
import { pathToFileURL } from "node:url";
import { findBrowser } from "../brochures/findBrowser.ts";
import { projectRoot } from "../shared/installPaths.ts";

/** `pamphlet setup`: finds the browser brochures are printed with, or installs one (see scripts/installBrowser.js). */
export async function runSetup(): Promise<number> {
  const { installBrowser } = (await import(pathToFileURL(path.join(projectRoot, "scripts", "installBrowser.js")).href)) as {
    installBrowser(find: typeof findBrowser): Promise<string | undefined>;
  };
  return (await installBrowser(findBrowser)) ? 0 : 1;
}
