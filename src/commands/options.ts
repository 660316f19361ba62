import path from "node:path";

/** Folders every command works with; `--content` and `--out` let a clinic keep content elsewhere. */
export interface Folders {
  contentDir: string;
  outDir: string;
}

export const siteDirOf = (folders: Folders) => path.join(folders.outDir, "site");
export const brochuresDirOf = (folders: Folders) => path.join(folders.outDir, "brochures");
