import { setTimeout as sleep } from "node:timers/promises";

/** Checks `condition` every 100 ms until it holds (true) or `timeoutMs` passes (false). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}
