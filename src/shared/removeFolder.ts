import { rm } from "node:fs/promises";

/**
 * Removes a folder and all it holds, if it is there. After a page fails, Eleventy may still be
 * writing other pages into the staging folder for a moment: rm retries while it refills
 * (ENOTEMPTY), so the cleanup neither fails nor hides the error that stopped the build.
 */
export const removeFolder = (dir: string) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
