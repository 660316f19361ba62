#!/usr/bin/env node
// The `pamphlet` command: runs the compiled JavaScript in dist/ (its bundle) when it is current with src/, else
// registers tsx so the TypeScript sources run as they are (a checkout being edited), then runs the CLI.
import module from "node:module";
import { fileURLToPath } from "node:url";
import { compiledCli } from "./compiledCli.js";

// Node 22.1 and later keep V8's compiled code for the 1300 or so modules a build loads, between runs,
// in the system's temporary folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off). Measured on Node 22:
// loading a build's modules took 510 ms with it against 650 ms without. Node 20 has none: nothing happens.
module.enableCompileCache?.();

const compiled = compiledCli(fileURLToPath(new URL("..", import.meta.url)));
if (!compiled) (await import("tsx/esm/api")).register();
const { runCli, exitCleanlyOnSignals } = await import(compiled ? "../dist/bundle/entry.js" : "../src/cli/entry.ts");
exitCleanlyOnSignals();
process.exitCode = await runCli(process.argv.slice(2));
