import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { UsageError } from "../shared/errors.ts";
import { isWithin } from "../shared/isWithin.ts";
import { projectRoot, templatesDir } from "../shared/installPaths.ts";
import type { Folders } from "./options.ts";

/**
 * A path as the file system will resolve it: its nearest existing folder with links followed, the
 * rest as written. `--out link/to/content/x` is then seen to be inside the content.
 */
function realPathOf(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return path.join(realpathSync(existing), ...missing);
  } catch {
    return absolute;
  }
}

/** Folders of Pamphlet itself, which it reads on every run (dist/: its compiled code): nothing is ever written into them. */
const pamphletFolders = () => [templatesDir, ...["src", "dist", "scripts", "node_modules"].map((name) => path.join(projectRoot, name))].map(realPathOf);

/**
 * Refuses an output folder that overlaps the content folder, either way, or lies inside Pamphlet's
 * own folders. Output inside the content is read back as content (the dev server rebuilt in a loop;
 * inside `images/` each build republished the last), and content inside the output is replaced by it.
 */
export function refuseOverlappingFolders(folders: Pick<Folders, "contentDir" | "outDir">): void {
  const content = realPathOf(folders.contentDir);
  const out = realPathOf(folders.outDir);
  if (isWithin(out, content)) {
    throw new UsageError(
      `--out ${folders.outDir} is inside the content folder ${folders.contentDir}: what Pamphlet writes would be read back as content. ` +
        "Put the output beside the content, e.g. --out output",
    );
  }
  if (isWithin(content, out)) {
    throw new UsageError(
      `The content folder ${folders.contentDir} is inside the output folder ${folders.outDir}, which Pamphlet writes and replaces: ` +
        "keep them apart, e.g. --content content --out output",
    );
  }
  const own = pamphletFolders().find((folder) => isWithin(out, folder) || isWithin(folder, out));
  if (own) throw new UsageError(`--out ${folders.outDir} overlaps ${own}, which is part of Pamphlet itself: choose another output folder, e.g. --out output`);
}

/** What Pamphlet leaves in an output folder, whichever command made it and wherever it stopped. */
const pamphletMarks = [
  /^\.build-stamp\.json$/,
  /^\.pamphlet-lock$/,
  /^site\.(fingerprint|print-views\.json|print-centre)$/,
  /^(dev-)?site\.(staging|previous)-\d+$/,
  /^dev-site$/,
];
const manifestMark = /^\.manifest.*\.json$/;
/** The folders `build` and `brochures` write whole, replacing what they held. */
const replacedFolders = ["site", "brochures", "share", "print-shop"];

/**
 * For `build` and `brochures`: an output folder holding a `site/`, `brochures/`, `share/` or `print-shop/`
 * that Pamphlet did not make (nothing of its own beside them: its build stamp, its image cache, a
 * brochure manifest…) is someone else's, and they replace those folders: `--out ~/www` deleted what
 * was there. The top of the disk and the home folder are refused outright. Anything else (a `.DS_Store`,
 * a `.gitkeep`, a `.cache` of other programs) is left beside Pamphlet's folders.
 */
export function refuseSomeoneElsesFolder(outDir: string): void {
  const real = realPathOf(outDir);
  if (real === path.parse(real).root || real === realPathOf(os.homedir())) {
    throw new UsageError(
      `--out ${outDir} is ${real === path.parse(real).root ? "the top of the disk" : "your home folder"}: choose a folder of its own, e.g. --out output`,
    );
  }
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return; // not there yet (or not a folder: writing to it fails with its own message)
  }
  const manifests = (folder: string) => {
    try {
      return readdirSync(path.join(outDir, folder)).some((name) => manifestMark.test(name));
    } catch {
      return false;
    }
  };
  const replaced = names.filter((name) => replacedFolders.includes(name));
  const ours =
    names.some((name) => pamphletMarks.some((mark) => mark.test(name))) ||
    existsSync(path.join(outDir, ".cache", "images")) ||
    ["brochures", "share"].some(manifests);
  if (replaced.length === 0 || ours) return;
  throw new UsageError(
    `--out ${outDir} holds ${replaced.map((name) => `${name}/`).join(", ")}, which Pamphlet did not make and would replace, losing what they hold: ` +
      "choose a new or empty folder, e.g. --out output",
  );
}

/**
 * Refuses a file to write (`pack --out`) that lies where Pamphlet reads (the content, its own
 * folders, the published site and brochures), or that is there already and is not a PDF: a guide
 * or a note must never be replaced by a PDF.
 */
export async function refuseUnsafeOutputFile(file: string, readFolders: Array<{ dir: string; what: string }>): Promise<void> {
  const target = realPathOf(file);
  const all = [...readFolders, ...pamphletFolders().map((dir) => ({ dir, what: "which is part of Pamphlet itself" }))];
  for (const { dir, what } of all) {
    const real = realPathOf(dir);
    if (isWithin(target, real) || isWithin(real, target)) {
      const where = isWithin(target, real) ? `is inside ${dir}` : `is a folder that holds ${dir}`;
      throw new UsageError(`--out ${file} ${where}, ${what}: write the file somewhere else, e.g. --out visit.pdf`);
    }
  }
  const found = statSync(target, { throwIfNoEntry: false });
  if (!found) return;
  // (Checked before opening: opening a FIFO would block for ever.)
  if (!found.isFile()) throw new UsageError(`--out ${file} is there already and is not a file: name a PDF file to write, e.g. --out visit.pdf`);
  const head = Buffer.alloc(5);
  const handle = await open(target, "r");
  try {
    await handle.read(head, 0, 5, 0);
  } finally {
    await handle.close();
  }
  if (head.toString("latin1") !== "%PDF-") {
    throw new UsageError(
      `--out ${file} is there already and is not a PDF: Pamphlet replaces only PDFs. Remove it first, or choose another name, e.g. --out visit.pdf`,
    );
  }
}
