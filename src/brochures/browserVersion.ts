import { spawnSync } from "node:child_process";
import { findBrowser } from "./findBrowser.ts";

/** The Chromium that would print, as `path (version)`, without starting it: part of every brochure's inputs. */
export function browserIdentity(): string {
  const executable = findBrowser();
  const version = spawnSync(executable, ["--version"], { encoding: "utf8", timeout: 10_000 }).stdout?.trim();
  return `${executable} (${version || "unknown version"})`;
}
