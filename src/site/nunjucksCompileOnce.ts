import type { UserConfig } from "@11ty/eleventy";

/** The parts of a Nunjucks template this touches. */
interface NunjucksTemplate {
  env: object;
  path?: string;
  tmplStr: string;
  tmplProps?: Record<string, unknown>;
  rootRenderFunc: unknown;
  blocks: Record<string, unknown>;
  _compile(): void;
}

type TemplateClass = { prototype: NunjucksTemplate };

/** Compiled code per Nunjucks environment (one per Eleventy run), per template path and text. */
const compiled = new WeakMap<object, Map<string, Record<string, unknown>>>();
const patched = new WeakSet<TemplateClass>();

/**
 * Eleventy 3.1 compiles a Nunjucks page template again for every page it paginates into, and every
 * layout again for every page (its own compile cache skips Nunjucks, leaving it to Nunjucks' cache,
 * which only covers templates loaded by name). Pamphlet paginates six templates over every procedure,
 * so most of a build went on compiling the same few templates over again. The compiled code depends
 * only on the template's text and the environment's settings, so it is kept per environment: each
 * Eleventy run has its own, and a template edited between runs is compiled anew.
 */
export function nunjucksCompileOnce(eleventyConfig: UserConfig) {
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks }: { nunjucks: { Template: TemplateClass } }) => {
    const Template = nunjucks.Template;
    if (patched.has(Template)) return;
    patched.add(Template);
    const compile = Template.prototype._compile;
    Template.prototype._compile = function (this: NunjucksTemplate) {
      if (this.tmplProps) return compile.call(this); // precompiled already
      let known = compiled.get(this.env);
      if (!known) compiled.set(this.env, (known = new Map()));
      const key = `${this.path ?? ""}\0${this.tmplStr}`;
      const props = known.get(key);
      if (props) {
        this.tmplProps = props;
        return compile.call(this);
      }
      compile.call(this);
      // The same shape Nunjucks compiles to: `root`, and `b_<name>` for each block.
      known.set(key, { root: this.rootRenderFunc, ...Object.fromEntries(Object.entries(this.blocks).map(([name, block]) => [`b_${name}`, block])) });
    };
  });
}
