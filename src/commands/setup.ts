import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../shared/installPaths.ts";

/** `pamphlet setup`: finds the browser brochures are printed with, or installs one (see scripts/installBrowser.js). */
export async function runSetup(): Promise<number> {
  const { installBrowser } = (await import(pathToFileURL(path.join(projectRoot, "scripts", "installBrowser.js")).href)) as {
    installBrowser(): Promise<string | undefined>;
  };
  return (await installBrowser()) ? 0 : 1;
}
