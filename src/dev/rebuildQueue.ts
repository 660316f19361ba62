/** Coalesces bursts of file events into one rebuild at a time; the last save always gets built. */
export class RebuildQueue {
  #running: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly build: () => Promise<void>) {}

  /**
   * A file event. The watcher reports a file once its writing has settled, and the files of one
   * burst (a checkout, a save-all) settle in the same poll: a short wait gathers them. Every
   * millisecond here is one the writer waits for the page.
   */
  request(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#start(), 15);
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
