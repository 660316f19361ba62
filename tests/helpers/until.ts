import { setTimeout as sleep } from "node:timers/promises";

/**
 * Checks `condition` every `everyMs` until it holds (true) or `timeoutMs` passes (false).
 * @defaultValue everyMs: 100; a state that lasts only moments (a staging folder mid-swap) needs a few ms
 */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, { everyMs = 100 }: { everyMs?: number } = {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}
