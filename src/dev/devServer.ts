import path from "node:path";
import { watch } from "chokidar";
import { startSiteServer, type SiteServer } from "../brochures/siteServer.ts";
import { devEditorRoute } from "../editor/devEditor.ts";
import { PamphletError } from "../shared/errors.ts";
import { siteSourceFolders } from "../site/clinicOverrides.ts";
import { devBrochureRoute } from "./devBrochures.ts";
import { devRebuild } from "./devRebuild.ts";
import { devRoutes } from "./devRoutes.ts";
import { LiveReload } from "./liveReload.ts";
import { RebuildQueue } from "./rebuildQueue.ts";

export interface DevOptions {
  contentDir: string;
  /** The dev build lands here, apart from `output/site`, so a dev page (with its reload script) is never published. */
  siteDir: string;
  port: number;
}

export interface DevServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * `pamphlet dev`: builds once, serves the site on loopback, and rebuilds on every change to content,
 * templates or CSS. A content error is shown in the terminal and over the page; the server keeps going.
 * What `check` says of a guide (claims, sections, reading level) is shown on its pages as the writer works.
 */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const live = new LiveReload();
  const { state, rebuild, close: closeRebuilds } = devRebuild(options, live);
  const queue = new RebuildQueue(rebuild);
  const brochures = devBrochureRoute(
    () => state.content,
    () => live.problems,
  );
  const editor = devEditorRoute(options.contentDir, () => state.content?.clinic);
  await rebuild();

  let server: SiteServer | undefined;
  const route = await devRoutes({ siteDir: options.siteDir, state, live, queue, brochures, editor, origin: () => server?.origin ?? "http://127.0.0.1" });
  try {
    server = await startSiteServer(options.siteDir, { live: true, port: options.port, before: route });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new PamphletError(`Port ${options.port} is already in use: stop the other server, or pick another port with --port.`);
    }
    throw error;
  }
  brochures.setOrigin(server.origin);

  // Wait until a save has finished writing, so a rebuild never reads a half-written file: its size
  // unchanged for 30 ms. Every save waits that long (it was 60 ms, polled every 20: measured, a change
  // was reported 62 ms after its write, against 32 ms now), and an editor's writes come far closer together.
  const watcher = watch(siteSourceFolders(options.contentDir), {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });
  watcher.on("all", () => queue.request());
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  const listening = server;
  return {
    origin: listening.origin,
    async close() {
      await watcher.close();
      live.close();
      await brochures.close();
      await listening.close();
      await queue.idle();
      await closeRebuilds();
    },
  };
}

export const devSiteDir = (outDir: string) => path.join(outDir, "dev-site");
