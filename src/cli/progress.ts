import { isStopping } from "../shared/interrupt.ts";
import type { BrochureResult } from "../brochures/printSite.ts";

/**
 * Brochure progress: on a terminal, one line redrawn in place (bar, done/total, the brochure just
 * finished, time left); otherwise (CI, logs) one plain line per brochure. Failures always get their
 * own line.
 */
export function brochureProgress(stream: NodeJS.WriteStream = process.stdout) {
  const started = performance.now();
  const live = Boolean(stream.isTTY);
  let drawn = false;
  return {
    update(result: BrochureResult, done: number, total: number): void {
      const counter = `${String(done).padStart(String(total).length)}/${total}`;
      if (!result.ok) {
        // Stopped by a signal: the brochures cut short fail because the printer was closed, which "Stopping (…)" has said.
        if (isStopping()) return;
        if (drawn) stream.write("\r\u001b[2K");
        console.error(`[${counter}] ${result.name}  failed: ${result.error}`);
      }
      if (!live) {
        if (result.ok && result.skipped) stream.write(`[${counter}] ${result.name}  unchanged\n`);
        else if (result.ok) stream.write(`[${counter}] ${result.name}  ${(result.bytes / 1024).toFixed(0)} KB  ${result.seconds.toFixed(1)} s\n`);
        return;
      }
      const elapsed = (performance.now() - started) / 1000;
      const left = Math.round((elapsed / done) * (total - done));
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      const line = `${bar} ${counter}  ${result.name}  ${done === total ? `${elapsed.toFixed(1)} s` : `about ${left} s left`}`;
      stream.write(`\r\u001b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
      drawn = true;
      if (done === total) stream.write("\n");
    },
  };
}
