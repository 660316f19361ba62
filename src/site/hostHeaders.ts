import { readFile } from "node:fs/promises";
import path from "node:path";

/** The headers `_headers` sets for every path (`/*`), so a local server behaves like the static host. */
export async function siteWideHeaders(siteDir: string): Promise<Record<string, string>> {
  const text = await readFile(path.join(siteDir, "_headers"), "utf8").catch(() => "");
  const headers: Record<string, string> = {};
  let inSiteWide = false;
  for (const line of text.split("\n")) {
    if (!line.startsWith(" ")) inSiteWide = /^\/([\w-]+\/)*\*$/.test(line.trim()) && !/print|fonts|admin/.test(line);
    else if (inSiteWide) {
      const [name, ...value] = line.trim().split(":");
      if (name && value.length > 0) headers[name.trim()] = value.join(":").trim();
    }
  }
  return headers;
}
