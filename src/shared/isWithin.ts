import path from "node:path";

/** Whether the absolute path `target` is `folder` itself or inside it (not merely starting with its name). */
export const isWithin = (target: string, folder: string) => target === folder || target.startsWith(`${folder}${path.sep}`);
