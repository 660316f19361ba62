// What scripts/pamphlet.js runs: the command line and its signal handling, from one module, so the
// compiled bundle (scripts/compile.js) has one entry. Eleventy's environment comes first: a bundle
// evaluates the packages a module imports before the module's own code, so the site build's
// import of it would come after Eleventy had read it.
import "../site/eleventyEnvironment.ts";

export { runCli } from "./main.ts";
export { exitCleanlyOnSignals } from "../shared/interrupt.ts";
