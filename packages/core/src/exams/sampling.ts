/**
 * A reproducible stratified sample of schools (and of students within schools) for sample-based monitoring
 * (R-002-12 national compulsory-education monitoring, R-002-05 "对非高中学校进行抽查").
 *
 * - Strata: county × location (urban / town / rural; unknown location is its own stratum).
 * - Allocation: proportional to the number of schools in the stratum, by the largest-remainder method
 *   (Hamilton): each stratum gets ⌊size · share⌋, the seats left go to the largest remainders (ties: the stratum
 *   key in code-point order). Every non-empty stratum gets at least one school when the total allows it.
 * - Selection: within a stratum, schools are ordered by a keyed hash of (seed, school id) and the first k are
 *   taken. The sample depends only on the seed and the set of schools, not on the order they were listed in.
 * - Students: the same keyed-hash order over (seed, school id, student id), the first k of each school.
 */

export interface SamplingUnit {
  id: string;
  countyId: string;
  location: string | null;
}

export interface Stratum {
  key: string;
  countyId: string;
  location: string;
  population: number;
  allocated: number;
  selected: string[];
}

export interface SchoolSample {
  seed: string;
  size: number;
  population: number;
  strata: Stratum[];
}

/** FNV-1a 64-bit (as two 32-bit halves) of a string: a stable, platform-independent order key. */
export function sampleKey(seed: string, ...parts: string[]): string {
  const s = [seed, ...parts].join('\u0000');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function byKey<T>(items: T[], key: (t: T) => string): T[] {
  const keyed = items.map((t) => ({ t, k: key(t) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.t);
}

export function allocateProportional(populations: number[], size: number, keys: string[]): number[] {
  const total = populations.reduce((a, b) => a + b, 0);
  const n = Math.min(size, total);
  if (n <= 0 || total === 0) return populations.map(() => 0);
  const exact = populations.map((p) => (p * n) / total);
  const out = exact.map((x) => Math.floor(x));
  let left = n - out.reduce((a, b) => a + b, 0);
  // at least one per non-empty stratum when the size allows
  if (n >= populations.filter((p) => p > 0).length) {
    for (let i = 0; i < out.length; i++)
      if ((populations[i] ?? 0) > 0 && out[i] === 0) {
        out[i] = 1;
        left--;
      }
  }
  const order = populations
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = (exact[a] ?? 0) - Math.floor(exact[a] ?? 0);
      const rb = (exact[b] ?? 0) - Math.floor(exact[b] ?? 0);
      if (ra !== rb) return rb - ra;
      return (keys[a] ?? '') < (keys[b] ?? '') ? -1 : 1;
    });
  // hand out (or, after the minimum of one, take back) seats by remainder
  while (left > 0) {
    let given = false;
    for (const i of order) {
      if (left === 0) break;
      if ((out[i] ?? 0) < (populations[i] ?? 0)) {
        out[i] = (out[i] ?? 0) + 1;
        left--;
        given = true;
      }
    }
    if (!given) break;
  }
  while (left < 0) {
    for (const i of [...order].reverse()) {
      if (left === 0) break;
      if ((out[i] ?? 0) > 1) {
        out[i] = (out[i] ?? 0) - 1;
        left++;
      }
    }
  }
  return out;
}

export function stratifiedSchoolSample(
  units: readonly SamplingUnit[],
  size: number,
  seed: string,
): SchoolSample {
  const groups = new Map<string, SamplingUnit[]>();
  for (const u of units) {
    const key = `${u.countyId}|${u.location ?? 'unknown'}`;
    const g = groups.get(key);
    if (g) g.push(u);
    else groups.set(key, [u]);
  }
  const keys = [...groups.keys()].sort();
  const pops = keys.map((k) => groups.get(k)?.length ?? 0);
  const alloc = allocateProportional(pops, size, keys);
  const strata: Stratum[] = keys.map((key, i) => {
    const members = groups.get(key) ?? [];
    const k = alloc[i] ?? 0;
    const [countyId, location] = key.split('|') as [string, string];
    return {
      key,
      countyId,
      location,
      population: members.length,
      allocated: k,
      selected: byKey(members, (u) => sampleKey(seed, u.id))
        .slice(0, k)
        .map((u) => u.id)
        .sort(),
    };
  });
  return { seed, size: Math.min(size, units.length), population: units.length, strata };
}

/** The first `k` students of a school in the keyed-hash order (all of them when k ≥ their number). */
export function sampleStudents(
  studentIds: readonly string[],
  k: number,
  seed: string,
  schoolId: string,
): Set<string> {
  if (k >= studentIds.length) return new Set(studentIds);
  return new Set(byKey([...studentIds], (s) => sampleKey(seed, schoolId, s)).slice(0, k));
}
