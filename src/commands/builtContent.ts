import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../shared/errors.ts";
import { builtWith } from "../site/siteFingerprint.ts";
import { siteDirOf, type Folders } from "./options.ts";

/**
 * `brochures` and `pack` work from a site `build` made. Without `--content` they read the content
 * that site was built from (a clinic that keeps its content elsewhere need not name it again); a
 * different `--content` would print guides the site's pages do not have, so it is refused.
 */
export async function withBuiltContent(folders: Folders): Promise<Folders> {
  const built = (await builtWith(siteDirOf(folders))).contentDir;
  if (built === undefined) return folders;
  if (!folders.contentGiven) {
    if (!existsSync(built))
      throw new UsageError(
        `The site in ${siteDirOf(folders)} was built from the content in ${built}, which is not there any more: give its new place with --content.`,
      );
    return { ...folders, contentDir: built };
  }
  // The same folder reached another way (a link, a relative path) is the same content.
  const given = await realpath(folders.contentDir).catch(() => path.resolve(folders.contentDir));
  if (given !== (await realpath(built).catch(() => built))) {
    if (existsSync(built))
      throw new UsageError(
        `The site in ${siteDirOf(folders)} was built from the content in ${built}, not ${given}: leave out --content, or build again with the new one.`,
      );
  }
  return folders;
}
