import path from "node:path";

/**
 * The clinic's own folder (its repository): the folder its content folder is in. Its `templates/`,
 * `styles/` and `node_modules/` (a brand font) are read from here.
 */
export const clinicFolderOf = (contentDir: string) => path.dirname(path.resolve(contentDir));
