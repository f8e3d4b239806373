/**
 * Classical exam analysis (R-002-13 质量分析): totals, 一分三率, score bands, items (难度, 区分度 by the 27 % rule,
 * corrected item–total correlation), Cronbach's alpha, knowledge-point and ability-level score rates, and the same
 * per school and per class with 超均率 and standardised scores. Definitions: and docs/POLICIES.md
 * "Exam analysis". Statistics that are undefined for the data are `null` (see each field).
 */
import type { ExamScores, ItemSpec } from './model';

/** 一分三率 thresholds as fractions of full marks: excellent ≥ 0.85, pass ≥ 0.60, low < 0.40 by default. */
export interface ExamThresholds {
  excellent: number;
  pass: number;
  low: number;
}

export const DEFAULT_EXAM_THRESHOLDS: Readonly<ExamThresholds> = Object.freeze({
  excellent: 0.85,
  pass: 0.6,
  low: 0.4,
});

/** The 27 % rule: the upper and lower groups are the first and last ⌊27 n / 100⌋ students by total. */
export const DISCRIMINATION_GROUP_PERCENT = 27;

export interface TotalStats {
  n: number;
  /** null when n = 0 */
  mean: number | null;
  /** sample sd (n − 1); null when n < 2 */
  sd: number | null;
  median: number | null;
  max: number | null;
  min: number | null;
  /** fractions 0..1 of the n students; null when n = 0 */
  excellentRate: number | null;
  passRate: number | null;
  lowRate: number | null;
}

export interface ItemStats {
  itemId: string;
  maxScore: number;
  mean: number | null;
  /** mean / max; null when n = 0 */
  difficulty: number | null;
  /** (mean of upper 27 % − mean of lower 27 %) / max; null when ⌊0.27 n⌋ = 0, i.e. n < 4 */
  discrimination27: number | null;
  /** Pearson of the item with (total − item); null when n < 2 or either is constant over the students */
  itemTotalR: number | null;
}

export interface ScoreBand {
  label: string;
  /** lower bound, inclusive */
  from: number;
  /** upper bound: exclusive, except for the last band which includes it */
  to: number;
  count: number;
  /** count / n; null when n = 0 */
  rate: number | null;
}

export interface LabelRate {
  label: string;
  itemIds: string[];
  maxScore: number;
  /** Σ item means / Σ item max scores; null when n = 0 */
  scoreRate: number | null;
}

export interface SubsetAnalysis {
  total: TotalStats;
  /** Cronbach's alpha; null when fewer than 2 items, n < 2, or every student has the same total */
  alpha: number | null;
  items: ItemStats[];
  knowledgePoints: LabelRate[];
  abilityLevels: LabelRate[];
}

export interface GroupAnalysis extends SubsetAnalysis {
  /** school name, or "school / class" for a class */
  name: string;
  school: string;
  className: string | null;
  /** 超均率 = (group mean − overall mean) / overall mean; null when a mean is null or the overall mean is 0 */
  aboveMeanRate: number | null;
  /** standardised score = (group mean − overall mean) / overall sd; null when undefined or sd = 0 */
  standardised: number | null;
}

export interface ExamAnalysis {
  students: number;
  absent: number;
  blankCells: number;
  fullMarks: number;
  thresholds: ExamThresholds;
  overall: SubsetAnalysis;
  bands10: ScoreBand[];
  customBands: ScoreBand[] | null;
  schools: GroupAnalysis[];
  classes: GroupAnalysis[];
}

export interface AnalyzeOptions {
  thresholds?: ExamThresholds;
  /** Custom band edges, ascending, e.g. [0, 60, 72, 84, 96, 108, 120]; labels optional (one per band). */
  customBands?: { edges: number[]; labels?: string[] };
  /** Per-school analysis (default true). */
  schools?: boolean;
  /** Per-class analysis (default true; the CLI asks for it only with --full, its JSON has no classes). */
  classes?: boolean;
}

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

function rateOf(count: number, n: number): number | null {
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
 * What `analyzeSubset` needs beyond the exam, made once per exam (analyzeExam passes it to every group):
 * - `columns`: the score matrix column by column (item-major), the score of row i on item j at `j * rows + i`.
 *   The sweeps over the students then keep their sums in local variables instead of one array slot per item;
 *   each sum still adds the same numbers in the same order (students in `idx` order), so every result is bit for
 *   bit the one of a row-by-row sweep.
 * - `wholeScores`: every score is a whole number below 2³¹ and there are fewer than 2²² rows, so every sum of
 *   scores is a whole number below 2⁵³: exact, whatever the order of addition (the 27 % groups use this).
 * - `mark`: one byte per row, all 0 between uses (scratch for the 27 % groups).
 */
export interface ExamPrep {
  columns: Float64Array;
  wholeScores: boolean;
  mark: Uint8Array;
}

export function prepareExam(exam: ExamScores): ExamPrep {
  const m = exam.items.length;
  const rows = exam.studentIds.length;
  const s = exam.scores;
  const columns = new Float64Array(m * rows);
  let whole = rows < 2 ** 22;
  const BLOCK = 64; // rows per block: the block's cells stay in cache while each column segment is written
  for (let i0 = 0; i0 < rows; i0 += BLOCK) {
    const i1 = Math.min(rows, i0 + BLOCK);
    for (let j = 0; j < m; j++) {
      const c = j * rows;
      for (let i = i0; i < i1; i++) {
        const x = s[i * m + j] ?? 0;
        columns[c + i] = x;
        if ((x | 0) !== x) whole = false;
      }
    }
  }
  return { columns, wholeScores: whole, mark: new Uint8Array(rows) };
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
  const columns = prep.columns;
  const items = exam.items;
  const m = items.length;
  const n = idx.length;
  const rows = exam.studentIds.length;
  const s = exam.scores;
  const full = exam.fullMarks;

  const tot = sweepTotals(
    totals,
    idx,
    thresholds.excellent * full,
    thresholds.pass * full,
    thresholds.low * full,
  );
  const meanT = tot.mean;
  const stt = tot.ss;
  // each item's scores and the totals in idx order: views when idx is a run of consecutive rows (the whole paper;
  // a school whose rows come together), else gathered
  const first = idx[0] ?? 0;
  const run = n > 0 && (idx[n - 1] ?? 0) - first === n - 1; // idx ascends, so this means consecutive
  const t = run ? totals.subarray(first, first + n) : gather(totals, 0, idx, new Float64Array(n));
  const scratch = run ? null : new Float64Array(n);
  const item = items.map((_, j) =>
    sweepItem(
      scratch
        ? gather(columns, j * rows, idx, scratch)
        : columns.subarray(j * rows + first, j * rows + first + n),
      t,
    ),
  );

  // order is by total descending: ascending position p is order[n − 1 − p]
  const asc = (p: number) => totals[order[n - 1 - p] ?? 0] ?? 0;
  const h = n >> 1;
  const total: TotalStats = {
    n,
    mean: n > 0 ? meanT : null,
    sd: n > 1 ? Math.sqrt(stt / (n - 1)) : null,
    median: n === 0 ? null : n % 2 === 1 ? asc(h) : (asc(h - 1) + asc(h)) / 2,
    max: n > 0 ? asc(n - 1) : null,
    min: n > 0 ? asc(0) : null,
    excellentRate: rateOf(tot.excellent, n),
    passRate: rateOf(tot.pass, n),
    lowRate: rateOf(tot.low, n),
  };

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

/**
 * One item over a group of students: its scores x and the students' totals t, both in the group's order. Pass 1
 * sums, pass 2 centred sums of squares and products (two-pass, so a large common offset does not cancel digits
 * away).
 */
function sweepItem(x: Float64Array, t: Float64Array): ItemSweep {
  const n = x.length;
  if (n === 0) return { mean: 0, ssX: 0, ssY: 0, spXY: 0, nonConstant: false };
  let sumX = 0;
  let sumY = 0;
  for (let k = 0; k < n; k++) {
    const xk = x[k] ?? 0;
    sumX += xk;
    sumY += (t[k] ?? 0) - xk;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let ssX = 0;
  let ssY = 0;
  let spXY = 0;
  for (let k = 0; k < n; k++) {
    const xk = x[k] ?? 0;
    const dx = xk - meanX;
    const dy = (t[k] ?? 0) - xk - meanY;
    ssX += dx * dx;
    ssY += dy * dy;
    spXY += dx * dy;
  }
  const constant =
    (mayBeConstant(ssX, meanX, n) && constantScores(x, t, false)) ||
    (mayBeConstant(ssY, meanY, n) && constantScores(x, t, true));
  return { mean: meanX, ssX, ssY, spXY, nonConstant: !constant };
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

/** Every x (rest: every t − x) equal to the first one, compared exactly. */
function constantScores(x: Float64Array, t: Float64Array, rest: boolean): boolean {
  const v0 = rest ? (t[0] ?? 0) - (x[0] ?? 0) : (x[0] ?? 0);
  for (let k = 1; k < x.length; k++) {
    const v = rest ? (t[k] ?? 0) - (x[k] ?? 0) : (x[k] ?? 0);
    if (v !== v0) return false;
  }
  return true;
}

/** out[k] = from[offset + idx[k]] */
function gather(from: Float64Array, offset: number, idx: Uint32Array, out: Float64Array): Float64Array {
  for (let k = 0; k < idx.length; k++) out[k] = from[offset + (idx[k] ?? 0)] ?? 0;
  return out;
}

/**
 * Add `count` rows of the row-major matrix (m items) into `sums`, item by item: the rows order[first],
 * order[first + step], … (step 1 for the upper group from the top, −1 for the lower group from the bottom).
 */
function groupSums(
  scores: Float64Array,
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
  scores: Float64Array,
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

/** Score bands every `width` points from 0; the last band ends at (and includes) full marks. */
export function bandsEvery(totals: ArrayLike<number>, fullMarks: number, width = 10): ScoreBand[] {
  const count = Math.max(1, Math.ceil(fullMarks / width));
  const edges = Array.from({ length: count + 1 }, (_, b) => Math.min(b * width, fullMarks));
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

function groupIndices(keys: Int32Array, groups: number): Uint32Array[] {
  const sizes = new Int32Array(groups);
  for (let i = 0; i < keys.length; i++) {
    const g = keys[i] ?? 0;
    sizes[g] = (sizes[g] ?? 0) + 1;
  }
  const out = Array.from(sizes, (sz) => new Uint32Array(sz));
  const fill = new Int32Array(groups);
  for (let i = 0; i < keys.length; i++) {
    const g = keys[i] ?? 0;
    const arr = out[g];
    const f = fill[g] ?? 0;
    if (arr) arr[f] = i;
    fill[g] = f + 1;
  }
  return out;
}

/** Split an order (of all students) into each group's order, keeping the sequence: a stable bucketing. */
function groupOrders(order: Uint32Array, keys: Int32Array, sizes: Uint32Array[]): Uint32Array[] {
  if (sizes.length === 0) return [];
  const out = sizes.map((a) => new Uint32Array(a.length));
  const fill = new Int32Array(sizes.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    const g = keys[i] ?? 0;
    const f = fill[g] ?? 0;
    const arr = out[g];
    if (arr) arr[f] = i;
    fill[g] = f + 1;
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The whole analysis of one exam paper (one subject). */
export function analyzeExam(exam: ExamScores, options: AnalyzeOptions = {}): ExamAnalysis {
  const thresholds = options.thresholds ?? DEFAULT_EXAM_THRESHOLDS;
  const n = exam.studentIds.length;
  const totals = studentTotals(exam);
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const order = orderByTotalDesc(totals, all);
  const prep = prepareExam(exam);
  const subset = (idx: Uint32Array, groupOrder: Uint32Array | undefined) =>
    analyzeSubset(exam, totals, idx, thresholds, groupOrder, prep);
  const overall = subset(all, order);
  const bySchool = options.schools !== false ? groupIndices(exam.school, exam.schools.length) : [];
  const schoolOrders = groupOrders(order, exam.school, bySchool);
  const schoolStats = bySchool.map((idx, s) => subset(idx, schoolOrders[s]));
  const byClass = options.classes !== false ? groupIndices(exam.klass, exam.classes.length) : [];
  const classOrders = groupOrders(order, exam.klass, byClass);
  const classStats = byClass.map((idx, c) => subset(idx, classOrders[c]));
  const om = overall.total.mean;
  const osd = overall.total.sd;
  const decorate = (
    a: SubsetAnalysis,
    name: string,
    school: string,
    className: string | null,
  ): GroupAnalysis => {
    const gm = a.total.mean;
    return {
      name,
      school,
      className,
      ...a,
      aboveMeanRate: gm !== null && om !== null && om !== 0 ? (gm - om) / om : null,
      standardised: gm !== null && om !== null && osd !== null && osd > 0 ? (gm - om) / osd : null,
    };
  };
  const schools = schoolStats.map((a, s) => {
    const name = exam.schools[s] ?? '';
    return decorate(a, name, name, null);
  });
  schools.sort((a, b) => compareText(a.school, b.school));
  const classes = classStats.map((a, c) => {
    const ref = exam.classes[c];
    const school = exam.schools[ref?.school ?? 0] ?? '';
    const cn = ref?.name ?? '';
    return decorate(a, `${school} / ${cn}`, school, cn);
  });
  classes.sort(
    (a, b) => compareText(a.school, b.school) || compareText(a.className ?? '', b.className ?? ''),
  );
  return {
    students: n,
    absent: exam.absent.length,
    blankCells: exam.blankCells,
    fullMarks: exam.fullMarks,
    thresholds,
    overall,
    bands10: bandsEvery(totals, exam.fullMarks, 10),
    customBands: options.customBands
      ? scoreBands(totals, options.customBands.edges, options.customBands.labels)
      : null,
    schools,
    classes,
  };
}
