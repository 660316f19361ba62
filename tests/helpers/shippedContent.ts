import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ExecutionContext } from "ava";
import { repoRoot } from "./fixtures.ts";

/** A private copy of the shipped `content/` folder, removed after the test, with a way to edit one of its files. */
export async function shippedContent(t: Pick<ExecutionContext, "teardown">) {
  const root = await mkdtemp(path.join(os.tmpdir(), "pamphlet-shipped-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  const contentDir = path.join(root, "content");
  await cp(path.join(repoRoot, "content"), contentDir, { recursive: true });
  const edit = async (file: string, change: (text: string) => string) => {
    const full = path.join(contentDir, file);
    const before = await readFile(full, "utf8");
    const after = change(before);
    if (after === before) throw new Error(`the edit changed nothing in ${file}: the shipped text it looks for has changed`);
    await writeFile(full, after);
  };
  return { root, contentDir, edit };
}
