import { existsSync } from "node:fs";
import { noContentFolder } from "../content/load.ts";
import { UsageError } from "../shared/errors.ts";
import { devSiteDir, startDevServer } from "../dev/devServer.ts";
import { onInterrupt } from "../shared/interrupt.ts";
import type { Folders } from "./options.ts";
import { refuseOverlappingFolders } from "./separateFolders.ts";

/** `pamphlet dev`: serve with live reload until Ctrl-C. */
export async function runDev(folders: Folders, port: number): Promise<number> {
  refuseOverlappingFolders(folders);
  // Not a preview of nothing, left running after its error (run before init, or from inside content/).
  if (!existsSync(folders.contentDir)) throw new UsageError(`Nothing to preview: ${noContentFolder(folders.contentDir)}.`);
  const server = await startDevServer({ contentDir: folders.contentDir, siteDir: devSiteDir(folders.outDir), port });
  const shown = server.origin.replace("127.0.0.1", "localhost");
  console.log(`Previewing on ${shown}/ (site) and ${shown}/print/<slug>/ (brochure); Ctrl-C stops.`);
  onInterrupt(() => server.close());
  return new Promise<number>(() => {}); // runs until Ctrl-C, which closes the server and exits
}
