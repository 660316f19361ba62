/**
 * Cleanups that must run if the process is interrupted (Ctrl-C, `kill`): close the browser, remove
 * temporary files. Chromium runs in its own process group, so it would outlive us otherwise.
 */
const cleanups = new Set<() => unknown>();

/** Registers a cleanup for an interruption; returns a function that unregisters it. */
export function onInterrupt(cleanup: () => unknown): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Installed once by the CLI: on SIGINT/SIGTERM run every cleanup, then exit 130/143. */
export function exitCleanlyOnSignals(): void {
  for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, async () => {
      console.error(`\nStopping (${signal})…`);
      await Promise.allSettled([...cleanups].map(async (cleanup) => cleanup()));
      process.exit(status);
    });
  }
}
