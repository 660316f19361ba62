import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { parseFormats } from "./parseFormats.ts";
import { parseShard } from "./parseShard.ts";
import { closestWord } from "../shared/closestWord.ts";
import { PamphletError, UsageError } from "../shared/errors.ts";
import { outputWriteError } from "../shared/fileSystemError.ts";
import { exitCleanlyOnSignals, isStopping } from "../shared/interrupt.ts";

const usage = `Usage: pamphlet <command> [options]

Commands:
  init [dir]          start a new clinic in dir (default: here): clinic.yaml, a sample
                      guide, package.json, README, a publish workflow (--country GB,
                      --host github|netlify|cloudflare); never overwrites a file
  setup               find a browser to print brochures with, or install one
  build               build the site and every brochure into --out
  dev                 preview with live reload on http://localhost:8080
  brochures [slug…]   print brochures from an already built site
  check [file…]       check the content and list every problem (with files:
                      only theirs, and clinic.yaml's)
  serve               serve the built site on http://127.0.0.1:8080 as a static host
                      would (_headers, _redirects, 404 page, sub-path): the print
                      centre and its visit pack work there
  pack <slug…>        one PDF to print for a visit: a cover, then each brochure
                      on a right-hand page (--lang es, --format large, --out FILE,
                      --from DIR: the output folder of the build, default output)

Options:
  --content DIR       the content folder (default: content)
  --out DIR           the output folder (default: output)
  --formats LIST      brochure formats, comma-separated: letter, a4, large, trifold,
                      aftercare, booklet
                      (default: brochureFormats in clinic.yaml, else the clinic's paper)
  --bleed             brochures: add 3 mm bleed and crop marks, for a print shop;
                      written to <out>/print-shop/, never published on the site
  --force             make every brochure, even those whose inputs did not change
  --shard i/n         make only the i-th of n shares of the brochures (split across machines)
  --json              check: print the report as JSON
  --reading-age       check: English reading levels as UK reading ages (years) beside US grades
  --base-path PATH    publish the site under this folder (default: the path of siteUrl)
  --port N            dev and serve port (default: 8080)
  --country CODE      init: the clinic's country (US, CA, GB, IE, AU, NZ, ES): paper,
                      dates, address shape and emergency number follow from it
  --host NAME         init: where the workflow publishes (github, netlify, cloudflare)
  -h, --help          show this help`;

const options = {
  content: { type: "string" },
  out: { type: "string", default: "output" },
  port: { type: "string", default: "8080" },
  formats: { type: "string" },
  bleed: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  "reading-age": { type: "boolean", default: false },
  shard: { type: "string" },
  "base-path": { type: "string" },
  lang: { type: "string" },
  format: { type: "string" },
  from: { type: "string" },
  country: { type: "string" },
  host: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h" },
} as const;

/** Commands that take only options: a word after them is a mistake, not something to ignore. */
const takesNoArguments = ["build", "dev", "serve", "setup"];

/** The commands, as the usage lists them. */
const commands = ["init", "setup", "build", "dev", "brochures", "check", "serve", "pack"];

/** Parses the command line and runs one command; returns the exit status (0 ok, 1 errors, 2 bad usage). */
export async function runCli(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    return fail(new UsageError(optionHint((error as Error).message)));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  if (takesNoArguments.includes(command) && rest.length > 0) {
    const word = rest[0]!;
    const advice = existsSync(word)
      ? `To use another content folder, write --content ${word}`
      : `It reads every guide (\`brochures ${word}\` prints one guide's brochures); for another content folder, write --content DIR`;
    return fail(new UsageError(`"${command}" takes no "${word}": ${advice}`));
  }
  const initOnly = (["country", "host"] as const).find((name) => values[name] !== undefined);
  if (initOnly && command !== "init") {
    const why = command === "serve" && initOnly === "host" ? " (serve listens on 127.0.0.1 only, so nothing else on the network can reach it)" : "";
    return fail(new UsageError(`--${initOnly} is an option of init, not of ${command}${why}.`));
  }
  const outGiven = argv.some((arg) => arg === "--out" || arg.startsWith("--out="));
  try {
    const basePath = values["base-path"] === undefined ? undefined : parseBasePath(values["base-path"]);
    const folders = { contentDir: values.content ?? "content", contentGiven: values.content !== undefined, outDir: values.out, basePath };
    const choice = {
      formats: values.formats === undefined ? undefined : parseFormats(values.formats),
      bleed: values.bleed,
      shard: values.shard === undefined ? undefined : parseShard(values.shard),
      force: values.force,
    };
    // Each command's module is loaded only when it runs: Eleventy and Puppeteer take a while to load.
    switch (command) {
      case "build":
        return await (await import("../commands/build.ts")).runBuild(folders, choice);
      case "brochures":
        return await (await import("../commands/brochures.ts")).runBrochures(folders, rest, choice);
      case "check":
        return await (await import("../commands/check.ts")).runCheck(folders, { json: values.json, files: rest, readingAge: values["reading-age"] });
      case "pack":
        // For pack, --out is the PDF to write; the built brochures are read from --from (default: output).
        return await (await import("../commands/pack.ts")).runPack({ ...folders, outDir: values.from ?? "output" }, rest, {
          lang: values.lang,
          format: values.format,
          file: outGiven ? values.out : undefined,
        });
      case "init":
        return await (await import("../commands/init.ts")).runInit(rest, { country: values.country, host: values.host });
      case "setup":
        return await (await import("../commands/setup.ts")).runSetup();
      case "serve":
        return await (await import("../commands/serve.ts")).runServe(folders, parsePort(values.port));
      case "dev":
        return await (await import("../commands/dev.ts")).runDev(folders, parsePort(values.port));
      default: {
        const likely = closestWord(command, commands);
        throw new UsageError(`Unknown command "${command}".${likely ? ` Did you mean ${likely}?` : ""} The commands: ${commands.join(", ")}.`);
      }
    }
  } catch (error) {
    return fail(error);
  }
}

/** Node's "Unknown option '--contnet'. To specify a positional argument…" as one line, with the likely option. */
function optionHint(message: string): string {
  const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
  if (!unknown) return message;
  const likely = closestWord(unknown.replace(/^-+/, ""), Object.keys(options));
  return `Unknown option '${unknown}'.${likely ? ` Did you mean --${likely}?` : ""}`;
}

/** `--base-path`: a folder on the site, such as `/clinic/`; never `..`, `?`, `#` or a backslash, which would put pages elsewhere. */
function parseBasePath(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {}
  const segments = decoded.split("/").filter(Boolean);
  if (segments.some((segment) => segment === "." || segment === "..") || /[?#\\\s\p{Cc}]/u.test(decoded)) {
    throw new UsageError(`--base-path must be a folder on the site, such as /clinic/, with no "..", ".", "?", "#", backslash or space; got "${text}"`);
  }
  return text;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535; got "${text}"`);
  return port;
}

/** Says why a command failed, and returns its exit status. */
export function fail(error: unknown): number {
  const writeError = outputWriteError(error);
  if (writeError) {
    console.error(writeError.message);
    return 1;
  }
  if (error instanceof UsageError) {
    // The one line that says what is wrong, not under 40 lines of help it would scroll away behind.
    console.error(`${error.message}\n(npx pamphlet --help lists every command and option.)`);
    return 2;
  }
  if (error instanceof PamphletError) {
    console.error(error.message);
    return 1;
  }
  // Once a signal has begun the cleanups, an unexpected error is theirs (a staging folder removed under
  // Pagefind's writer): "Stopping (SIGINT)…" has said why the command ends.
  if (isStopping()) return 1;
  console.error(error);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  exitCleanlyOnSignals();
  process.exitCode = await runCli(process.argv.slice(2));
}
