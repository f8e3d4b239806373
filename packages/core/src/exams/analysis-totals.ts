/**
 * Totals of an exam's students, their order by total (the order of the 27 % rule) and score bands: the parts of the
 * analysis (R-002-13) that look at totals only.
 */

import type { ScoreBand } from './analysis-types';
import type { ExamScores } from './model';

/** Every present student's total score (sum of the row). */
export function studentTotals(exam: ExamScores): Float64Array {
  const m = exam.items.length;
  const n = exam.studentIds.length;
  const totals = new Float64Array(n);
  const s = exam.scores;
  for (let i = 0; i < n; i++) {
    let t = 0;
    const o = i * m;
    for (let j = 0; j < m; j++) t += s[o + j] ?? 0;
    totals[i] = t;
  }
  return totals;
}

/** count / n; null when n = 0 */
export function rateOf(count: number, n: number): number | null {
  return n === 0 ? null : count / n;
}

/**
 * The students `idx` ordered by total descending, ties in input order (the order of the 27 % rule): a counting
 * sort when the totals lie on a fine grid (whole, half, tenth or hundredth points, the usual case), else a
 * comparison sort. Both give exactly this order.
 */
export function orderByTotalDesc(totals: Float64Array, idx: Uint32Array): Uint32Array {
  return gridOrder(totals, idx) ?? comparisonOrder(totals, idx);
}

function comparisonOrder(totals: Float64Array, idx: Uint32Array): Uint32Array {
  const order = Uint32Array.from(idx);
  order.sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a - b);
  return order;
}

/**
 * Counting sort of `idx` by total descending, stable: null unless, for one step q of 1, 1/2, 1/10 or 1/100 point,
 * every total t has t · q an integer with (t · q) / q === t (so distinct totals get distinct, equally ordered
 * keys) and the keys span at most 4 n + 1,024 values.
 */
function gridOrder(totals: Float64Array, idx: Uint32Array): Uint32Array | null {
  const n = idx.length;
  let q = 0;
  let lo = 0;
  let hi = 0;
  for (const step of [1, 2, 10, 100]) {
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    let k = 0;
    for (; k < n; k++) {
      const t = totals[idx[k] ?? 0] ?? 0;
      const key = t * step;
      if (!Number.isInteger(key) || key / step !== t) break;
      if (key < lo) lo = key;
      if (key > hi) hi = key;
    }
    if (k === n) {
      q = step;
      break;
    }
  }
  if (q === 0 || n === 0 || hi - lo > 4 * n + 1024) return null;
  // bucket b = hi − key: 0 for the highest total; a student's place = students in earlier buckets + earlier ones
  // in the same bucket (input order, as idx is scanned in order)
  const starts = new Int32Array(hi - lo + 2);
  for (let k = 0; k < n; k++) {
    const b = hi - (totals[idx[k] ?? 0] ?? 0) * q;
    starts[b + 1] = (starts[b + 1] ?? 0) + 1;
  }
  for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[k] ?? 0;
    const b = hi - (totals[i] ?? 0) * q;
    const at = starts[b] ?? 0;
    order[at] = i;
    starts[b] = at + 1;
  }
  return order;
}

/**
 * Score bands every `width` points from 0, built from the exam's full marks: the last band ends at (and includes)
 * full marks. A stub of less than half a band at the top (full marks 102: 100–102) is folded into the band below
 * (90–102), so no band of two points stands beside bands of ten.
 */
export function bandsEvery(totals: ArrayLike<number>, fullMarks: number, width = 10): ScoreBand[] {
  const count = Math.max(1, Math.ceil(fullMarks / width));
  const edges = Array.from({ length: count + 1 }, (_, b) => Math.min(b * width, fullMarks));
  const stub = fullMarks - (edges[count - 1] ?? 0);
  if (count > 1 && stub * 2 < width) edges.splice(count - 1, 1);
  return scoreBands(totals, edges);
}

/**
 * Counts in bands [e0, e1), [e1, e2) … [e(k−1), ek] (the last one closed). Totals below e0 or above ek are in no
 * band. Labels default to "from–to".
 */
export function scoreBands(totals: ArrayLike<number>, edges: number[], labels?: string[]): ScoreBand[] {
  const k = edges.length - 1;
  if (k < 1) throw new RangeError('score bands need at least two edges');
  for (let b = 0; b < k; b++) {
    if (!((edges[b] ?? 0) < (edges[b + 1] ?? 0))) throw new RangeError('score band edges must increase');
  }
  const counts = new Array<number>(k).fill(0);
  const n = totals.length;
  const lo = edges[0] ?? 0;
  const hi = edges[k] ?? 0;
  for (let i = 0; i < n; i++) {
    const t = totals[i] ?? 0;
    if (t < lo || t > hi) continue;
    // binary search for the last edge ≤ t
    let a = 0;
    let z = k - 1;
    while (a < z) {
      const mid = (a + z + 1) >> 1;
      if ((edges[mid] ?? 0) <= t) a = mid;
      else z = mid - 1;
    }
    counts[a] = (counts[a] ?? 0) + 1;
  }
  return counts.map((count, b) => ({
    label: labels?.[b] ?? `${edges[b]}–${edges[b + 1]}`,
    from: edges[b] ?? 0,
    to: edges[b + 1] ?? 0,
    count,
    rate: rateOf(count, n),
  }));
}
