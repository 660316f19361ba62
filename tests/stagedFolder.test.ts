import test, { type ExecutionContext } from "ava";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setAsideRemoved, swapInto, withStagedFolder } from "../src/shared/stagedFolder.ts";

/** The pid of a process that has ended: what a build killed by SIGKILL leaves in its folders' names. */
const endedPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

/** A temporary folder for a published folder and its staging, removed after the test. */
async function parentFolder(t: ExecutionContext): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "pamphlet-staged-"));
  t.teardown(() => rm(parent, { recursive: true, force: true }));
  return parent;
}

async function folderWith(parent: string, name: string, file: string, text: string): Promise<void> {
  await mkdir(path.join(parent, name), { recursive: true });
  await writeFile(path.join(parent, name, file), text);
}

test("a swap puts the new folder in place and leaves nothing staged beside it", async (t) => {
  const parent = await parentFolder(t);
  const site = path.join(parent, "site");
  await folderWith(parent, "site", "index.html", "old");
  await withStagedFolder(
    { target: site, purpose: "staging" },
    (folder) => folderWith(path.dirname(folder), path.basename(folder), "index.html", "new"),
    swapInto(site),
  );
  t.is(await readFile(path.join(site, "index.html"), "utf8"), "new");
  await setAsideRemoved();
  t.deepEqual(await readdir(parent), ["site"], "the old folder is removed once it has been set aside");
});

test("a swap returns before the folder it set aside is removed, and the next swap into the same place waits for that removal", async (t) => {
  const parent = await parentFolder(t);
  const site = path.join(parent, "site");
  /** A staged folder as big as a site's: removing it takes a while. */
  const fillWith = (text: string) => async (folder: string) => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => folderWith(folder, `page-${i}`, "index.html", text)));
  };
  await withStagedFolder({ target: site, purpose: "staging" }, fillWith("first"), swapInto(site));
  const third = path.join(parent, "third");
  await folderWith(third, "page-0", "index.html", "third");
  await withStagedFolder({ target: site, purpose: "staging" }, fillWith("second"), swapInto(site));
  t.true(
    (await readdir(parent)).some((name) => name.startsWith("site.previous-")),
    "the first site is still being removed when the swap returns",
  );
  // Swapped again at once: the name it sets the second site aside under is the one still being removed.
  await swapInto(site)(third);
  t.deepEqual(await readdir(site), ["page-0"]);
  t.is(await readFile(path.join(site, "page-0", "index.html"), "utf8"), "third");
  await setAsideRemoved();
  t.deepEqual(await readdir(parent), ["site"], "and every set-aside folder is removed");
});

test("a new folder that cannot be put in place (gone from staging) leaves the published folder as it was, not removed", async (t) => {
  const parent = await parentFolder(t);
  const site = path.join(parent, "site");
  await folderWith(parent, "site", "index.html", "old");
  const vanish = (folder: string) => rm(folder, { recursive: true, force: true });
  await t.throwsAsync(withStagedFolder({ target: site, purpose: "staging" }, vanish, swapInto(site)), { code: "ENOENT" });
  t.is(await readFile(path.join(site, "index.html"), "utf8"), "old");
  await setAsideRemoved();
  t.deepEqual(await readdir(parent), ["site"]);
});

test("a failed fill leaves the published folder as it was", async (t) => {
  const parent = await parentFolder(t);
  const site = path.join(parent, "site");
  await folderWith(parent, "site", "index.html", "old");
  const fill = async (folder: string) => {
    await folderWith(path.dirname(folder), path.basename(folder), "index.html", "half");
    throw new Error("the build failed");
  };
  await t.throwsAsync(withStagedFolder({ target: site, purpose: "staging" }, fill, swapInto(site)), { message: "the build failed" });
  t.is(await readFile(path.join(site, "index.html"), "utf8"), "old");
  t.deepEqual(await readdir(parent), ["site"]);
});

test("folders left by a killed build are recovered: the set-aside site put back, stale staging of any kind removed", async (t) => {
  const parent = await parentFolder(t);
  const site = path.join(parent, "site");
  const dead = endedPid();
  // Killed between the swap's two renames: no site, the previous one beside it.
  await folderWith(parent, `site.previous-${dead}`, "index.html", "old");
  await folderWith(parent, `site.staging-${dead}`, "index.html", "half");
  await folderWith(parent, `site.print-centre-${dead}`, "index.html", "half");
  // Not Pamphlet's: a clinic's own backup with a number in its name stays.
  await folderWith(parent, "site.backup-2024", "index.html", "theirs");
  let seen = "";
  await withStagedFolder(
    { target: site, purpose: "print-centre" },
    async () => {
      seen = await readFile(path.join(site, "index.html"), "utf8");
    },
    async () => undefined,
  );
  t.is(seen, "old", "the previous site was put back before the work began");
  t.deepEqual((await readdir(parent)).sort(), ["site", "site.backup-2024"]);
  t.false(existsSync(path.join(parent, `site.print-centre-${process.pid}`)));
});

test.serial("a folder set aside that cannot be removed is reported, by the end of the run and by the next swap, until it can be", async (t) => {
  const parent = await parentFolder(t);
  const site = path.join(parent, "site");
  await folderWith(parent, "site", "index.html", "first");
  // A file not even root may remove (ext4's immutable flag), in the site about to be set aside.
  const stuck = path.join(site, "index.html");
  execFileSync("chattr", ["+i", stuck]);
  // Removable again however the test ends, wherever the file then is.
  t.teardown(() => void spawnSync("chattr", ["-R", "-i", parent]));
  const swapIn = (text: string) =>
    withStagedFolder(
      { target: site, purpose: "staging" },
      (folder) => folderWith(path.dirname(folder), path.basename(folder), "index.html", text),
      swapInto(site),
    );
  await swapIn("second");
  t.is(await readFile(path.join(site, "index.html"), "utf8"), "second", "the new folder is in place all the same");
  const previous = `site.previous-${process.pid}`;
  await t.throwsAsync(setAsideRemoved(), {
    message: new RegExp(`${previous}, set aside when a new copy took its place, could not be removed \\(.*index\\.html.*\\): remove it`),
  });
  await t.throwsAsync(swapIn("third"), { message: /could not be removed \(.*index\.html/ }, "the next swap says why it cannot set the second folder aside");
  t.is(await readFile(path.join(site, "index.html"), "utf8"), "second", "and leaves the folder in place as it was");
  execFileSync("chattr", ["-i", path.join(parent, previous, "index.html")]);
  await swapIn("third");
  t.is(await readFile(path.join(site, "index.html"), "utf8"), "third");
  await setAsideRemoved();
  t.deepEqual(await readdir(parent), ["site"]);
});
