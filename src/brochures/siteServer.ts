import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";

export interface SiteServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  server: http.Server;
  close(): Promise<void>;
}

export interface SiteServerOptions {
  /** Re-read files on every request (the dev server); otherwise files are indexed once at start. */
  live?: boolean;
  port?: number;
  /** Serve the site under this folder (`/clinic/`), as the static host will; default `/`. */
  basePath?: string;
  /** Response headers for every file, e.g. the security headers of the site's `_headers`. */
  headers?: Record<string, string>;
  /** Handles a request before static files; returns true when it answered. */
  before?: (request: http.IncomingMessage, response: http.ServerResponse) => boolean | Promise<boolean>;
}

/**
 * Serves a built site on loopback only. sirv refuses paths that leave the folder (including
 * percent-encoded `..`), so nothing next to the site can be read through it.
 */
export async function startSiteServer(siteDir: string, options: SiteServerOptions = {}): Promise<SiteServer> {
  const serveStatic = sirv(siteDir, {
    dev: options.live ?? false,
    etag: true,
    dotfiles: false,
    setHeaders: (response) => {
      for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
    },
  });
  const prefix = (options.basePath ?? "/").replace(/\/$/, "");
  const server = http.createServer(async (request, response) => {
    // sirv pipes a file stream into the response; when the client goes away first (a live reload,
    // a closed tab) nothing ends that stream, and its file stays open for ever (about 800 saves in
    // the dev server ran out of descriptors). Ending the response ends the stream.
    response.once("pipe", (source: NodeJS.ReadableStream & { destroy?: () => void }) => response.once("close", () => source.destroy?.()));
    try {
      if (options.before && (await options.before(request, response))) return;
      if (prefix) {
        if (!request.url?.startsWith(`${prefix}/`)) return await notFound(siteDir, response);
        request.url = request.url.slice(prefix.length);
      }
      serveStatic(request, response, () => notFound(siteDir, response));
    } catch (error) {
      response.statusCode = 500;
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The site's own 404 page, as static hosts serve it; in the dev server it carries the live-reload
 * script, so a page that is gone for a moment (a procedure being renamed) comes back by itself.
 */
async function notFound(siteDir: string, response: http.ServerResponse): Promise<void> {
  const page = await readFile(path.join(siteDir, "404.html")).catch(() => undefined);
  response.statusCode = 404;
  response.setHeader("content-type", page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
  response.end(page ?? "Not found");
}
