import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import test from "ava";
import { repoRoot } from "./helpers/fixtures.ts";

/** Node's release lines that have reached their end of life: no security fixes (Node 20's ended 2026-04-30). */
const endOfLife = new Set([14, 16, 18, 20, 21, 23]);

test("the publish workflows init writes, and the README's, run a Node that is maintained and that Pamphlet supports", (t) => {
  const minimum = Number(/>=\s*(\d+)/.exec(JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).engines.node)![1]);
  const dir = path.join(repoRoot, "starter", "workflows");
  const files = [...readdirSync(dir).map((name) => path.join(dir, name)), path.join(repoRoot, "README.md")];
  const versions = files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/node-version: (\d+)/g)].map((match) => ({ file: path.relative(repoRoot, file), major: Number(match[1]) })),
  );
  t.true(versions.length >= 4, "every workflow names its Node");
  t.deepEqual(
    versions.filter(({ major }) => endOfLife.has(major) || major < minimum),
    [],
  );
});
