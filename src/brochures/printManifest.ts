import { readJsonRecord } from "../shared/readJson.ts";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../shared/writeAtomic.ts";

/**
 * What each made file was made from: the hash of everything its print view loaded (HTML, CSS,
 * fonts, images, recorded as Chromium requested them), plus the job's own settings (format, bleed,
 * metadata), clinic.yaml and the Chromium version. A job whose inputs hash the same and whose file
 * is still there is skipped; any change to one of its inputs makes it again.
 */
interface Entry {
  hash: string;
  /** Hash of the settings part alone (Chromium, clinic.yaml, the job), for the unchanged-site fast path. */
  settings?: string;
  /** Page count of a PDF, for the print centre. */
  pages?: number;
  /** Size of the file as made: a file cut short or replaced since (by hand, or a torn copy) is made again. */
  bytes?: number;
  /** When the file was made (ms since 1970): merged manifests keep each file's newest record. */
  madeAt?: number;
  /** Site paths the print view loaded, e.g. `/print/x/`, `/css/brochure.css`, `/fonts/….woff2`. */
  resources: string[];
}

interface ManifestFile {
  siteFingerprint?: string;
  entries: Record<string, Entry>;
}

export class PrintManifest {
  readonly #fileHashes = new Map<string, Promise<string>>();
  readonly #entries: Record<string, Entry>;
  /** Settings every job shares: the Chromium version and Pamphlet's PDF options (each job's own settings, metadata included, are recorded with it). */
  readonly #common: string;

  readonly #basePath: string;
  /** Fingerprint of the site these entries were made from; when the site is known unchanged, it matches. */
  readonly #siteFingerprint: string | undefined;
  readonly #trustEntries: boolean;
  /** `--force`: every job is made again; the records of files not made this time are kept. */
  readonly #force: boolean;

  private constructor(
    readonly file: string,
    readonly siteDir: string,
    entries: Record<string, Entry>,
    common: string,
    basePath: string,
    siteFingerprint: string | undefined,
    trustEntries: boolean,
    force: boolean,
  ) {
    this.#entries = entries;
    this.#force = force;
    this.#common = common;
    this.#basePath = basePath;
    this.#siteFingerprint = siteFingerprint;
    this.#trustEntries = trustEntries;
  }

  /**
   * Opens the manifest of `dir`. A sharded run writes its own `.manifest-<i>-of-<n>.json`; reading
   * merges every manifest there, so files made by other machines of a CI matrix count as made. Each
   * shard also carries the records it read, some older than another shard's: the newest one wins.
   * `fresh` (`--force`) makes every job again, but keeps what is known of the files it does not make
   * (a forced re-print of one procedure must not make the next run print all the others).
   */
  static async open(
    dir: string,
    siteDir: string,
    common: string,
    options: { fresh?: boolean; shard?: string; basePath?: string; siteFingerprint?: string } = {},
  ): Promise<PrintManifest> {
    const file = path.join(dir, options.shard ? `.manifest-${options.shard.replace("/", "-of-")}.json` : ".manifest.json");
    const names = (await readdir(dir).catch(() => [])).filter((name) => /^\.manifest.*\.json$/.test(name)).sort();
    const entries: Record<string, Entry> = {};
    let sameSite = names.length > 0 && options.siteFingerprint !== undefined;
    for (const name of names) {
      const saved = (await readJsonRecord<ManifestFile>(path.join(dir, name))) ?? {};
      for (const [name, entry] of Object.entries(saved.entries ?? {})) {
        if ((entry.madeAt ?? 0) >= (entries[name]?.madeAt ?? 0)) entries[name] = entry;
      }
      sameSite &&= saved.siteFingerprint === options.siteFingerprint;
    }
    return new PrintManifest(file, siteDir, entries, common, options.basePath ?? "/", options.siteFingerprint, sameSite, options.fresh ?? false);
  }

  /** Whether `output` is there as it was made, from exactly the inputs it would be made from now. */
  async isFresh(name: string, settings: unknown, output: string): Promise<boolean> {
    const entry = this.#entries[name];
    const size = statSync(output, { throwIfNoEntry: false })?.size;
    // (A record from before sizes were kept has none: the file being there is all it can say.)
    if (this.#force || !entry || size === undefined || (entry.bytes !== undefined && size !== entry.bytes)) return false;
    // The site is the very one these entries were made from: its files need no hashing again.
    if (this.#trustEntries && entry.settings === this.#settingsHash(settings)) return true;
    // A file the print view loaded that is not in the site cannot vouch for the PDF: make it again.
    if ((await Promise.all(entry.resources.map((resource) => this.#fileHash(resource)))).includes("missing")) return false;
    return (await this.#hash(settings, entry.resources)) === entry.hash;
  }

  async record(name: string, settings: unknown, resources: string[], made: { bytes: number; pages?: number }): Promise<void> {
    const sorted = [...new Set(resources)].sort();
    const { bytes, pages } = made;
    const hash = await this.#hash(settings, sorted);
    // (Sub-millisecond: a forced shard may record a file in the same millisecond a full run did.)
    const madeAt = performance.timeOrigin + performance.now();
    this.#entries[name] = { hash, settings: this.#settingsHash(settings), resources: sorted, bytes, madeAt, ...(pages ? { pages } : {}) };
  }

  /** Page count recorded when `name` was made. */
  pages(name: string): number | undefined {
    return this.#entries[name]?.pages;
  }

  async save(): Promise<void> {
    const saved: ManifestFile = { siteFingerprint: this.#siteFingerprint, entries: this.#entries };
    await writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify(saved, null, 1)}\n`));
  }

  #settingsHash(settings: unknown): string {
    return createHash("sha256").update(this.#common).update(JSON.stringify(settings)).digest("hex");
  }

  async #hash(settings: unknown, resources: string[]): Promise<string> {
    const hash = createHash("sha256").update(this.#common).update(JSON.stringify(settings));
    for (const resource of resources) hash.update(`\n${resource} ${await this.#fileHash(resource)}`);
    return hash.digest("hex");
  }

  /** A site path's file content hash (`/print/x/` → `print/x/index.html`), cached for the run. */
  #fileHash(resource: string): Promise<string> {
    // Both decoded before the base path is cut off: it may be written `/clínica/` or `/cl%C3%ADnica/`.
    const relative = decodeURIComponent(resource)
      .slice(decodeURIComponent(this.#basePath).length - 1)
      .replace(/\/$/, "/index.html")
      .replace(/^\/+/, "");
    const file = path.join(this.siteDir, relative);
    if (!this.#fileHashes.has(file)) {
      this.#fileHashes.set(
        file,
        readFile(file).then(
          (bytes) => createHash("sha256").update(bytes).digest("hex"),
          () => "missing",
        ),
      );
    }
    return this.#fileHashes.get(file)!;
  }
}
