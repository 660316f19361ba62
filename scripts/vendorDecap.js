// `prepare` (npm install from git, npm pack, npm publish): copies Decap CMS's browser build into
// vendor/decap-cms/, so an installed Pamphlet ships the ~6 MB the editor serves instead of
// depending on decap-cms, whose npm package brings ~450 MB of build-time dependencies with it.
// Skipped quietly where decap-cms is not installed (npm ci --omit=dev).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
let dist;
try {
  dist = path.join(path.dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");
} catch {
  process.exit(0);
}
const target = path.join(root, "vendor", "decap-cms");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const files = readdirSync(dist).filter((name) => /^(?:\d+\.)?decap-cms\.js$/.test(name));
for (const name of files) copyFileSync(path.join(dist, name), path.join(target, name));
if (!existsSync(path.join(target, "decap-cms.js"))) throw new Error(`decap-cms has no dist/decap-cms.js in ${dist}`);
// On stderr: `npm pack --json` prints its JSON on stdout.
console.error(`vendor/decap-cms: ${files.length} files from decap-cms`);
