#!/usr/bin/env node
// The `pamphlet` command: registers tsx so the TypeScript sources run as they are, then runs the CLI.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
const { exitCleanlyOnSignals } = await import("../src/shared/interrupt.ts");
exitCleanlyOnSignals();
process.exitCode = await runCli(process.argv.slice(2));
