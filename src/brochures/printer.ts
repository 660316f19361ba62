import os from "node:os";
import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { PamphletError } from "../shared/errors.ts";
import { onInterrupt } from "../shared/interrupt.ts";
import { printBooklet } from "./booklet.ts";
import { TimeoutError, withDeadline } from "./deadline.ts";
import { closeBrowser, launchBrowser, takeFirstTab } from "./launchBrowser.ts";
import { loadForPrint, printPage, type PrintOptions } from "./printPage.ts";
import { linkNames } from "./linkNames.ts";
import { viewResources } from "./viewResources.ts";

export interface PrinterOptions {
  /** Only requests to this origin (the loopback site server) are allowed; everything else is blocked. */
  origin: string;
  /** Tabs printing at once; defaults to the machine's cores, at most 4. */
  tabs?: number;
  /** Per-brochure limit for each step (load, fonts, print), in milliseconds; default 30 s. */
  timeoutMs?: number;
  /** Chromium is restarted after this many prints, so its memory stays flat on long runs; default 150. */
  restartAfter?: number;
  /** Keep a tab for the next print (default) rather than open a new one each time; `npm run bench` compares both. */
  reuseTabs?: boolean;
  /**
   * Every file fetched anew, never from Chromium's cache nor from the tab's last view: for a printer
   * that outlives edits (the dev server's), whose reused tab otherwise printed a replaced picture as it was.
   */
  uncached?: boolean;
  /** When a page is ready: the load event, then fonts and images (default), or Puppeteer's `networkidle0` (for comparison). */
  waitUntil?: PrintOptions["waitUntil"];
  /** A Chromium already starting (see launchEarly): used instead of starting one; the printer's close starts its shutdown, and its giver waits for it. */
  browser?: Promise<Browser>;
}

export interface Printed {
  bytes: Uint8Array;
  /** Site paths the page loaded (HTML, CSS, fonts, images), for the print manifest. */
  resources: string[];
  /** A PDF's links, by where they go, named as the page names them (see linkNames); none for an image. */
  links: Record<string, string>;
}

export interface PrintRequest {
  url: string;
  /** `booklet` prints twice to fill in page numbers; `page` prints once; `image` takes a 1200 × 630 PNG. */
  kind?: "page" | "booklet" | "image";
  /** Extra CSS for this print. */
  css?: string;
}

/** Default tab count: one per core (each tab is its own renderer process), capped so memory stays modest. */
export const defaultTabs = () => Math.max(1, Math.min(os.availableParallelism(), 4));

/**
 * One Chromium and a small pool of tabs. `print` waits for a free tab, so any number of callers can
 * share it. A tab whose print failed is closed rather than reused; if Chromium itself dies, it is
 * started again once and the job retried.
 */
export class BrochurePrinter {
  readonly #origin: string;
  readonly #tabs: number;
  readonly #timeoutMs: number;
  readonly #restartAfter: number;
  readonly #reuseTabs: boolean;
  readonly #uncached: boolean;
  readonly #waitUntil: PrintOptions["waitUntil"];
  #browser: Promise<Browser> | undefined;
  /** A Chromium started for this printer before it was made (launchEarly's), whose closing its giver waits for. */
  readonly #given: Promise<Browser> | undefined;
  /** That Chromium, until the first tab this printer opens takes it. */
  #early: Promise<Browser> | undefined;
  /** Every Chromium this printer started, so close() leaves none behind whatever happened in between. */
  readonly #launched = new Set<Promise<Browser>>();
  #printsByThisBrowser = 0;
  /** What each tab's current print has asked for, from its requests. */
  readonly #requests = new WeakMap<Page, PrintRequests>();
  readonly #idle: Page[] = [];
  #frontTurn: Promise<void> = Promise.resolve();
  readonly #waiting: Array<() => void> = [];
  #busy = 0;
  #closed = false;
  readonly #forgetCleanup = onInterrupt(() => this.close());

  constructor(options: PrinterOptions) {
    this.#origin = options.origin;
    this.#tabs = options.tabs ?? defaultTabs();
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#restartAfter = options.restartAfter ?? 150;
    this.#reuseTabs = options.reuseTabs ?? true;
    this.#uncached = options.uncached ?? false;
    this.#waitUntil = options.waitUntil ?? "load";
    this.#early = options.browser;
    this.#given = options.browser;
    if (this.#early) this.#launched.add(this.#early);
  }

  async print(request: PrintRequest): Promise<Printed> {
    const used: { browser?: Browser } = {};
    try {
      return await this.#printOnce(request, used);
    } catch (error) {
      // Only a Chromium that died (crashed or was killed) earns a retry, and only once.
      if (this.#closed || !used.browser || used.browser.connected) throw error;
      if (this.#browser && (await this.#browser.catch(() => undefined)) === used.browser) {
        this.#browser = undefined; // start a new one (unless another print already did)
        this.#idle.length = 0;
      }
      return this.#printOnce(request, {});
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#forgetCleanup();
    this.#browser = undefined;
    this.#idle.length = 0;
    const given = await this.#given?.catch(() => undefined);
    // The early Chromium is there twice (as given, and as taken): closeBrowser closes each once. Its
    // shutdown (about 90 ms) is waited for by its giver (EarlyBrowser.close): `build` publishes meanwhile.
    await Promise.all(
      [...this.#launched].map(async (launch) => {
        const browser = await launch.catch(() => undefined);
        const closed = browser && closeBrowser(browser);
        if (browser !== given) await closed;
      }),
    );
  }

  /** Starts Chromium (or takes the early one); a start that fails is tried once more, as a crash is (a cached failure would fail every job). */
  #launch(): Promise<Browser> {
    const starting = this.#early ?? launchBrowser();
    this.#early = undefined;
    const launch = starting.catch((error: unknown) => {
      if (this.#closed) throw error;
      return launchBrowser();
    });
    this.#launched.add(launch);
    return launch;
  }

  async #printOnce({ url, kind = "page", css }: PrintRequest, used: { browser?: Browser }): Promise<Printed> {
    const page = await this.#takeTab();
    used.browser = page.browser();
    const options: PrintOptions = { timeoutMs: this.#timeoutMs, css, waitUntil: this.#waitUntil, navigate: this.#uncached };
    const requests: PrintRequests = { loaded: new Set(), pending: new Set(), failedSheets: new Set() };
    this.#requests.set(page, requests);
    const { loaded, pending, failedSheets } = requests;
    let healthy = false;
    try {
      await page.emulateMediaType(kind === "image" ? "screen" : "print");
      const bytes =
        kind === "image"
          ? await takeScreenshot(page, url, options, (capture) => this.#inFront(page, capture))
          : kind === "booklet"
            ? await printBooklet(page, url, options)
            : await printPage(page, url, options);
      if (failedSheets.size > 0) throw stylesheetsFailed(failedSheets);
      // What the tab requested, and what the view uses that it already held (see viewResources).
      for (const resource of await viewResources(page)) loaded.add(resource);
      const links = kind === "image" ? {} : await linkNames(page);
      healthy = true;
      return { bytes, resources: [...loaded], links };
    } catch (error) {
      // The missing styles are the cause of whatever failed after them (a box that no longer fits, a booklet's pages).
      if (failedSheets.size > 0) throw stylesheetsFailed(failedSheets, error);
      if (error instanceof TimeoutError && pending.size > 0) {
        throw new TimeoutError(`${error.message}; still waiting for ${[...pending].join(", ")}`, { cause: error });
      }
      throw error;
    } finally {
      this.#releaseTab(page, healthy);
    }
  }

  async #takeTab(): Promise<Page> {
    // At most #tabs at once; and when this Chromium has printed its share, let its tabs finish, then restart it.
    while (this.#busy >= this.#tabs || (this.#printsByThisBrowser >= this.#restartAfter && this.#busy > 0)) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    if (this.#printsByThisBrowser >= this.#restartAfter) await this.#restartBrowser();
    this.#printsByThisBrowser++;
    this.#busy++;
    try {
      // A tab of a Chromium that has died is no use; a new one (in a new Chromium if need be) is.
      let page = this.#idle.pop();
      while (page && !page.browser().connected) page = this.#idle.pop();
      return page ?? (await this.#openTab());
    } catch (error) {
      this.#busy--;
      this.#waiting.shift()?.();
      throw error;
    }
  }

  #releaseTab(page: Page, healthy: boolean): void {
    this.#busy--;
    if (healthy && this.#reuseTabs && !this.#closed && !page.isClosed() && page.browser().connected) this.#idle.push(page);
    else void page.close().catch(() => undefined);
    // Wake every waiter: one takes the free tab, and a pending restart may now proceed.
    for (const wake of this.#waiting.splice(0)) wake();
  }

  async #restartBrowser(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    this.#idle.length = 0;
    this.#printsByThisBrowser = 0;
    const running = await browser?.catch(() => undefined);
    if (running) await closeBrowser(running);
  }

  async #openTab(): Promise<Page> {
    // A print that waited for a tab while the printer was closed (a signal) must not start a new Chromium:
    // nothing would close it, and the process ending meanwhile left its profile folder behind.
    if (this.#closed) throw new PamphletError("Printing stopped: the printer was closed.");
    const launching = (this.#browser ??= this.#launch());
    let browser = await launching;
    if (!browser.connected) {
      // It crashed or was killed since the last print: start one new Chromium, however many tabs noticed.
      if (this.#browser === launching) {
        this.#browser = this.#launch();
        this.#printsByThisBrowser = 0;
      }
      browser = await this.#browser!;
    }
    const page = (await takeFirstTab(browser)) ?? (await browser.newPage());
    if (this.#uncached) await page.setCacheEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (request) => this.#allowOnlyOrigin(page, request));
    page.on("requestfinished", (request) => this.#settled(page, request, (request.response()?.status() ?? 0) >= 400));
    page.on("requestfailed", (request) => this.#settled(page, request, true));
    return page;
  }

  /**
   * Headless Chromium draws only the tab in front; a screenshot of another tab waits for a frame
   * that may never come (puppeteer#12712, seen here as a hang at about one build in three with
   * 400 files). So screenshots take turns, each tab brought to the front first.
   */
  #inFront<T>(page: Page, work: () => Promise<T>): Promise<T> {
    const turn = this.#frontTurn.then(async () => {
      await page.bringToFront();
      return work();
    });
    this.#frontTurn = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /**
   * A request that ended. One that `failed` (or answered an error) and is a stylesheet of the site
   * (one it redirected elsewhere too) is noted; one from another origin was blocked on purpose.
   */
  #settled(page: Page, request: HTTPRequest, failed: boolean): void {
    const requests = this.#requests.get(page);
    requests?.pending.delete(request.url());
    const asked = request.redirectChain()[0]?.url() ?? request.url();
    if (!failed || request.resourceType() !== "stylesheet" || !asked.startsWith(`${this.#origin}/`)) return;
    const status = request.response()?.status() ?? 0;
    const why = status >= 400 ? `answered ${status}` : (request.failure()?.errorText ?? "failed");
    requests?.failedSheets.add(`${new URL(asked).pathname} (${why})`);
  }

  /** Default-deny: the print view may load only from the loopback server. */
  #allowOnlyOrigin(page: Page, request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const allowed = request.url().startsWith(`${this.#origin}/`);
    const requests = this.#requests.get(page);
    if (allowed) {
      requests?.loaded.add(new URL(request.url()).pathname);
      requests?.pending.add(request.url());
    }
    void (allowed ? request.continue() : request.abort("blockedbyclient")).catch(() => undefined);
  }
}

interface PrintRequests {
  /** Site paths asked for: what the print manifest records. */
  loaded: Set<string>;
  /** Requests started and not yet ended: named when a print times out. */
  pending: Set<string>;
  /** Site stylesheets that failed or answered an error: the print is refused. */
  failedSheets: Set<string>;
}

/**
 * Chromium prints a view whose stylesheet failed as if it had none (no paper size, margins or footer):
 * the failure shows only in the network events, so the printer refuses the print from them.
 */
function stylesheetsFailed(failed: Set<string>, cause?: unknown): PamphletError {
  const why = `stylesheet(s) did not load, so the brochure would print without its paper size, margins or styles: ${[...failed].join(", ")}`;
  return new PamphletError(`${why}. Build the site again (npm run build), then retry.`, { cause });
}

async function takeScreenshot(
  page: Page,
  url: string,
  options: PrintOptions,
  inFront: (capture: () => Promise<Uint8Array>) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  await page.setViewport({ width: 1200, height: 630 });
  await loadForPrint(page, url, options);
  // zlib's fastest level: the same pixels in a third less of Chromium's time, the file about a third larger (43 → 58 KB).
  return inFront(() => withDeadline(page.screenshot({ type: "png", optimizeForSpeed: true }), options.timeoutMs, `taking the share image of ${url}`));
}
