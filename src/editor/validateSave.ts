import { cp, lstat, mkdir, mkdtemp, realpath, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadForBuild } from "../check/runChecks.ts";
import { pictureFileProblem } from "../content/pictureFile.ts";
import { formatProblem, type Problem } from "../shared/problem.ts";
import { displayPath } from "../shared/displayPath.ts";
import { isWithin } from "../shared/isWithin.ts";
import { removeFolder } from "../shared/removeFolder.ts";

/**
 * What the build (and so `check`) would refuse in the files a save writes, in their words: the
 * content folder as it would be after the save is loaded as `pamphlet build` loads it, from a copy.
 * Only errors in the saved files count: a problem already elsewhere in the content does not block
 * fixing this one. A save that `removes` files (a deleted entry or image), or writes a picture, is
 * refused for any error it brings about elsewhere: a link or picture left leading nowhere, a logo or
 * picture a guide shows that can no longer be read. Returns the lines `check` prints, empty when the save is fine.
 */
export async function refusalsOf(contentDir: string, files: Array<{ path: string; raw: string | Uint8Array }>, removes: string[] = []): Promise<string[]> {
  const copy = await mkdtemp(path.join(os.tmpdir(), "pamphlet-save-"));
  try {
    // Absolute, as the copy's filter is handed each source (`npm run dev` names the content `content`).
    const images = path.resolve(contentDir, "images");
    // Images are linked, not copied, unless the save writes or removes one: that is done in the copy, never
    // through a link to the real folder (a refused picture was written into the content folder by its check).
    const inImages = (file: string) => isWithin(path.resolve(copy, file), path.join(copy, "images"));
    const picturesSaved = files.some((file) => inImages(file.path));
    const linkImages = !picturesSaved && !removes.some(inImages);
    // images/ may be a link to a folder inside the content folder, as the build allows: its real folder.
    const imagesFolder = await realpath(images).then(
      async (real) => ((await stat(real)).isDirectory() ? real : undefined),
      () => undefined,
    );
    // Plain files and folders only (a FIFO would block the copy). A picture that is a link to a file inside
    // images/ stays a link, checked where it leads as the build checks it. No other link is copied: a save
    // is never written through one into the real content.
    const copyable = async (source: string) => {
      const info = await lstat(source);
      if (!info.isSymbolicLink()) return info.isFile() || info.isDirectory();
      return (
        imagesFolder !== undefined &&
        isWithin(source, imagesFolder) &&
        (await stat(source).then(
          (target) => target.isFile(),
          () => false,
        ))
      );
    };
    await cp(path.resolve(contentDir), copy, { recursive: true, filter: async (source) => source !== images && (await copyable(source)) });
    if (imagesFolder && linkImages) await symlink(imagesFolder, path.join(copy, "images"), "dir");
    else if (imagesFolder) await cp(imagesFolder, path.join(copy, "images"), { recursive: true, verbatimSymlinks: true, filter: copyable });
    // A removal, or a picture (shown elsewhere: its error is on another file's line), is refused for the errors
    // it brings about anywhere: those the same copy does not have before it.
    const where = (problem: Problem) => `${problem.file}:${problem.line}:${problem.rule}`;
    const before = removes.length > 0 || picturesSaved ? new Set((await loadForBuild(copy)).problems.map(where)) : undefined;
    for (const file of files) {
      const target = path.join(copy, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await rm(target, { force: true }); // a link in the copy is replaced, not written through
      await writeFile(target, file.raw);
    }
    for (const file of removes) await rm(path.join(copy, file), { force: true });
    // A file uploaded into images/ is published whether or not a guide shows it yet: one that is no picture is refused now.
    const notPictures = files
      .filter((file) => inImages(file.path))
      .flatMap((file) => {
        const problem = pictureFileProblem(copy, `/${file.path}`, path.join(copy, file.path), { drawn: false });
        return problem ? [`${displayPath(path.join(contentDir, file.path))}: ${problem.replaceAll(copy, path.resolve(contentDir))}`] : [];
      });
    const { problems } = await loadForBuild(copy);
    const shown = (problem: Problem) => {
      const relative = path.relative(copy, path.resolve(problem.file));
      return relative.startsWith("..") ? problem.file : displayPath(path.join(contentDir, relative));
    };
    const saved = new Set(files.map((file) => displayPath(path.join(contentDir, file.path))));
    const refusals = problems
      .filter((problem) => problem.severity === "error" && (saved.has(shown(problem)) || (before !== undefined && !before.has(where(problem)))))
      // The copy is this check's own: the writer hears of the content folder.
      .map((problem) => formatProblem({ ...problem, file: shown(problem), message: problem.message.replaceAll(copy, path.resolve(contentDir)) }));
    // Said where a guide or clinic.yaml shows the picture, if one does; else of the file itself.
    return refusals.length > 0 ? refusals : notPictures;
  } finally {
    await removeFolder(copy);
  }
}
