import { PamphletError } from "../shared/errors.ts";
import { viewsManifestUrl } from "../shared/routes.ts";
import type { ViewsManifest } from "../shared/viewsManifest.ts";

/** Reads the views manifest the site build wrote, through the server that serves that site (`siteUrl` ends without a slash). */
export async function readViewsManifest(siteUrl: string): Promise<ViewsManifest> {
  const url = `${siteUrl}${viewsManifestUrl}`;
  const response = await fetch(url).catch((error: unknown) => {
    throw new PamphletError(`Could not read the list of brochures to print from ${url}`, { cause: error });
  });
  if (!response.ok) {
    throw new PamphletError(
      `The built site has no list of brochures to print (${viewsManifestUrl} answered ${response.status}): build the site again with this version of Pamphlet.`,
    );
  }
  const manifest = (await response.json()) as ViewsManifest;
  if (!Array.isArray(manifest?.views) || !Array.isArray(manifest.slugs))
    throw new PamphletError(`${viewsManifestUrl} in the built site is not a views manifest: build the site again.`);
  return manifest;
}
