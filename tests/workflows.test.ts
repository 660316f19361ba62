import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import test from "ava";
import YAML from "yaml";
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

test("each publish workflow restores the last publish's output/ before building, and keeps this one's under a key of its own", (t) => {
  const dir = path.join(repoRoot, "starter", "workflows");
  for (const name of readdirSync(dir)) {
    const workflow = YAML.parse(readFileSync(path.join(dir, name), "utf8")) as { jobs: Record<string, { steps: WorkflowStep[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const cache = steps.findIndex((step) => step.uses?.startsWith("actions/cache@"));
    const build = steps.findIndex((step) => step.run?.startsWith("npx pamphlet build"));
    t.true(cache >= 0 && cache < build, `${name}: the cache is restored before the build`);
    const { path: cached, key, "restore-keys": restoreKeys } = steps[cache]?.with ?? {};
    t.is(cached, "output", name);
    // A key of its own per commit, so each publish saves its output; the newest earlier one is restored.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    t.is(key, "pamphlet-output-${{ github.sha }}", name);
    t.is(restoreKeys, "pamphlet-output-", name);
  }
});

test("each publish workflow checks out the whole history, which check reads for guides changed since their review (a shallow one hid them)", (t) => {
  const dir = path.join(repoRoot, "starter", "workflows");
  for (const name of readdirSync(dir)) {
    const workflow = YAML.parse(readFileSync(path.join(dir, name), "utf8")) as { jobs: Record<string, { steps: WorkflowStep[] }> };
    const checkouts = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .filter((step) => step.uses?.startsWith("actions/checkout@"));
    t.true(checkouts.length > 0, name);
    for (const checkout of checkouts) t.is(checkout.with?.["fetch-depth"], 0, `${name}: fetch-depth 0`);
  }
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  t.deepEqual(readme.match(/uses: actions\/checkout@v\d+\n(?!\s+with: \{ fetch-depth: 0 \})/g), null, "the README's workflows too");
});

interface WorkflowStep {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}
