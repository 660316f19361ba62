import { PamphletError } from "./errors.ts";

const reasons: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "a folder is in the way of a file",
  EDQUOT: "the disk quota is used up",
};

/**
 * A failed write to the output folder, anywhere in an error's cause chain, as a message a person
 * can act on; undefined for any other error. Eleventy keeps the error it caught in `originalError`,
 * not `cause`: without following it, a full disk was reported as trouble copying a script.
 */
export function outputWriteError(error: unknown): PamphletError | undefined {
  for (let current = error; current instanceof Error; current = current.cause ?? (current as { originalError?: unknown }).originalError) {
    const { code, path } = current as NodeJS.ErrnoException;
    if (code && reasons[code]) {
      return new PamphletError(
        `Could not write ${path ?? "the output"}: ${reasons[code]} (${code}). ` +
          "Check that the output folder (--out) is a writable folder with free space. Your content was not changed.",
        { cause: error },
      );
    }
  }
  return undefined;
}
