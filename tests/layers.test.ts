import test from "ava";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The one-way pipeline (ARCHITECTURE.md): content → site (+ its views manifest) → brochures →
 * publish, with shared/ at the bottom. Each folder of src/ may import only the folders listed here
 * (and itself); the folders at the top (cli, commands, dev, init, serve) wire the rest together.
 */
const allowed: Record<string, readonly string[]> = {
  shared: [],
  content: ["shared"],
  check: ["content", "shared"],
  editor: ["check", "content", "shared"],
  site: ["editor", "content", "shared"],
  brochures: ["shared"],
  publish: ["site", "brochures", "content", "shared"],
};

const srcDir = path.resolve("src");
const sourceFiles = (readdirSync(srcDir, { recursive: true }) as string[]).filter((file) => /\.(ts|js)$/.test(file)).map((file) => path.join(srcDir, file));

/** Every relative module a file imports, statically, by `export … from`, or with `import()`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

const layerOf = (file: string) => path.relative(srcDir, file).split(path.sep)[0]!;
const graph = new Map(sourceFiles.map((file) => [file, importsOf(file)]));

test("the import reader sees static, re-exported and dynamic imports (so the rules below can fail)", (t) => {
  const site = path.join(srcDir, "site", "config.ts");
  t.true(graph.get(site)!.some((target) => layerOf(target) === "content"));
  const build = readFileSync(path.join(srcDir, "commands", "build.ts"), "utf8");
  t.regex(build, /await import\(/);
  t.true(graph.get(path.join(srcDir, "commands", "build.ts"))!.some((target) => target.endsWith(path.join("site", "build.ts"))));
});

test("each layer imports only the layers below it: brochures only shared/, content neither site nor brochures, check neither", (t) => {
  const broken = [...graph].flatMap(([file, targets]) => {
    const rules = allowed[layerOf(file)];
    if (!rules) return [];
    return targets
      .filter((target) => layerOf(target) !== layerOf(file) && !rules.includes(layerOf(target)))
      .map((target) => `${path.relative(srcDir, file)} → ${path.relative(srcDir, target)}`);
  });
  t.deepEqual(broken, []);
});

test("no import circle between the files of src/", (t) => {
  const circles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "visiting") {
      circles.push([...trail.slice(trail.indexOf(file)), file].map((step) => path.relative(srcDir, step)).join(" → "));
      return;
    }
    state.set(file, "visiting");
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  t.deepEqual(circles, []);
});
