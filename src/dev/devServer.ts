import { overrideFolders } from "../site/clinicOverrides.ts";
import { commandLine } from "../cli/commandLine.ts";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type http from "node:http";
import { createRequire as requireFrom } from "node:module";
import path from "node:path";
import { watch } from "chokidar";
import { PamphletError } from "../shared/errors.ts";
import { checkReadingLevel } from "../check/readingLevel.ts";
import { checkReminder, editorialFindings, loadForBuild, sortProblems } from "../check/runChecks.ts";
import type { Content } from "../content/load.ts";
import { formatProblem, formatProblems, hasErrors, type Problem } from "../shared/problem.ts";
import { buildSite } from "../site/build.ts";
import { templatesDir } from "../shared/installPaths.ts";
import { startSiteServer, type SiteServer } from "../brochures/siteServer.ts";
import { devBrochureRoute } from "./devBrochures.ts";
import { devPrintCentre } from "./devPrintCentre.ts";
import { readViewsManifest } from "../brochures/readViewsManifest.ts";
import { clinicFormats } from "../shared/formats.ts";
import { devEditorRoute } from "../editor/devEditor.ts";
import { LiveReload } from "./liveReload.ts";

export interface DevOptions {
  contentDir: string;
  /** The dev build lands here, apart from `output/site`, so a dev page (with its reload script) is never published. */
  siteDir: string;
  port: number;
}

export interface DevServer {
  origin: string;
  /** Resolves after the next rebuild, for tests. */
  close(): Promise<void>;
}

/**
 * `pamphlet dev`: builds once, serves the site on loopback, and rebuilds on every change to content,
 * templates or CSS. A content error is shown in the terminal and over the page; the server keeps going.
 * What `check` says of a guide (claims, sections, reading level) is shown on its pages as the writer works.
 */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const live = new LiveReload();
  const clientScripts: Record<string, string> = {
    "/__pamphlet/live-reload.js": await readFile(new URL("./liveReload.client.js", import.meta.url), "utf8"),
    "/__pamphlet/page-preview.js": await readFile(new URL("./pagePreview.client.js", import.meta.url), "utf8"),
    "/__pamphlet/writer-notes.js": await readFile(new URL("./writerNotes.client.js", import.meta.url), "utf8"),
  };
  let content: Content | undefined;
  /** What the checks say of each source file, as the terminal writes it: shown on that file's pages. */
  let notes: ReturnType<typeof notesByFile> = new Map();
  const brochures = devBrochureRoute(() => content, () => live.problems);
  const editor = devEditorRoute(options.contentDir, () => content?.clinic);

  // Between the two renames of a swap the site folder is briefly absent: requests wait it out.
  let swapping: Promise<void> | undefined;
  const duringSwap = async (swap: () => Promise<void>) => {
    swapping = swap();
    try {
      await swapping;
    } finally {
      swapping = undefined;
    }
  };

  /** Whether the last build succeeded, so its site should be there. */
  let built = false;
  const rebuild = async () => {
    const started = performance.now();
    try {
      const loaded = await loadForBuild(options.contentDir);
      if (loaded.problems.length > 0) console.error(formatProblems(loaded.problems, Boolean(process.stderr.isTTY)));
      if (!loaded.content || hasErrors(loaded.problems)) {
        built = false;
        return live.showProblems(formatProblems(loaded.problems));
      }
      await buildSite({ content: loaded.content, contentDir: options.contentDir, siteDir: options.siteDir, dev: true, duringSwap });
      content = loaded.content;
      // What check says of each guide, worked out once: for its pages, and the terminal's one-line reminder.
      const findings = editorialFindings(loaded.content, options.contentDir);
      const reading = checkReadingLevel({ content: loaded.content, contentDir: options.contentDir, today: new Date() }).problems;
      notes = notesByFile([...loaded.problems, ...findings, ...reading]);
      built = true;
      console.log(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      const reminder = checkReminder(findings, commandLine("check", { contentDir: options.contentDir, contentGiven: options.contentDir !== "content", outDir: "output" }));
      if (reminder) console.error(reminder);
      live.reload();
    } catch (error) {
      built = false;
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      live.showProblems(message);
    }
  };
  const queue = new RebuildQueue(rebuild);
  await rebuild();

  let server: SiteServer;
  try {
    server = await startSiteServer(options.siteDir, {
      live: true,
      port: options.port,
      before: (request, response) => route(request, response),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new PamphletError(`Port ${options.port} is already in use: stop the other server, or pick another port with --port.`);
    }
    throw error;
  }
  brochures.setOrigin(server.origin);

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    // Only this machine's own names: a web page whose domain is made to resolve to 127.0.0.1 (DNS
    // rebinding) must not read the preview or have it print.
    if (!/^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(request.headers.host ?? "")) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      response.end("Pamphlet's preview answers only to http://localhost or http://127.0.0.1.\n");
      return true;
    }
    await swapping?.catch(() => undefined);
    if (built && !existsSync(options.siteDir)) {
      console.log(`${options.siteDir} is gone (was output/ deleted?): building it again`);
      await queue.now();
    }
    const url = new URL(request.url ?? "/", server?.origin ?? "http://127.0.0.1");
    const script = clientScripts[url.pathname];
    if (script) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      response.end(script);
      return true;
    }
    if (url.pathname.startsWith("/__pamphlet/pdfjs/")) return servePdfJs(url.pathname, response);
    if (await editor(url, request, response)) return true;
    if (content && /^\/([a-z]{2}\/)?print-centre\/?$/.test(url.pathname)) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(devPrintCentre(await readViewsManifest(server!.origin), clinicFormats(content.clinic)));
      return true;
    }
    if (url.pathname === "/__pamphlet/events") return live.connect(request, response);
    if (url.pathname === "/__pamphlet/notes") {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      response.end(JSON.stringify(notes.get(url.searchParams.get("file") ?? "") ?? []));
      return true;
    }
    return brochures.handle(url, response);
  }

  // Wait until a save has finished writing, so a rebuild never reads a half-written file.
  const watcher = watch([options.contentDir, templatesDir, ...overrideFolders(options.contentDir)], { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 } });
  watcher.on("all", () => queue.request());
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    origin: server.origin,
    async close() {
      await watcher.close();
      live.close();
      await brochures.close();
      await server.close();
      await queue.idle();
    },
  };
}

/** Each file's problems as the terminal writes them, with their severity for the page to count. */
function notesByFile(problems: Problem[]): Map<string, Array<{ text: string; severity: Problem["severity"] }>> {
  const byFile = new Map<string, Array<{ text: string; severity: Problem["severity"] }>>();
  for (const problem of sortProblems(problems)) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), { text: formatProblem(problem), severity: problem.severity }]);
  return byFile;
}

/** pdf.js for the page preview, straight from node_modules (only its two browser builds). */
async function servePdfJs(pathname: string, response: http.ServerResponse): Promise<boolean> {
  const name = pathname.slice("/__pamphlet/pdfjs/".length);
  if (name !== "pdf.min.mjs" && name !== "pdf.worker.min.mjs") return false;
  const file = path.join(path.dirname(requireFrom(import.meta.url).resolve("pdfjs-dist/package.json")), "build", name);
  response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "max-age=3600" });
  response.end(await readFile(file));
  return true;
}

/** Coalesces bursts of file events into one rebuild at a time; the last save always gets built. */
class RebuildQueue {
  #running: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly build: () => Promise<void>) {}

  request(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#start(), 80);
  }

  /** Starts a build unless one is under way, and resolves once no build is running. */
  async now(): Promise<void> {
    if (!this.#running) {
      clearTimeout(this.#timer);
      this.#start();
    }
    while (this.#running) await this.#running;
  }

  async idle(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#running;
  }

  #start(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.build().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.#start();
      }
    });
  }
}

export const devSiteDir = (outDir: string) => path.join(outDir, "dev-site");
