import test from "ava";
import { commandLine } from "../src/cli/commandLine.ts";

const folders = { contentDir: "../clinic/content", contentGiven: true, outDir: "site out" };

test("hints name the command as the user runs it: an npm script of Pamphlet's, else npx, with the folders given", (t) => {
  t.is(commandLine("check", undefined, [], { npm_lifecycle_event: "build" }), "npm run check");
  t.is(commandLine("check", folders, [], { npm_lifecycle_event: "build" }), 'npm run check -- --content ../clinic/content --out "site out"');
  t.is(commandLine("check", folders, [], {}), 'npx pamphlet check --content ../clinic/content --out "site out"');
  // `npm test`, or another tool's script, is not the user running Pamphlet's own script.
  t.is(commandLine("check", undefined, [], { npm_lifecycle_event: "test" }), "npx pamphlet check");
  t.is(commandLine("brochures", { contentDir: "content", outDir: "output" }, ["--formats", "a4"], {}), "npx pamphlet brochures --formats a4");
});
