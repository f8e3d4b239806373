/**
 * The analysis of one subset of an exam's students (R-002-13): totals and 一分三率, item difficulty, 区分度 by the
 * 27 % rule, corrected item–total correlation, Cronbach's alpha, knowledge-point and ability-level score rates.
 */

import { orderByTotalDesc, rateOf } from './analysis-totals';
import {
  DEFAULT_EXAM_THRESHOLDS,
  DISCRIMINATION_GROUP_PERCENT,
  type ExamThresholds,
  type ItemStats,
  type LabelRate,
  type SubsetAnalysis,
  type TotalStats,
} from './analysis-types';
import type { ExamScores, ItemSpec, ScoreMatrix } from './model';

/**
 * What `analyzeSubset` needs beyond the exam, made once per exam (analyzeExam passes it to every group):
 * - `wholeScores`: every score is a whole number below 2³¹ and there are fewer than 2²² rows, so every sum of
 *   scores is a whole number below 2⁵³: exact, whatever the order of addition (the 27 % groups use this).
 * - `mark`: one byte per row, all 0 between uses (scratch for the 27 % groups).
 * The sweeps read the row-major matrix itself, row by row (students in `idx` order), keeping one sum per item in a
 * small array: each sum adds the same numbers in the same order as a sweep down each item's column would, so every
 * result is bit for bit the same, without a column-major copy of the matrix (32 MB for 100,000 × 40, whose memory
 * cost more than the sweeps in a one-shot run: docs/PERFORMANCE.md section 5).
 */
export interface ExamPrep {
  wholeScores: boolean;
  mark: Uint8Array;
}

export function prepareExam(exam: ExamScores): ExamPrep {
  const rows = exam.studentIds.length;
  return { wholeScores: rows < 2 ** 22 && allWhole(exam.scores), mark: new Uint8Array(rows) };
}

function allWhole(s: ScoreMatrix): boolean {
  for (let i = 0; i < s.length; i++) {
    const x = s[i] ?? 0;
    if ((x | 0) !== x) return false;
  }
  return true;
}

/**
 * Analyse the students `idx` (indices into the exam's rows, in input order) of an exam whose totals are known.
 * `order` is `orderByTotalDesc(totals, idx)` when the caller has it already (analyzeExam derives every group's
 * order from one sort of all students); `prep` is `prepareExam(exam)` (pass it when analysing several subsets of
 * one exam: it holds a copy of the whole matrix). Exported for callers that analyse their own subsets (a
 * sample, a stage).
 */
export function analyzeSubset(
  exam: ExamScores,
  totals: Float64Array,
  idx: Uint32Array,
  thresholds: ExamThresholds = DEFAULT_EXAM_THRESHOLDS,
  order: Uint32Array = orderByTotalDesc(totals, idx),
  prep: ExamPrep = prepareExam(exam),
): SubsetAnalysis {
  const items = exam.items;
  const m = items.length;
  const n = idx.length;
  const s = exam.scores;
  const full = exam.fullMarks;

  const { total, ss: stt } = totalsOf(totals, idx, order, thresholds, full);
  // per item, over the students in idx order: x its score, y = total − x the rest score
  const sumX = new Float64Array(m);
  const sumY = new Float64Array(m);
  sweepSums(s, m, totals, idx, sumX, sumY);
  const meanX = new Float64Array(m);
  const meanY = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    meanX[j] = n > 0 ? (sumX[j] ?? 0) / n : 0;
    meanY[j] = n > 0 ? (sumY[j] ?? 0) / n : 0;
  }
  const ssX = new Float64Array(m);
  const ssY = new Float64Array(m);
  const spXY = new Float64Array(m);
  sweepSquares(s, m, totals, idx, meanX, meanY, ssX, ssY, spXY);
  const item: ItemSweep[] = items.map((_, j) => {
    const mx = meanX[j] ?? 0;
    const my = meanY[j] ?? 0;
    const sx = ssX[j] ?? 0;
    const sy = ssY[j] ?? 0;
    const constant =
      n === 0 ||
      (mayBeConstant(sx, mx, n) && constantScores(s, m, j, totals, idx, false)) ||
      (mayBeConstant(sy, my, n) && constantScores(s, m, j, totals, idx, true));
    return { mean: mx, ssX: sx, ssY: sy, spXY: spXY[j] ?? 0, nonConstant: !constant };
  });

  // 27 % rule: order by total descending, ties in input order
  const g = Math.floor((n * DISCRIMINATION_GROUP_PERCENT) / 100);
  const upper = new Float64Array(m);
  const lower = new Float64Array(m);
  if (prep.wholeScores && g > 0) groupSumsInRowOrder(s, m, idx, order, g, prep.mark, upper, lower);
  else {
    groupSums(s, m, order, 0, 1, g, upper);
    groupSums(s, m, order, n - 1, -1, g, lower);
  }

  let sumItemVar = 0;
  const itemStats: ItemStats[] = items.map((it, j) => {
    const { mean, ssX, ssY, spXY, nonConstant } = item[j] as ItemSweep;
    sumItemVar += ssX;
    const r = n >= 2 && nonConstant ? spXY / Math.sqrt(ssX * ssY) : null;
    return {
      itemId: it.id,
      maxScore: it.maxScore,
      mean: n > 0 ? mean : null,
      difficulty: n > 0 ? mean / it.maxScore : null,
      discrimination27: g > 0 ? ((upper[j] ?? 0) / g - (lower[j] ?? 0) / g) / it.maxScore : null,
      itemTotalR: r,
    };
  });
  // alpha = k/(k−1) · (1 − Σ var(item) / var(total)); the n − 1 divisors cancel
  const alpha = m >= 2 && n >= 2 && stt > 0 ? (m / (m - 1)) * (1 - sumItemVar / stt) : null;

  return {
    total,
    alpha,
    items: itemStats,
    knowledgePoints: labelRates(items, itemStats, (it) => it.knowledgePoints),
    abilityLevels: labelRates(items, itemStats, (it) => (it.abilityLevel ? [it.abilityLevel] : [])),
  };
}

/**
 * The totals part of `analyzeSubset` alone (items, knowledge points and ability levels empty, alpha null): a
 * group's statistics when the caller needs no more of it (AnalyzeOptions.groupItems false).
 */
export function analyzeSubsetTotals(
  exam: ExamScores,
  totals: Float64Array,
  idx: Uint32Array,
  thresholds: ExamThresholds = DEFAULT_EXAM_THRESHOLDS,
  order: Uint32Array = orderByTotalDesc(totals, idx),
): SubsetAnalysis {
  const { total } = totalsOf(totals, idx, order, thresholds, exam.fullMarks);
  return { total, alpha: null, items: [], knowledgePoints: [], abilityLevels: [] };
}

/** TotalStats of the students idx (`order`: the same students by total descending) and Σ (t − mean)². */
function totalsOf(
  totals: Float64Array,
  idx: Uint32Array,
  order: Uint32Array,
  thresholds: ExamThresholds,
  full: number,
): { total: TotalStats; ss: number } {
  const n = idx.length;
  const tot = sweepTotals(
    totals,
    idx,
    thresholds.excellent * full,
    thresholds.pass * full,
    thresholds.low * full,
  );
  // order is by total descending: ascending position p is order[n − 1 − p]
  const asc = (p: number) => totals[order[n - 1 - p] ?? 0] ?? 0;
  const h = n >> 1;
  const total: TotalStats = {
    n,
    mean: n > 0 ? tot.mean : null,
    sd: n > 1 ? Math.sqrt(tot.ss / (n - 1)) : null,
    median: n === 0 ? null : n % 2 === 1 ? asc(h) : (asc(h - 1) + asc(h)) / 2,
    max: n > 0 ? asc(n - 1) : null,
    min: n > 0 ? asc(0) : null,
    excellentRate: rateOf(tot.excellent, n),
    passRate: rateOf(tot.pass, n),
    lowRate: rateOf(tot.low, n),
  };
  return { total, ss: tot.ss };
}

/*
 * The sweeps over the students are small functions of their own: a one-shot run (the CLI) spends much of its time
 * in them, and V8 optimises a small function called once per item sooner than a loop inside a large one (in a
 * microbenchmark of a first, cold call over 100,000 × 40: ~25–50 ms against ~110 ms for the same loops inlined).
 */

/** Σ t, 一分三率 counts, then Σ (t − mean)² over the students idx (two-pass). */
function sweepTotals(totals: Float64Array, idx: Uint32Array, exCut: number, passCut: number, lowCut: number) {
  const n = idx.length;
  let sum = 0;
  let excellent = 0;
  let pass = 0;
  let low = 0;
  for (let k = 0; k < n; k++) {
    const t = totals[idx[k] ?? 0] ?? 0;
    sum += t;
    if (t >= exCut) excellent++;
    if (t >= passCut) pass++;
    if (t < lowCut) low++;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const d = (totals[idx[k] ?? 0] ?? 0) - mean;
    ss += d * d;
  }
  return { mean, ss, excellent, pass, low };
}

interface ItemSweep {
  /** mean of the item x (0 when n = 0) */
  mean: number;
  /** Σ (x − x̄)², Σ (y − ȳ)² and Σ (x − x̄)(y − ȳ), y = total − x the rest score */
  ssX: number;
  ssY: number;
  spXY: number;
  /** x and y both vary over the students (exactly: not every value equal to the first) */
  nonConstant: boolean;
}

/** Σ x and Σ (t − x) per item over the rows idx of the row-major matrix (m items), t the row's total. */
function sweepSums(
  s: ScoreMatrix,
  m: number,
  totals: Float64Array,
  idx: Uint32Array,
  sumX: Float64Array,
  sumY: Float64Array,
): void {
  for (let k = 0; k < idx.length; k++) {
    const r = idx[k] ?? 0;
    const t = totals[r] ?? 0;
    const o = r * m;
    for (let j = 0; j < m; j++) {
      const x = s[o + j] ?? 0;
      sumX[j] = (sumX[j] ?? 0) + x;
      sumY[j] = (sumY[j] ?? 0) + (t - x);
    }
  }
}

/** Σ (x − x̄)², Σ (y − ȳ)² and Σ (x − x̄)(y − ȳ) per item over the rows idx (the second pass). */
function sweepSquares(
  s: ScoreMatrix,
  m: number,
  totals: Float64Array,
  idx: Uint32Array,
  meanX: Float64Array,
  meanY: Float64Array,
  ssX: Float64Array,
  ssY: Float64Array,
  spXY: Float64Array,
): void {
  for (let k = 0; k < idx.length; k++) {
    const r = idx[k] ?? 0;
    const t = totals[r] ?? 0;
    const o = r * m;
    for (let j = 0; j < m; j++) {
      const x = s[o + j] ?? 0;
      const dx = x - (meanX[j] ?? 0);
      const dy = t - x - (meanY[j] ?? 0);
      ssX[j] = (ssX[j] ?? 0) + dx * dx;
      ssY[j] = (ssY[j] ?? 0) + dy * dy;
      spXY[j] = (spXY[j] ?? 0) + dx * dy;
    }
  }
}

/**
 * False when n values with this mean and centred sum of squares cannot all be equal, so that the exact test
 * (`constantScores`) is needed only for (nearly) constant ones. n equal values c have a computed mean within
 * about n · 2⁻⁵³ · |c| of c, so their Σ (v − mean)² is at most about n³ · 2⁻¹⁰⁶ · c², below n · (10⁻⁸ · mean)² for
 * any n up to 90 million; real scores are far above that. Means below 10⁻¹⁰⁰ (where the bound could underflow)
 * always get the exact test.
 */
function mayBeConstant(ss: number, mean: number, n: number): boolean {
  return ss <= n * (1e-8 * mean) ** 2 || Math.abs(mean) < 1e-100;
}

/** Item j's score x (rest: t − x) of every row idx equal to the first row's, compared exactly. */
function constantScores(
  s: ScoreMatrix,
  m: number,
  j: number,
  totals: Float64Array,
  idx: Uint32Array,
  rest: boolean,
): boolean {
  const value = (r: number) => (rest ? (totals[r] ?? 0) - (s[r * m + j] ?? 0) : (s[r * m + j] ?? 0));
  const v0 = value(idx[0] ?? 0);
  for (let k = 1; k < idx.length; k++) if (value(idx[k] ?? 0) !== v0) return false;
  return true;
}

/**
 * Add `count` rows of the row-major matrix (m items) into `sums`, item by item: the rows order[first],
 * order[first + step], … (step 1 for the upper group from the top, −1 for the lower group from the bottom).
 */
function groupSums(
  scores: ScoreMatrix,
  m: number,
  order: Uint32Array,
  first: number,
  step: 1 | -1,
  count: number,
  sums: Float64Array,
): void {
  for (let a = 0, k = first; a < count; a++, k += step) {
    const o = (order[k] ?? 0) * m;
    for (let j = 0; j < m; j++) sums[j] = (sums[j] ?? 0) + (scores[o + j] ?? 0);
  }
}

/**
 * The same sums as `groupSums` for the upper (first g of `order`) and lower (last g) groups, when every score is a
 * whole number (ExamPrep.wholeScores: then the order of addition does not change a sum): the rows are read in
 * `idx` order, one pass through memory, instead of in the order of totals, which jumps across the whole matrix.
 */
function groupSumsInRowOrder(
  scores: ScoreMatrix,
  m: number,
  idx: Uint32Array,
  order: Uint32Array,
  g: number,
  mark: Uint8Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const n = order.length;
  for (let k = 0; k < g; k++) {
    mark[order[k] ?? 0] = 1;
    mark[order[n - 1 - k] ?? 0] = 2;
  }
  for (let k = 0; k < n; k++) {
    const r = idx[k] ?? 0;
    const group = mark[r];
    if (group === 0) continue;
    const sums = group === 1 ? upper : lower;
    const o = r * m;
    for (let j = 0; j < m; j++) sums[j] = (sums[j] ?? 0) + (scores[o + j] ?? 0);
    mark[r] = 0;
  }
}

function labelRates(
  items: ItemSpec[],
  stats: ItemStats[],
  labelsOf: (it: ItemSpec) => string[],
): LabelRate[] {
  const by = new Map<string, { itemIds: string[]; max: number; sum: number; any: boolean }>();
  items.forEach((it, j) => {
    for (const label of labelsOf(it)) {
      let e = by.get(label);
      if (!e) {
        e = { itemIds: [], max: 0, sum: 0, any: true };
        by.set(label, e);
      }
      e.itemIds.push(it.id);
      e.max += it.maxScore;
      const mean = stats[j]?.mean;
      if (mean === null || mean === undefined) e.any = false;
      else e.sum += mean;
    }
  });
  return [...by].map(([label, e]) => ({
    label,
    itemIds: e.itemIds,
    maxScore: e.max,
    scoreRate: e.any ? e.sum / e.max : null,
  }));
}
