import { lstat, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../shared/problem.ts";
import { displayPath } from "../shared/displayPath.ts";
import { specialFileProblem, specialKind } from "./specialFiles.ts";

/** Largest source file accepted: a procedure write-up is a few kilobytes; megabytes mean a wrong file. */
const maxSourceBytes = 1024 * 1024;

/** Reads a source file as UTF-8 text with `\n` line ends, or says why it cannot be read. */
export async function readSourceText(file: string): Promise<{ text: string } | { problem: Problem }> {
  const shown = displayPath(file);
  const fail = (message: string) => ({ problem: { file: shown, severity: "error" as const, message, rule: "file" } });
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === "ELOOP") return fail("is a link that leads back to itself (a loop): remove it, or point it at the real file");
    if (info.code === "ENOENT" && (await lstat(file).catch(() => undefined))?.isSymbolicLink())
      return fail("is a link to a file that does not exist: remove it, or point it at the real file");
    throw info;
  }
  if (info.isDirectory()) return fail(`is a folder, not a file: a guide is a Markdown file. Rename the folder (without ${path.extname(file)})`);
  // Opening a FIFO would wait for ever; a device or socket is no source either.
  const kind = specialKind(info);
  if (kind) return { problem: specialFileProblem(file, `${(await lstat(file)).isSymbolicLink() ? "is a link to" : "is"} ${kind}`) };
  if (info.size > maxSourceBytes) {
    return fail(`is ${(info.size / 1024 / 1024).toFixed(1)} MB; a source file may be at most 1 MB. Check that this is the right file`);
  }
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("is not UTF-8 text: open it in your editor and save it with UTF-8 encoding");
  }
  // UTF-16 without a byte order mark decodes as "UTF-8" with a NUL byte beside every letter.
  if (text.includes("\0")) {
    const utf16 = (text.match(/\0/g)?.length ?? 0) >= text.length / 3;
    return fail(
      utf16
        ? "is UTF-16 text, not UTF-8: open it in your editor and save it with UTF-8 encoding"
        : "holds NUL bytes, so it is not a text file: check that this is the right file",
    );
  }
  return { text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n") };
}
