import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import { linkOrCopy } from "../src/shared/linkOrCopy.ts";

async function folderIn(t: ExecutionContext, parent: string): Promise<string> {
  const folder = await mkdtemp(path.join(parent, "pamphlet-link-"));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

test("files are linked into folders made for them, on the same disk: one file, two names", async (t) => {
  const from = await folderIn(t, os.tmpdir());
  const to = path.join(from, "new-site");
  const files = ["print/a/index.html", "print/b/index.html", "print/b/large/index.html"].map((name) => ({
    source: path.join(from, name.replaceAll("/", "-")),
    target: path.join(to, name),
  }));
  for (const { source } of files) await writeFile(source, path.basename(source));
  await linkOrCopy(files);
  for (const { source, target } of files) t.is(statSync(target).ino, statSync(source).ino, target);
});

test("across disks, where a link cannot be made, each file is copied", async (t) => {
  t.true(existsSync("/dev/shm"), "this test needs a second disk: /dev/shm (tmpfs)");
  const from = await folderIn(t, "/dev/shm");
  const to = path.join(await folderIn(t, os.tmpdir()), "site");
  const source = path.join(from, "guide.pdf");
  await writeFile(source, "%PDF-1.7 a brochure");
  await linkOrCopy([{ source, target: path.join(to, "brochures", "guide.pdf") }]);
  t.is(await readFile(path.join(to, "brochures", "guide.pdf"), "utf8"), "%PDF-1.7 a brochure");
});

test("a folder that cannot be made fails the call with the file system's own error", async (t) => {
  const from = await folderIn(t, os.tmpdir());
  const source = path.join(from, "page.html");
  await writeFile(source, "page");
  await writeFile(path.join(from, "a-file"), "not a folder");
  await t.throwsAsync(linkOrCopy([{ source, target: path.join(from, "a-file", "page", "index.html") }]), { code: "ENOTDIR" });
});
