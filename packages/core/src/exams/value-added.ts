/**
 * Value-added (增值评价, seed 001's zones): over the students who have both a current total and a prior
 * score, z-score both (mean and sample sd of those students), fit current on prior by OLS, and give each school
 * the mean residual of its students with a 95 % interval mean ± 1.96 · sd / √n (sd = sample sd of the school's
 * residuals).
 */
import { IdIndex, increasing } from './id-index';

export const VALUE_ADDED_Z = 1.96;

export interface SchoolValueAdded {
  school: string;
  /** students of the school in the model */
  n: number;
  va: number;
  /** null when n < 2 (no sd) */
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ValueAddedResult {
  /** students with both scores */
  matched: number;
  /** present students without a prior score */
  withoutPrior: number;
  /** prior rows whose student is not among the present students (absent, or not in the score sheet) */
  priorUnused: number;
  intercept: number;
  slope: number;
  schools: SchoolValueAdded[];
}

export type ValueAddedOutcome =
  | { ok: true; result: ValueAddedResult }
  | { ok: false; reason: 'TOO_FEW_STUDENTS' | 'CONSTANT_SCORES'; message: string; matched: number };

/**
 * Prior scores as two lists in file order, student ids unique (what `readPriorCsvFast` gives; `readPriorSheet`
 * gives a Map: valueAdded takes either).
 */
export interface PriorList {
  ids: readonly string[];
  scores: Float64Array;
}

export type PriorScores = ReadonlyMap<string, number> | PriorList;

function isPriorList(prior: PriorScores): prior is PriorList {
  return Array.isArray((prior as PriorList).ids);
}

/**
 * The students (rows, ascending) who have a prior score, and that score. When the student ids and the prior ids
 * both come in increasing order (files sorted by 考号), one merge of the two lists by string comparison; else the
 * students in an IdIndex and each prior id looked up there; with a repeated student id (the readers never give
 * one) each student looked up in a Map, so every row of that id gets the prior score.
 */
function matchPrior(
  studentIds: readonly string[],
  prior: PriorScores,
): { rowsWith: Int32Array; priorOf: Float64Array; priorCount: number } {
  const n = studentIds.length;
  let ids: readonly string[];
  let scores: ArrayLike<number>;
  if (isPriorList(prior)) ({ ids, scores } = prior);
  else {
    const keys: string[] = [];
    const values: number[] = [];
    prior.forEach((p, id) => {
      keys.push(id);
      values.push(p);
    });
    ids = keys;
    scores = values;
  }
  const has = new Uint8Array(n);
  const value = new Float64Array(n);
  const take = (i: number, p: number) => {
    has[i] = 1;
    value[i] = scores[p] ?? 0;
  };
  if (increasing(studentIds) && increasing(ids)) {
    for (let i = 0, p = 0; i < n && p < ids.length; ) {
      const a = studentIds[i] ?? '';
      const b = ids[p] ?? '';
      if (a === b) take(i++, p++);
      else if (a < b) i++;
      else p++;
    }
  } else {
    const index = new IdIndex(n);
    let unique = true;
    for (let i = 0; i < n && unique; i++) unique = index.add(studentIds[i] ?? '') < 0;
    if (unique)
      for (let p = 0; p < ids.length; p++) {
        const i = index.get(ids[p] ?? '');
        if (i >= 0) take(i, p);
      }
    else {
      const byId = new Map(ids.map((id, p) => [id, p]));
      for (let i = 0; i < n; i++) {
        const p = byId.get(studentIds[i] ?? '');
        if (p !== undefined) take(i, p);
      }
    }
  }
  let k = 0;
  for (let i = 0; i < n; i++) k += has[i] ?? 0;
  const rowsWith = new Int32Array(k);
  const priorOf = new Float64Array(k);
  for (let i = 0, a = 0; i < n; i++) {
    if (has[i] === 1) {
      rowsWith[a] = i;
      priorOf[a] = value[i] ?? 0;
      a++;
    }
  }
  return { rowsWith, priorOf, priorCount: ids.length };
}

/**
 * @param totals current totals of the present students
 * @param studentIds their ids (same order)
 * @param school their school index into `schools`
 */
export function valueAdded(
  totals: ArrayLike<number>,
  studentIds: readonly string[],
  school: ArrayLike<number>,
  schools: readonly string[],
  prior: PriorScores,
): ValueAddedOutcome {
  const n = studentIds.length;
  const { rowsWith, priorOf, priorCount } = matchPrior(studentIds, prior);
  const k = rowsWith.length;
  if (k < 3)
    return {
      ok: false,
      reason: 'TOO_FEW_STUDENTS',
      message: `只有 ${k} 名学生同时有本次和前测成绩，至少需要 3 名才能做增值评价`,
      matched: k,
    };
  const x = new Float64Array(k);
  const y = new Float64Array(k);
  let sx = 0;
  let sy = 0;
  for (let a = 0; a < k; a++) {
    const i = rowsWith[a] ?? 0;
    const xv = priorOf[a] ?? 0;
    const yv = totals[i] ?? 0;
    x[a] = xv;
    y[a] = yv;
    sx += xv;
    sy += yv;
  }
  const mx = sx / k;
  const my = sy / k;
  let ssx = 0;
  let ssy = 0;
  let xConst = true;
  let yConst = true;
  for (let a = 0; a < k; a++) {
    const dx = (x[a] ?? 0) - mx;
    const dy = (y[a] ?? 0) - my;
    ssx += dx * dx;
    ssy += dy * dy;
    if (x[a] !== x[0]) xConst = false;
    if (y[a] !== y[0]) yConst = false;
  }
  if (xConst || yConst)
    return {
      ok: false,
      reason: 'CONSTANT_SCORES',
      message: xConst ? '所有学生的前测成绩相同，无法标准化' : '所有学生的本次成绩相同，无法标准化',
      matched: k,
    };
  const sdx = Math.sqrt(ssx / (k - 1));
  const sdy = Math.sqrt(ssy / (k - 1));
  // z-scores, then OLS of zy on zx (two-pass again on the z-scores)
  let szx = 0;
  let szy = 0;
  for (let a = 0; a < k; a++) {
    x[a] = ((x[a] ?? 0) - mx) / sdx;
    y[a] = ((y[a] ?? 0) - my) / sdy;
    szx += x[a] ?? 0;
    szy += y[a] ?? 0;
  }
  const mzx = szx / k;
  const mzy = szy / k;
  let sxx = 0;
  let sxy = 0;
  for (let a = 0; a < k; a++) {
    const dx = (x[a] ?? 0) - mzx;
    sxx += dx * dx;
    sxy += dx * ((y[a] ?? 0) - mzy);
  }
  const slope = sxy / sxx;
  const intercept = mzy - slope * mzx;
  // residuals per school: two-pass mean and sd
  const g = schools.length;
  const cnt = new Int32Array(g);
  const sum = new Float64Array(g);
  const res = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const e = (y[a] ?? 0) - (intercept + slope * (x[a] ?? 0));
    res[a] = e;
    const s = school[rowsWith[a] ?? 0] ?? 0;
    cnt[s] = (cnt[s] ?? 0) + 1;
    sum[s] = (sum[s] ?? 0) + e;
  }
  const ss = new Float64Array(g);
  for (let a = 0; a < k; a++) {
    const s = school[rowsWith[a] ?? 0] ?? 0;
    const d = (res[a] ?? 0) - (sum[s] ?? 0) / (cnt[s] ?? 1);
    ss[s] = (ss[s] ?? 0) + d * d;
  }
  const out: SchoolValueAdded[] = [];
  for (let s = 0; s < g; s++) {
    const c = cnt[s] ?? 0;
    if (c === 0) continue;
    const va = (sum[s] ?? 0) / c;
    const half = c >= 2 ? (VALUE_ADDED_Z * Math.sqrt((ss[s] ?? 0) / (c - 1))) / Math.sqrt(c) : null;
    out.push({
      school: schools[s] ?? '',
      n: c,
      va,
      ciLow: half === null ? null : va - half,
      ciHigh: half === null ? null : va + half,
    });
  }
  out.sort((a, b) => (a.school < b.school ? -1 : a.school > b.school ? 1 : 0));
  return {
    ok: true,
    // student ids are unique among the present students, so every prior not matched is unused
    result: { matched: k, withoutPrior: n - k, priorUnused: priorCount - k, intercept, slope, schools: out },
  };
}
