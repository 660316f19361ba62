import { existsSync } from "node:fs";
import path from "node:path";
import { PamphletError } from "../shared/errors.ts";
import { onInterrupt } from "../shared/interrupt.ts";
import { startStaticHost } from "../serve/staticHost.ts";
import { builtWith } from "../site/siteFingerprint.ts";
import { commandLine } from "../cli/commandLine.ts";
import { siteDirOf, type Folders } from "./options.ts";

/**
 * `pamphlet serve`: the built site on http://127.0.0.1:<port>, as the static host will serve it, so
 * the print centre and its visit pack work before (or without) publishing. Runs until Ctrl-C.
 */
export async function runServe(folders: Folders, port: number): Promise<number> {
  const siteDir = siteDirOf(folders);
  if (!existsSync(path.join(siteDir, "index.html"))) {
    throw new PamphletError(`There is no built site in ${siteDir}: run \`${commandLine("build", folders)}\` first.`);
  }
  const { basePath } = await builtWith(siteDir);
  const host = await startStaticHost(siteDir, { port, basePath }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE")
      throw new PamphletError(`Port ${port} is in use (a dev server?): stop it, or choose another with --port.`, { cause: error });
    throw error;
  });
  onInterrupt(() => host.close());
  console.log(`Serving ${siteDir} at ${host.url} (this computer only). The print centre: ${host.url}print-centre/  Stop with Ctrl-C.`);
  // Until Ctrl-C or kill: the CLI's signal handler closes the server and exits.
  return new Promise<number>(() => {});
}
