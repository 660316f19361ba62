import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";
import { readHostRules } from "./hostRules.ts";
import { requestUrl } from "../shared/requestUrl.ts";

export interface StaticHost {
  /** e.g. `http://127.0.0.1:8080/clinic/` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on loopback as a static host would: its `_headers` on every answer, files
 * first, then its `_redirects` (a rewrite to a 404 page answers 404), else the site's 404 page;
 * under `basePath` when the site was built for a folder. sirv refuses paths out of the folder.
 */
export async function startStaticHost(siteDir: string, { port, basePath = "/" }: { port: number; basePath?: string }): Promise<StaticHost> {
  const rules = await readHostRules(siteDir);
  const files = sirv(siteDir, { dev: true, etag: true, dotfiles: false });
  const prefix = basePath.replace(/\/$/, "");
  const server = http.createServer((request, response) => {
    // Only this computer's own names: a web page elsewhere cannot reach the site through DNS rebinding.
    if (!/^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(request.headers.host ?? "")) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("pamphlet serve answers only to http://127.0.0.1 or http://localhost.\n");
      return;
    }
    // A client that goes away mid-download must not leave the file open (sirv never destroys its stream).
    response.once("pipe", (source: NodeJS.ReadableStream & { destroy?: () => void }) => response.once("close", () => source.destroy?.()));
    const { pathname } = requestUrl(request);
    for (const [name, value] of Object.entries(rules.headersFor(pathname))) response.setHeader(name, value);
    if (prefix && (pathname === "/" || pathname === prefix)) return redirect(response, `${prefix}/`, 302);
    if (prefix && !pathname.startsWith(`${prefix}/`)) return sendFile(response, path.join(siteDir, "404.html"), 404);
    request.url = request.url!.slice(prefix.length);
    files(request, response, () => {
      const rule = rules.redirectFor(pathname);
      if (!rule) return sendFile(response, path.join(siteDir, "404.html"), 404);
      if (rule.status === 301 || rule.status === 302) return redirect(response, rule.to, rule.status);
      sendFile(response, path.join(siteDir, rule.to.slice(prefix.length)), rule.status);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${prefix}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function redirect(response: http.ServerResponse, location: string, status: number) {
  response.writeHead(status, { location }).end();
}

/** A page by path, with `status`; plain "Not found" when the site has no such page. */
async function sendFile(response: http.ServerResponse, file: string, status: number) {
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": found.size });
  createReadStream(file).pipe(response);
}
