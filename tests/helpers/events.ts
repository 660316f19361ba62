/** Listens to the dev server's server-sent events; `next(name)` resolves with the data of the next such event. */
export async function devEvents(origin: string) {
  const controller = new AbortController();
  const response = await fetch(`${origin}/__pamphlet/events`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const waiters: Array<{ name: string; resolve: (data: string) => void }> = [];
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join("\n");
        // Every waiter for this event gets it (a waiter left over from an earlier step must not swallow it).
        for (const waiter of waiters.filter((candidate) => candidate.name === name)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(data);
        }
      }
    }
  })();
  // A wait left behind (the page showed the edit before its reload came) must not keep the test file's
  // process alive until its time is up: the editor tests' file ended a minute after its last test.
  const timers = new Set<NodeJS.Timeout>();
  return {
    next(name: string, timeoutMs = 20_000): Promise<string> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => (timers.delete(timer), reject(new Error(`no "${name}" event within ${timeoutMs} ms`))), timeoutMs);
        timers.add(timer);
        waiters.push({ name, resolve: (data) => (clearTimeout(timer), timers.delete(timer), resolve(data)) });
      });
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      controller.abort();
    },
  };
}
