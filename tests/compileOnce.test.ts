import { createRequire } from "node:module";
import test from "ava";
import { loadForBuild } from "../src/check/runChecks.ts";
import { loadContentOrThrow } from "../src/content/load.ts";
import { renderSite } from "../src/site/build.ts";
import { markdown } from "../src/content/markdown.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";

// The Nunjucks that Eleventy uses: its compiler, counted.
const nunjucks = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))("nunjucks") as {
  compiler: { compile: (...args: unknown[]) => string };
};

test.serial("each template is compiled once per build, however many procedures it renders", async (t) => {
  const site = await fixtureSite(t);
  const compile = nunjucks.compiler.compile;
  let compiles = 0;
  nunjucks.compiler.compile = (...args) => {
    compiles++;
    return compile(...args);
  };
  t.teardown(() => {
    nunjucks.compiler.compile = compile;
  });
  const countCompiles = async () => {
    compiles = 0;
    const pages = await renderSite({ content: await loadContentOrThrow(site.contentDir), contentDir: site.contentDir });
    return { compiles, pages: pages.length };
  };
  const few = await countCompiles();
  for (let i = 1; i <= 6; i++) await writeProcedure(site, `extra-${i}`, procedureText({ title: `Extra ${i}` }));
  const many = await countCompiles();
  t.true(many.pages >= few.pages + 6 * 5, `six more procedures add their pages (${few.pages} → ${many.pages})`);
  t.is(many.compiles, few.compiles, "no more compiles for more pages");
});

test.serial("each Markdown body is parsed once for the checks and every view of the site", async (t) => {
  const site = await fixtureSite(t);
  for (let i = 1; i <= 3; i++)
    await writeProcedure(
      site,
      `parsed-${i}`,
      procedureText({ title: `Parsed ${i}` }, `## What it is\n\nBody number ${i} with [a link](/procedures/sclerotherapy/).\n`),
    );
  const parse = markdown.parse;
  const parses = new Map<string, number>();
  markdown.parse = (body, env) => {
    parses.set(body, (parses.get(body) ?? 0) + 1);
    return parse.call(markdown, body, env);
  };
  t.teardown(() => {
    markdown.parse = parse;
  });
  const loaded = await loadForBuild(site.contentDir);
  t.truthy(loaded.content, JSON.stringify(loaded.problems));
  await renderSite({ content: loaded.content!, contentDir: site.contentDir });
  const body = loaded.content!.procedures.find((procedure) => procedure.slug === "parsed-2")!.body;
  t.is(parses.get(body), 1, "the link check, the readability check, the page and its print views share one parse");
  t.deepEqual(
    [...parses].filter(([, count]) => count > 1),
    [],
  );
});
