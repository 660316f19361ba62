/**
 * Imported before Eleventy. On Node 20, Eleventy 3 registers a module loader hook (its ESM cache
 * buster, for re-importing a changed JavaScript config or data file in its own watch mode) that
 * runs in a thread of its own, through which every later import then passes: ~0.3 s of CPU per
 * command here. Pamphlet runs no JavaScript from the content and never Eleventy's watch mode, so
 * the hook is left out (Eleventy's own switch, 11ty/eleventy#3371).
 */
// Set when empty too: in the bundle (scripts/compile.js) the hook's file is not where Eleventy would look for it.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ||= "true";
