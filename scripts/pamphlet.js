#!/usr/bin/env node
// The `pamphlet` command: runs the compiled JavaScript in dist/ when it is current with src/, else
// registers tsx so the TypeScript sources run as they are (a checkout being edited), then runs the CLI.
import { fileURLToPath } from "node:url";
import { compiledCli } from "./compiledCli.js";

const compiled = compiledCli(fileURLToPath(new URL("..", import.meta.url)));
if (!compiled) (await import("tsx/esm/api")).register();
const entry = (file) => new URL(compiled ? `../dist/${file}.js` : `../src/${file}.ts`, import.meta.url).href;
const { runCli } = await import(entry("cli/main"));
const { exitCleanlyOnSignals } = await import(entry("shared/interrupt"));
exitCleanlyOnSignals();
process.exitCode = await runCli(process.argv.slice(2));
