import { readJsonRecord } from "../shared/readJson.ts";
import { createHash } from "node:crypto";
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readlinkSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { filesUnder } from "../shared/filesUnder.ts";
import { siteSourceFolders } from "./clinicOverrides.ts";
import { projectRoot } from "../shared/installPaths.ts";

/** The site's source files (see sourceFiles), and a hash of them all and of Pamphlet itself. */
export interface SiteSources {
  fingerprint: string;
  files: SourceFiles;
}

/** Each source file by its absolute path: its name within its folder (the folder's place in the list) and a hash of its bytes. */
export type SourceFiles = ReadonlyMap<string, string>;

/**
 * Everything the site is built from: the content folder, Pamphlet's templates and code, the
 * installed dependencies (via package-lock.json) and the Node.js that runs them.
 */
export async function siteSources(contentDir: string): Promise<SiteSources> {
  const files = await sourceFiles(siteSourceFolders(contentDir));
  const fingerprint = createHash("sha256")
    .update([...files.values()].join("\n"))
    .update(await pamphletFingerprint())
    .digest("hex");
  return { fingerprint, files };
}

let pamphletHash: Promise<string> | undefined;

/** What Pamphlet itself is made of: its code, its installed dependencies and the Node.js running it. Hashed once a process. */
export const pamphletFingerprint = () => {
  pamphletHash ??= sourceFiles([path.join(projectRoot, "src"), path.join(projectRoot, "package-lock.json"), path.join(projectRoot, "package.json")]).then(
    (files) =>
      createHash("sha256")
        .update([...files.values()].join("\n"))
        .update(process.version)
        .digest("hex"),
  );
  return pamphletHash;
};

/**
 * Every file under `roots` (a file root is itself): its absolute path, and its name as SourceFiles
 * gives it (the root's place in the list, its path there), not where the project lies.
 */
export async function namedFiles(roots: readonly string[]): Promise<Array<{ file: string; name: string }>> {
  const found = await Promise.all(
    roots.map(async (root, index) => (await filesUnder(root)).map((file) => ({ file: path.resolve(file), name: `${index}:${path.relative(root, file)}` }))),
  );
  return found.flat();
}

/** Every file under `roots`, as SourceFiles names them. */
async function sourceFiles(roots: readonly string[]): Promise<SourceFiles> {
  const files = new Map<string, string>();
  for (const { file, name } of await namedFiles(roots)) files.set(file, `${name}\t${createHash("sha256").update(fileBytes(file)).digest("hex")}`);
  return files;
}

/**
 * A file's bytes, read at once: a few hundred small files, each read through the thread pool one
 * after the other, took 40–90 ms of every build's start, and 13 ms so. Opened without waiting, and
 * read only when what was opened is a file: a FIFO (even one put in a file's place meanwhile) would
 * block for ever. A link to a folder counts by where it leads; one to nothing, or to itself, as
 * missing. Loading the content says what is wrong with either.
 */
function fileBytes(file: string): Buffer | string {
  let opened: number | undefined;
  try {
    opened = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    return fstatSync(opened).isFile() ? readFileSync(opened) : `special ${orEmpty(() => readlinkSync(file))}`;
  } catch {
    return `missing ${orEmpty(() => readlinkSync(file))}`;
  } finally {
    if (opened !== undefined) closeSync(opened);
  }
}

/** What `read` gives, or nothing when the file went meanwhile or cannot be read (the content's loading says why). */
function orEmpty(read: () => Buffer | string): Buffer | string {
  try {
    return read();
  } catch {
    return "";
  }
}

/**
 * The sources, the folder the site is published under and the brochure formats its pages link to:
 * when it matches the last build's and the site is still there, the site build is skipped.
 */
export const siteFingerprint = (sources: string, basePath: string, formats: readonly string[]) =>
  createHash("sha256")
    .update(sources)
    .update(basePath)
    .update(`\0${formats.join(",")}`)
    .digest("hex");

const stampFile = (siteDir: string) => `${siteDir}.fingerprint`;

/** What `build` records about the site it built: its fingerprint, the folder it is published under, and its content. */
interface SiteStamp {
  fingerprint: string;
  basePath: string;
  /** Absolute path of the content folder the site was built from. */
  contentDir: string;
}

/** The recorded stamp; empty when there is none, or it is unreadable or from an older Pamphlet (then the site is built again). */
async function readStamp(siteDir: string): Promise<Partial<SiteStamp>> {
  return (await readJsonRecord<SiteStamp>(stampFile(siteDir))) ?? {};
}

export async function siteIsCurrent(siteDir: string, fingerprint: string): Promise<boolean> {
  if (!existsSync(path.join(siteDir, "index.html"))) return false;
  return (await readStamp(siteDir)).fingerprint === fingerprint;
}

export const recordSiteFingerprint = (siteDir: string, stamp: SiteStamp) => writeFile(stampFile(siteDir), JSON.stringify(stamp));

/** How the site in `siteDir` was built (`--base-path`, `--content`), as far as `build` recorded it. */
export const builtWith = async (siteDir: string): Promise<Partial<Pick<SiteStamp, "basePath" | "contentDir">>> => {
  const { basePath, contentDir } = await readStamp(siteDir);
  return { basePath, contentDir };
};
