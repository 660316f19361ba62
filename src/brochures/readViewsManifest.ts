import http from "node:http";
import { PamphletError } from "../shared/errors.ts";
import { viewsManifestUrl } from "../shared/routes.ts";
import type { ViewsManifest } from "../shared/viewsManifest.ts";

/** Reads the views manifest the site build wrote, through the server that serves that site (`siteUrl` ends without a slash). */
export async function readViewsManifest(siteUrl: string): Promise<ViewsManifest> {
  const url = `${siteUrl}${viewsManifestUrl}`;
  const response = await get(url).catch((error: unknown) => {
    throw new PamphletError(`Could not read the list of brochures to print from ${url}`, { cause: error });
  });
  if (response.status < 200 || response.status >= 300) {
    throw new PamphletError(
      `The built site has no list of brochures to print (${viewsManifestUrl} answered ${response.status}): build the site again with this version of Pamphlet.`,
    );
  }
  const manifest = parsed(response.body) as ViewsManifest | undefined;
  if (!Array.isArray(manifest?.views) || !Array.isArray(manifest.slugs))
    throw new PamphletError(`${viewsManifestUrl} in the built site is not a views manifest: build the site again.`);
  return manifest;
}

/**
 * One GET from the loopback server, with node:http rather than fetch: measured, Node 20's fetch
 * costs 35–50 ms the first time it is used in a process (loading undici), node:http 4–6 ms, and
 * this read is on the way of every build that prints.
 */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
