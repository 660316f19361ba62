/** `--shard 2/3` → the second of three shares. */
export interface Shard {
  index: number;
  count: number;
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
