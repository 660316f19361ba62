import type http from "node:http";
import path from "node:path";
import YAML from "yaml";
import { clinicSchema } from "../content/clinicSchema.ts";
import { clinicFile } from "../content/load.ts";
import { inFormShapes } from "./cmsFields.ts";
import { EditableFiles, maxImageBytes, RefusedPath, sha256 } from "./editableFiles.ts";
import { refusalsOf } from "./validateSave.ts";

/** The largest request accepted: an image as base64 plus its entry. */
const maxRequestBytes = Math.ceil(maxImageBytes * 1.4) + 1024 * 1024;

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}
interface Asset {
  path: string;
  content: string;
  encoding: BufferEncoding;
}

/** An uploaded picture as the bytes to write. */
/** An uploaded picture's path and bytes; refused over the editor's size limit, measured as decoded. */
function assetFile({ path: file, content, encoding }: Asset) {
  const raw = Buffer.from(content, encoding);
  if (raw.length > maxImageBytes) {
    const megabytes = (bytes: number) => Math.floor((bytes / (1024 * 1024)) * 10) / 10;
    throw new RefusedPath(
      `${file} is ${megabytes(raw.length)} MB, over the editor's ${megabytes(maxImageBytes)} MB for a picture: ` +
        "save it smaller (3000 pixels on its longest side is plenty for print), then upload it again.",
    );
  }
  return { path: file, raw };
}

/**
 * Decap CMS's local backend (the protocol `decap-server` speaks: POST `{ action, params }`, JSON
 * back), over the content folder only, for `pamphlet dev`. A save the build would refuse is refused
 * with the words `check` prints; a save it accepts is written like a hand edit, so the dev server's
 * watcher rebuilds and reloads the pages.
 */
export function cmsLocalBackend(contentDir: string) {
  const files = new EditableFiles(contentDir);
  /**
   * Each file's text as the editor last read it (Decap's id: a hash of its bytes). A save over a file
   * changed on disk since (a hand edit, a git pull) is refused rather than overwriting that change.
   * Decap's save does not say which text it was made from, so this is what this server last handed
   * out or wrote, for any tab: two tabs editing one file are not told apart.
   */
  const read = new Map<string, string | null>();
  const handOut = async (file: unknown) => {
    const entry = await files.entry(file);
    read.set(entry.file.path, entry.file.id);
    return entry.data !== null && path.resolve(contentDir, entry.file.path) === path.resolve(clinicFile(contentDir))
      ? { ...entry, data: clinicInFormShapes(entry.data) }
      : entry;
  };
  const refuseChangedSinceRead = async (file: string) => {
    if (!read.has(file) || (await files.entry(file)).file.id === read.get(file)) return;
    throw new RefusedSave(
      `Not saved: ${file} changed on disk after the editor opened it (a hand edit, or a git pull). ` +
        "Copy what you wrote, reload the page to see that change, then make yours again.",
    );
  };
  /** A save the build would refuse (a guide, clinic.yaml, a picture) is refused, in check's words. */
  const refuseUnbuildable = async (written: Array<{ path: string; raw: string | Uint8Array }>) => {
    const refusals = await refusalsOf(contentDir, written);
    if (refusals.length > 0) throw new RefusedSave(`Not saved: the build would refuse it.\n${refusals.join("\n")}`);
  };
  /** A delete that would leave a link or picture elsewhere leading nowhere is refused, in check's words. */
  const refuseBrokenBy = async (removed: unknown[]) => {
    for (const file of removed) await files.resolve(file);
    const refusals = await refusalsOf(contentDir, [], removed.map(String));
    if (refusals.length > 0) throw new RefusedSave(`Not deleted: the build would refuse what is left.\n${refusals.join("\n")}`);
  };
  const actions: Record<string, (params: Record<string, unknown>) => Promise<unknown>> = {
    info: async () => ({ repo: path.basename(path.resolve(contentDir)), publish_modes: ["simple"], type: "local_fs" }),
    entriesByFolder: async ({ folder, extension }) => Promise.all((await files.list(folder, String(extension ?? ""))).map((file) => handOut(file))),
    entriesByFiles: async ({ files: wanted }) => Promise.all(asArray(wanted).map((file) => handOut((file as { path?: unknown }).path))),
    getEntry: async ({ path: file }) => handOut(file),
    persistEntry: async ({ entry, dataFiles, assets }) => {
      const saved = (asArray(dataFiles ?? [entry]) as DataFile[]).map((file) => ({
        path: file.newPath ?? file.path,
        raw: String(file.raw),
        old: file.newPath ? file.path : undefined,
      }));
      const pictures = (asArray(assets) as Asset[]).map(assetFile);
      for (const file of [...saved, ...pictures]) await files.resolve(file.path);
      for (const file of saved) await refuseChangedSinceRead(file.old ?? file.path);
      await refuseUnbuildable([...saved, ...pictures]);
      // Again, right before writing: a hand edit saved while the build's checks ran is not overwritten either.
      for (const file of saved) await refuseChangedSinceRead(file.old ?? file.path);
      for (const picture of pictures) await files.write(picture.path, picture.raw);
      for (const file of saved) {
        await files.write(file.path, file.raw);
        read.set(file.path, sha256(Buffer.from(file.raw)));
      }
      // A renamed entry: the new file is written, then the old one removed.
      for (const file of saved) if (file.old && file.old !== file.path) await files.remove(file.old);
      return { message: "entry persisted" };
    },
    getMedia: async ({ mediaFolder }) => Promise.all((await files.list(mediaFolder)).map((file) => files.media(file))),
    getMediaFile: async ({ path: file }) => files.media(file),
    persistMedia: async ({ asset }) => {
      // A picture the build could not use (an SVG that is not one) is refused, as a guide's save is.
      const picture = assetFile(asset as Asset);
      await files.resolve(picture.path);
      await refuseUnbuildable([picture]);
      await files.write(picture.path, picture.raw);
      return files.media(picture.path);
    },
    deleteFile: async ({ path: file }) => {
      await refuseBrokenBy([file]);
      await files.remove(file);
      return { message: `deleted file ${String(file)}` };
    },
    deleteFiles: async ({ paths }) => {
      await refuseBrokenBy(asArray(paths));
      for (const file of asArray(paths)) await files.remove(file);
      return { message: "deleted files" };
    },
    getDeployPreview: async () => null,
  };

  return async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    const refusal = foreignRequest(request);
    if (refusal) return answer(403, { error: refusal });
    let body: { action?: unknown; params?: unknown };
    try {
      body = JSON.parse(await readBody(request)) as typeof body;
    } catch (error) {
      return answer(error instanceof RefusedPath ? 413 : 400, { error: error instanceof RefusedPath ? error.message : "The request is not JSON." });
    }
    const action = typeof body?.action === "string" && Object.hasOwn(actions, body.action) ? actions[body.action] : undefined;
    if (!action) return answer(422, { error: `Unknown action ${JSON.stringify(body?.action)}` });
    try {
      answer(200, await action((body.params ?? {}) as Record<string, unknown>));
    } catch (error) {
      if (error instanceof RefusedPath || error instanceof RefusedSave) return answer(422, { error: error.message });
      console.error(`The editor's ${String(body.action)} failed: ${error instanceof Error ? error.message : String(error)}`);
      answer(500, { error: `${String(body.action)} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
}

/**
 * clinic.yaml as the settings form reads it: texts written once for every language given per language
 * (cmsFields.ts inFormShapes). Unchanged when nothing needs it, or when it does not parse (check says why).
 */
function clinicInFormShapes(text: string): string {
  try {
    const parsed: unknown = YAML.parse(text);
    const defaultLanguage = (parsed as { defaultLanguage?: unknown } | null)?.defaultLanguage;
    const shaped = inFormShapes(clinicSchema, parsed, typeof defaultLanguage === "string" ? defaultLanguage : "en");
    return JSON.stringify(shaped) === JSON.stringify(parsed) ? text : YAML.stringify(shaped);
  } catch {
    return text;
  }
}

/** A save the schema refuses: its message is what `check` says of the file. */
export class RefusedSave extends Error {
  override name = "RefusedSave";
}

/**
 * Only the editor page of this dev server may write: a POST from any other web page (which the
 * browser sends to localhost without asking, if it looks like a form) is refused. JSON forces a
 * preflight, which this server never grants, and the Origin, when sent, must be this server's.
 */
function foreignRequest(request: http.IncomingMessage): string | undefined {
  if (request.method !== "POST") return "The editor's backend answers POST requests only.";
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) return "The editor's backend accepts JSON only.";
  const from = request.headers.origin;
  // The dev server has already checked that Host is this machine's own name.
  if (from !== undefined && from !== `http://${request.headers.host ?? ""}`) return `The editor's backend answers only its own pages, not ${from}.`;
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return "The editor's backend answers only its own pages.";
  return undefined;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Read to its end, not cut off: a request cut off is "Failed to fetch" in the editor, and this answer is never read.
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRequestBytes) chunks.push(chunk);
    });
    request.on("end", () =>
      size > maxRequestBytes
        ? reject(new RefusedPath("The request is too large for the editor (pictures up to 20 MB): save the picture smaller, then upload it again."))
        : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    request.on("error", reject);
  });
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
