import { UsageError } from "../content/errors.ts";

/** `--shard 2/3` → the second of three shares. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, e.g. --shard 2/3; got "${text}"`);
  }
  return { index, count };
}

/**
 * Whether the file called `name` (e.g. `sclerotherapy.trifold.pdf`) belongs to `shard`. Decided by a
 * hash of the name alone, so every machine of a CI matrix agrees without talking to the others, and
 * adding a procedure does not move the others between shards.
 */
export function inShard(name: string, shard: Shard): boolean {
  let hash = 0x811c9dc5; // FNV-1a, 32 bit
  for (const byte of new TextEncoder().encode(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash % shard.count === shard.index - 1;
}
