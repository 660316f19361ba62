import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { repoRoot } from "./helpers/fixtures.ts";

const run = promisify(execFile);

/**
 * A small Pamphlet laid out as the real one (scripts/, src/, dist/ with its bundle, node_modules), whose entry
 * modules say which of src/ and dist/ ran; dist/ compiled from src/ as it is now, as compile does.
 */
async function smallPamphlet(t: { teardown: (fn: () => unknown) => void }) {
  const root = await mkdtemp(path.join(os.tmpdir(), "pamphlet-compiled-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await cp(path.join(repoRoot, "scripts", "pamphlet.js"), path.join(root, "scripts", "pamphlet.js"));
  await cp(path.join(repoRoot, "scripts", "compiledCli.js"), path.join(root, "scripts", "compiledCli.js"));
  await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"));
  await writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
  for (const [tree, entry] of [
    ["src", "cli/entry.ts"],
    ["dist", "bundle/entry.js"],
  ]) {
    await mkdir(path.join(root, tree!, "cli"), { recursive: true });
    await mkdir(path.join(root, tree!, "shared"), { recursive: true });
    await mkdir(path.join(root, tree!, path.dirname(entry!)), { recursive: true });
    const typed = entry!.endsWith(".ts") ? ": string[]" : "";
    await writeFile(
      path.join(root, tree!, entry!),
      `export async function runCli(args${typed}) { console.log("${tree}", ...args); return 0; }\nexport function exitCleanlyOnSignals() {}\n`,
    );
    await writeFile(path.join(root, tree!, "shared", `interrupt.${entry!.endsWith(".ts") ? "ts" : "js"}`), "export const interrupt = 1;\n");
  }
  const stamp = async () => {
    const { stdout } = await run(process.execPath, [
      "--input-type=module",
      "-e",
      `import { sourcesHash, compiledStamp } from ${JSON.stringify(path.join(root, "scripts", "compiledCli.js"))};` +
        `import { writeFileSync } from "node:fs";` +
        `writeFileSync(${JSON.stringify(path.join(root, "dist"))} + "/" + compiledStamp, sourcesHash(${JSON.stringify(root)}));` +
        `console.log("stamped");`,
    ]);
    return stdout.trim();
  };
  const ran = async () => (await run(process.execPath, [path.join(root, "scripts", "pamphlet.js"), "build"])).stdout.trim();
  return { root, stamp, ran };
}

test("pamphlet runs dist/ when it was compiled from src/ as it is now, and the sources when one was edited, added or removed since", async (t) => {
  const small = await smallPamphlet(t);
  t.is(await small.ran(), "src build", "never compiled: the sources");
  t.is(await small.stamp(), "stamped");
  t.is(await small.ran(), "dist build", "compiled from these sources: dist/");

  await writeFile(path.join(small.root, "src", "shared", "interrupt.ts"), "export function exitCleanlyOnSignals() { /* edited */ }\n");
  t.is(await small.ran(), "src build", "a source edited since");
  await small.stamp();
  t.is(await small.ran(), "dist build");

  await writeFile(path.join(small.root, "src", "shared", "added.ts"), "export const added = 1;\n");
  t.is(await small.ran(), "src build", "a source added since");
  await small.stamp();
  t.is(await small.ran(), "dist build");

  await rm(path.join(small.root, "src", "shared", "added.ts"));
  t.is(await small.ran(), "src build", "a source removed since");
  await small.stamp();

  await writeFile(path.join(small.root, "tsconfig.dist.json"), JSON.stringify({ compilerOptions: { target: "ES2020" } }));
  t.is(await small.ran(), "src build", "other compiler settings since");
  await small.stamp();

  // npm never packs these: a package made where they lie about must still run its compiled code.
  await writeFile(path.join(small.root, "src", "shared", ".DS_Store"), "Finder");
  await writeFile(path.join(small.root, "src", "cli", ".main.ts.swp"), "vim");
  t.is(await small.ran(), "dist build", "editor and Finder leftovers are not sources");
});

test("compile bundles again when the locked dependencies change, though src/ has not: the bundle holds their code", async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), "pamphlet-compiled-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  for (const file of ["scripts/compile.js", "scripts/compiledCli.js", "tsconfig.json", "tsconfig.dist.json", "package-lock.json"]) {
    await cp(path.join(repoRoot, file), path.join(root, file));
  }
  await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"));
  await writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
  await mkdir(path.join(root, "src", "cli"), { recursive: true });
  await writeFile(
    path.join(root, "src", "cli", "entry.ts"),
    "export const runCli = async (): Promise<number> => 0;\nexport function exitCleanlyOnSignals() {}\n",
  );
  const compile = () => run(process.execPath, [path.join(root, "scripts", "compile.js")]);
  const bundled = () => stat(path.join(root, "dist", "bundle", "entry.js")).then((file) => file.ino);
  await compile();
  const first = await bundled();
  await compile();
  t.is(await bundled(), first, "nothing changed: left as it is");
  await writeFile(path.join(root, "package-lock.json"), `${await readFile(path.join(root, "package-lock.json"), "utf8")}\n`);
  await compile();
  t.not(await bundled(), first, "an npm update changed the lock file: bundled again");
});
