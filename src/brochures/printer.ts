import os from "node:os";
import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { onInterrupt } from "../interrupt.ts";
import { launchBrowser } from "./launchBrowser.ts";
import { printPage, type PrintOptions } from "./printPage.ts";

export interface PrinterOptions extends Partial<PrintOptions> {
  /** Only requests to this origin (the loopback site server) are allowed; everything else is blocked. */
  origin: string;
  /** Tabs printing at once; defaults to the machine's cores, at most 4. */
  tabs?: number;
}

/** Default tab count: one per core (each tab is its own renderer process), capped so memory stays modest. */
export const defaultTabs = () => Math.max(1, Math.min(os.availableParallelism(), 4));

/**
 * One Chromium and a small pool of tabs. `print` waits for a free tab, so any number of callers can
 * share it. A tab whose print failed is closed rather than reused; if Chromium itself dies, it is
 * started again once and the job retried.
 */
export class BrochurePrinter {
  readonly #options: Required<PrinterOptions>;
  #browser: Promise<Browser> | undefined;
  readonly #idle: Page[] = [];
  readonly #waiting: Array<() => void> = [];
  #busy = 0;
  #closed = false;
  readonly #forgetCleanup = onInterrupt(() => this.close());

  constructor(options: PrinterOptions) {
    this.#options = { origin: options.origin, timeoutMs: options.timeoutMs ?? 30_000, tabs: options.tabs ?? defaultTabs() };
  }

  async print(url: string): Promise<Uint8Array> {
    try {
      return await this.#printOnce(url);
    } catch (error) {
      if (this.#closed || (await this.#browserAlive())) throw error;
      this.#browser = undefined; // Chromium crashed or was killed: start a new one and try once more.
      this.#idle.length = 0;
      return this.#printOnce(url);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#forgetCleanup();
    const browser = this.#browser;
    this.#browser = undefined;
    this.#idle.length = 0;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }

  async #printOnce(url: string): Promise<Uint8Array> {
    const page = await this.#takeTab();
    let healthy = false;
    try {
      const pdf = await printPage(page, url, this.#options);
      healthy = true;
      return pdf;
    } finally {
      this.#releaseTab(page, healthy);
    }
  }

  async #takeTab(): Promise<Page> {
    while (this.#busy >= this.#options.tabs) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy++;
    try {
      return this.#idle.pop() ?? (await this.#openTab());
    } catch (error) {
      this.#busy--;
      this.#waiting.shift()?.();
      throw error;
    }
  }

  #releaseTab(page: Page, healthy: boolean): void {
    this.#busy--;
    if (healthy && !this.#closed && !page.isClosed()) this.#idle.push(page);
    else void page.close().catch(() => undefined);
    this.#waiting.shift()?.();
  }

  async #openTab(): Promise<Page> {
    this.#browser ??= launchBrowser();
    const page = await (await this.#browser).newPage();
    await page.emulateMediaType("print");
    await page.setRequestInterception(true);
    page.on("request", (request) => this.#allowOnlyOrigin(request));
    return page;
  }

  /** Default-deny: the print view may load only from the loopback server. */
  #allowOnlyOrigin(request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const allowed = request.url().startsWith(`${this.#options.origin}/`);
    void (allowed ? request.continue() : request.abort("blockedbyclient")).catch(() => undefined);
  }

  async #browserAlive(): Promise<boolean> {
    const browser = await this.#browser?.catch(() => undefined);
    return browser?.connected ?? false;
  }
}
