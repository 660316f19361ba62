import { writeFileAtomic } from "../shared/writeAtomic.ts";
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, realpath, rm } from "node:fs/promises";
import path from "node:path";
import { isWithin } from "../shared/isWithin.ts";
import { unshownKind } from "../content/pictureFile.ts";

/** A request for a file the editor may not touch: answered 422 with this message, nothing read or written. */
export class RefusedPath extends Error {
  override name = "RefusedPath";
}

/**
 * The only files the browser editor reads or writes, relative to the content folder: guides and
 * pages (any language), clinic.yaml, the clinic's wording, and images. Nothing else in the content
 * folder, nothing outside it, no hidden file, no link.
 */
const editable = [
  /^(?:[a-z]{2}\/)?(?:procedures|pages)\/[a-z0-9][a-z0-9-]*\.md$/,
  /^_data\/clinic\.yaml$/,
  /^_data\/strings\/[a-z]{2}\.yaml$/,
  /^images\/[\w-][\w.-]*\.(?:svg|png|jpe?g|webp|avif|gif)$/i,
];
const listable = [/^(?:[a-z]{2}\/)?(?:procedures|pages)$/, /^images$/];

export const maxImageBytes = 20 * 1024 * 1024;
const maxTextBytes = 1024 * 1024;

export class EditableFiles {
  constructor(readonly contentDir: string) {}

  /** The absolute path of an editable file, after checking every folder on the way is a real folder inside the content folder. */
  async resolve(relative: unknown, allowed = editable, kind: "file" | "folder" = "file"): Promise<string> {
    // A picture of a kind the site cannot show (an iPhone's HEIC) is told why, not that it is no picture.
    const unshown = typeof relative === "string" && relative.startsWith("images/") && unshownKind(relative);
    if (unshown) throw new RefusedPath(`${path.posix.basename(relative as string)} ${unshown}, and upload that.`);
    if (typeof relative !== "string" || !allowed.some((pattern) => pattern.test(relative))) {
      throw new RefusedPath(
        `The editor cannot open ${JSON.stringify(relative)}: it edits only guides, pages, clinic.yaml, the wording files and images in the content folder.`,
      );
    }
    const root = await realpath(this.contentDir);
    const file = path.join(root, relative);
    // A folder on the way that is a link could lead out of the content folder.
    let folder = path.dirname(file);
    while (folder !== root) {
      const info = await lstat(folder).catch(() => undefined);
      if (info && !info.isDirectory()) throw new RefusedPath(`The editor cannot open ${relative}: ${path.relative(root, folder)} is not a plain folder.`);
      folder = path.dirname(folder);
    }
    const info = await lstat(file).catch(() => undefined);
    if (info && !(kind === "file" ? info.isFile() : info.isDirectory()))
      throw new RefusedPath(`The editor cannot open ${relative}: it is not a plain ${kind} (a link, a device…).`);
    if (!isWithin(file, root)) throw new RefusedPath(`The editor cannot open ${relative}: it is outside the content folder.`);
    return file;
  }

  /** The text of an editable file with Decap's id (a hash of its bytes), or null data when it does not exist yet. */
  async entry(relative: unknown): Promise<{ data: string | null; file: { path: string; id: string | null } }> {
    const file = await this.resolve(relative);
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (bytes && bytes.length > maxTextBytes) throw new RefusedPath(`${relative as string} is over 1 MB: it is not a file the editor opens.`);
    return { data: bytes?.toString("utf8") ?? null, file: { path: relative as string, id: bytes ? sha256(bytes) : null } };
  }

  /** Editable files directly in `folder` ending in `extension` (Pamphlet's folders are flat). */
  async list(folder: unknown, extension = ""): Promise<string[]> {
    const dir = await this.resolve(folder, listable, "folder");
    const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return names
      .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
      .map((entry) => `${folder as string}/${entry.name}`)
      .filter((relative) => editable.some((pattern) => pattern.test(relative)))
      .sort();
  }

  async media(relative: unknown): Promise<{ id: string; content: string; encoding: "base64"; path: string; name: string }> {
    const file = await this.resolve(relative);
    const bytes = await readFile(file);
    return { id: sha256(bytes), content: bytes.toString("base64"), encoding: "base64", path: relative as string, name: path.basename(file) };
  }

  /** Writes through a temporary file renamed into place (shared/writeAtomic.ts): the dev server's watcher never reads half a save. */
  async write(relative: unknown, content: string | Buffer): Promise<void> {
    const file = await this.resolve(relative);
    await mkdir(path.dirname(file), { recursive: true });
    // Created folders are plain folders under the content folder; check again before writing into them.
    await this.resolve(relative);
    await writeFileAtomic(file, content);
  }

  async remove(relative: unknown): Promise<void> {
    await rm(await this.resolve(relative), { force: true });
  }
}

/** Decap's id of a file: a hash of its bytes. */
export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
