import { realpathSync, statSync } from "node:fs";
import { findBrowser } from "./findBrowser.ts";

/**
 * The Chromium that would print, without starting it: its path, size and modification time (an
 * upgrade replaces the file). Part of every brochure's inputs, so a new Chromium prints everything again.
 */
export function browserIdentity(): string {
  const executable = findBrowser();
  const { size, mtimeMs } = statSync(realpathSync(executable));
  return `${executable} ${size} ${Math.round(mtimeMs)}`;
}
