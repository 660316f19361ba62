import { UsageError } from "../shared/errors.ts";
import type { Shard } from "../shared/shard.ts";

/** `--shard 2/3` → the second of three shares. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, e.g. --shard 2/3; got "${text}"`);
  }
  return { index, count };
}
