import { execFileSync } from "node:child_process";

/** The folders of Pamphlet's own code. */
export const sourceFolders = ["src", "tests", "bench", "scripts"];

/**
 * Pamphlet's own tracked source files in those folders, the *.client.js browser scripts too; the
 * third-party code (Decap CMS) goes to vendor/, which is not its own.
 */
export const sourceFiles = execFileSync("git", ["ls-files", "-z", "--", ...sourceFolders], { encoding: "utf8" })
  .split("\0")
  .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.split("/").includes("vendor"));
