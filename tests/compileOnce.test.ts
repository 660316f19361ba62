import { createRequire } from "node:module";
import test from "ava";
import { loadContentOrThrow } from "../src/content/load.ts";
import { renderSite } from "../src/site/build.ts";
import { fixtureSite, procedureText, writeProcedure } from "./helpers/fixtures.ts";

// The Nunjucks that Eleventy uses: its compiler, counted.
const nunjucks = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))("nunjucks") as { compiler: { compile: (...args: unknown[]) => string } };

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
