/**
 * Cleanups that must run if the process is interrupted (Ctrl-C, `kill`, the terminal closing):
 * close the browser, finish or undo a swap of the site, remove temporary files.
 */
const cleanups = new Set<() => unknown>();

/** Registers a cleanup for an interruption; returns a function that unregisters it. */
export function onInterrupt(cleanup: () => unknown): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Set once a signal has started the cleanups: work that would need one of its own must not start. */
let stopping = false;

/** Whether the process is ending on a signal (its cleanups have started). */
export const isStopping = () => stopping;

/** After the cleanups, the run gets this long to say why it stopped. */
const reportGraceMs = 250;

/** Cleanups get this long; then the process ends all the same. */
const cleanupLimitMs = 5000;

/**
 * Installed once by the CLI: on SIGINT, SIGTERM or SIGHUP run every cleanup, then end by that same
 * signal (status 130, 143, 129 to the shell). `process.exit` is not enough: it waits for Node's
 * worker threads, and one stuck opening a FIFO never returns, so the process would never exit.
 * Further signals during the cleanup are ignored, so a second Ctrl-C cannot cut a swap in half.
 * Output that can no longer be written (whoever read it has gone: a closed pipe, a test runner
 * that was killed) ends the run the same way, rather than leaving it working for no one.
 */
export function exitCleanlyOnSignals(): void {
  const stop = (signal: NodeJS.Signals | undefined, status: number) => {
    if (stopping) return;
    stopping = true;
    const end = () => (signal ? endBy(signal, status) : process.exit(status));
    setTimeout(end, cleanupLimitMs);
    // Then a moment for the run to say why it stopped ("Stopped before the new files were put in …", from the
    // error the cleanups caused): ended as the cleanups settled, it was cut off on a busy machine.
    void Promise.allSettled([...cleanups].map(async (cleanup) => cleanup())).then(() => setTimeout(end, reportGraceMs));
  };
  for (const [signal, status] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.on(signal, () => {
      // (Writing to a closed terminal after SIGHUP fails: that must not stop the cleanup.)
      if (!stopping) process.stderr.write(`\nStopping (${signal})…\n`, () => undefined);
      stop(signal, status);
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") stop(undefined, 141);
    });
  }
}

/** Ends the process by `signal`'s own default action, which no stuck thread can hold up. */
function endBy(signal: NodeJS.Signals, status: number): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  // Delivered at once on Linux and macOS; should it not be, exit with the status a shell would show.
  process.exit(status);
}
