/**
 * The demo's seeded randomness: an sfc32 generator (one stream per use, so adding draws to one part of the
 * demo does not move the data of another), weighted tables, a string hash and largest-remainder
 * apportioning. Nothing here reads the clock or Math.random.
 */

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit state words. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    this.a = 0x9e3779b9;
    this.b = seed | 0;
    this.c = stream | 0;
    this.d = 1;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return itemAt(items, Math.floor(this.float() * items.length));
  }

  /** A shuffled copy (Fisher–Yates from the end). */
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  }
}

export function itemAt<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new RangeError(`index ${i} outside 0..${items.length - 1}`);
  return v;
}

/** Pick from weighted entries by binary search on the cumulative weights. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach((e, i) => {
      sum += e[1];
      this.cumulative[i] = sum;
    });
    if (entries.length === 0 || sum <= 0) throw new RangeError('a weighted table needs a positive weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return itemAt(this.items, lo);
  }
}

/** FNV-1a of a string, for per-key randomness that does not depend on generation order. */
export function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
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

export function hashFloat(s: string, seed: number): number {
  return hashString(s, seed) / 4294967296;
}

/**
 * Split `total` into integers by `weights` (largest remainder, ties to the lower index). When the total
 * allows it, each share first gets mins[i] and what is left is split by the weights.
 */
export function apportion(total: number, weights: readonly number[], mins?: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0 || total <= 0) return out;
  const minSum = mins ? mins.reduce((a, b) => a + b, 0) : 0;
  const useMins = mins !== undefined && minSum <= total;
  const rest = useMins ? total - minSum : total;
  const w = weights.map((x) => Math.max(0, x));
  let sum = w.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    w.fill(1);
    sum = n;
  }
  const remainders: { i: number; r: number }[] = [];
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const exact = (rest * (w[i] ?? 0)) / sum;
    const base = Math.floor(exact);
    out[i] = base + (useMins && mins ? (mins[i] ?? 0) : 0);
    assigned += base;
    remainders.push({ i, r: exact - base });
  }
  remainders.sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; k < rest - assigned; k++) {
    const { i } = itemAt(remainders, k % n);
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** 'A:3 B:1.5 …' → a weighted table. */
export function weightedFrom(table: string): Weighted<string> {
  return new Weighted(
    table
      .trim()
      .split(/\s+/)
      .map((entry): [string, number] => {
        const [item = '', weight = '1'] = entry.split(':');
        return [item, Number(weight)];
      }),
  );
}
