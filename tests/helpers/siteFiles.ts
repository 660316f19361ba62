import { readdir } from "node:fs/promises";
import path from "node:path";

/** Every HTML page of a built site as its URL path (`/procedures/x/`, `/404.html`). */
export async function htmlPages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}
