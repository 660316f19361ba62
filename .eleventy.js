// Shim so `npx @11ty/eleventy` works in this folder: registers tsx, then hands over to the
// TypeScript config in src/site (which validates content/ and builds into output/site).
import { register } from "tsx/esm/api";

register();
const { eleventyConfigForContent } = await import("./src/site/eleventyCli.ts");

const dir = { input: "content", output: "output/site" };
export default eleventyConfigForContent(dir.input, dir.output);
export const config = { dir };
