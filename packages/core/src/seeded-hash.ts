/**
 * A seeded, reproducible rank for draws (the 校本研修 spot check, the 五育 monitoring sample). FNV-1a (32-bit) of a
 * string's UTF-16 code units, then murmur3's finaliser so near keys spread apart. No `node:crypto`, so core stays
 * browser-safe. Not a cryptographic draw: the seed should be fixed and published before the list is known.
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The rank of `id` in a draw under `seed`: lower ranks are drawn first. */
export function seededRank(seed: string, id: string): number {
  return hash32(`${seed}\u0000${id}`);
}

/**
 * The ids ordered by their seeded rank (ties, which need a hash collision, by id), so the order depends only on the
 * seed and the set of ids, never on the order they came in.
 */
export function seededOrder(ids: readonly string[], seed: string): string[] {
  return ids
    .map((id) => ({ id, rank: seededRank(seed, id) }))
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);
}
