import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type http from "node:http";
import { createRequire as requireFrom } from "node:module";
import path from "node:path";
import { readViewsManifest } from "../brochures/readViewsManifest.ts";
import type { devEditorRoute } from "../editor/devEditor.ts";
import { clinicFormats } from "../shared/formats.ts";
import { sourcesDir } from "../shared/installPaths.ts";
import { isStopping } from "../shared/interrupt.ts";
import type { devBrochureRoute } from "./devBrochures.ts";
import { devPrintCentre } from "./devPrintCentre.ts";
import { writeDevSearchIndex } from "./devSearchIndex.ts";
import type { DevState } from "./devRebuild.ts";
import type { LiveReload } from "./liveReload.ts";
import type { RebuildQueue } from "./rebuildQueue.ts";
import { requestUrl } from "../shared/requestUrl.ts";

export interface DevRouteParts {
  siteDir: string;
  state: DevState;
  live: LiveReload;
  queue: RebuildQueue;
  brochures: ReturnType<typeof devBrochureRoute>;
  editor: ReturnType<typeof devEditorRoute>;
  /** The server's own origin, known once it listens. */
  origin: () => string;
}

/**
 * The dev server's own answers, before the built site's files: its client scripts, pdf.js, the
 * editor, the print centre preview, live-reload events, each page's writer notes, brochures on demand.
 */
export async function devRoutes(parts: DevRouteParts) {
  const clientScripts: Record<string, string> = {
    "/__pamphlet/live-reload.js": await readFile(path.join(sourcesDir, "dev", "liveReload.client.js"), "utf8"),
    "/__pamphlet/page-preview.js": await readFile(path.join(sourcesDir, "dev", "pagePreview.client.js"), "utf8"),
    "/__pamphlet/writer-notes.js": await readFile(path.join(sourcesDir, "dev", "writerNotes.client.js"), "utf8"),
  };
  const { state } = parts;
  return async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    // Only this machine's own names: a web page whose domain is made to resolve to 127.0.0.1 (DNS
    // rebinding) must not read the preview or have it print.
    if (!/^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(request.headers.host ?? "")) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      response.end("Pamphlet's preview answers only to http://localhost or http://127.0.0.1.\n");
      return true;
    }
    await state.swapping?.catch(() => undefined);
    if (state.built && !existsSync(parts.siteDir)) {
      console.log(`${parts.siteDir} is gone (was output/ deleted?): building it again`);
      await parts.queue.now();
    }
    const url = requestUrl(request);
    if (state.built && url.pathname.startsWith("/pagefind/")) await searchIndexReady(parts);
    const script = clientScripts[url.pathname];
    if (script) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      response.end(script);
      return true;
    }
    if (url.pathname.startsWith("/__pamphlet/pdfjs/")) return servePdfJs(url.pathname, response);
    if (await parts.editor(url, request, response)) return true;
    if (state.content && /^\/([a-z]{2}\/)?print-centre\/?$/.test(url.pathname)) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(devPrintCentre(await readViewsManifest(parts.origin()), clinicFormats(state.content.clinic)));
      return true;
    }
    if (url.pathname === "/__pamphlet/events") return parts.live.connect(request, response);
    if (url.pathname === "/__pamphlet/notes") {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      response.end(JSON.stringify(state.notes().get(url.searchParams.get("file") ?? "") ?? []));
      return true;
    }
    return parts.brochures.handle(url, response);
  };
}

/**
 * Waits until the site in place has its search index, written now when this is the first search since
 * the last save. A save's swap waits for an index being written; if one came meanwhile, its new site is
 * indexed in turn. A failed write is said in the terminal and tried again at the next search.
 */
async function searchIndexReady({ state, siteDir }: DevRouteParts): Promise<void> {
  for (let swaps = 0; swaps < 3; swaps++) {
    await state.swapping?.catch(() => undefined);
    // Set with no await since the swap's: a swap waits for the index it would otherwise cut in half.
    if (!state.searchIndex) {
      const writing: Promise<void> = writeDevSearchIndex(siteDir).catch((error: unknown) => {
        if (state.searchIndex === writing) state.searchIndex = undefined;
        if (!isStopping()) console.error(`The preview's search index could not be written: ${error instanceof Error ? error.message : String(error)}`);
      });
      state.searchIndex = writing;
    }
    await state.searchIndex;
    if (!state.swapping) return;
  }
}

/** pdf.js for the page preview, straight from node_modules (only its two browser builds). */
async function servePdfJs(pathname: string, response: http.ServerResponse): Promise<boolean> {
  const name = pathname.slice("/__pamphlet/pdfjs/".length);
  if (name !== "pdf.min.mjs" && name !== "pdf.worker.min.mjs") return false;
  const file = path.join(path.dirname(requireFrom(import.meta.url).resolve("pdfjs-dist/package.json")), "build", name);
  response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "max-age=3600" });
  response.end(await readFile(file));
  return true;
}
