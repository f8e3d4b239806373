/**
 * Classical exam analysis (R-002-13 质量分析): totals, 一分三率, score bands, items (难度, 区分度 by the 27 % rule,
 * corrected item–total correlation), Cronbach's alpha, knowledge-point and ability-level score rates, and the same
 * per school and per class with 超均率 and standardised scores. Definitions: and docs/POLICIES.md
 * "Exam analysis". Statistics that are undefined for the data are `null` (see each field).
 */
import { analyzeSubset, analyzeSubsetTotals, prepareExam } from './analysis-items';
import { bandsEvery, orderByTotalDesc, scoreBands, studentTotals } from './analysis-totals';
import {
  type AnalyzeOptions,
  DEFAULT_EXAM_THRESHOLDS,
  type ExamAnalysis,
  type GroupAnalysis,
  type SubsetAnalysis,
} from './analysis-types';
import type { ExamScores } from './model';

export { analyzeSubset, analyzeSubsetTotals, type ExamPrep, prepareExam } from './analysis-items';
export { bandsEvery, orderByTotalDesc, scoreBands, studentTotals } from './analysis-totals';
export {
  type AnalyzeOptions,
  DEFAULT_EXAM_THRESHOLDS,
  DISCRIMINATION_GROUP_PERCENT,
  type ExamAnalysis,
  type ExamThresholds,
  type GroupAnalysis,
  type ItemStats,
  type LabelRate,
  type ScoreBand,
  type SubsetAnalysis,
  type TotalStats,
} from './analysis-types';

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
  const totals = options.totals ?? studentTotals(exam);
  if (totals.length !== n) throw new RangeError('totals: one per present student');
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const order = orderByTotalDesc(totals, all);
  const prep = prepareExam(exam);
  const overall = analyzeSubset(exam, totals, all, thresholds, order, prep);
  const subset =
    options.groupItems === false
      ? (idx: Uint32Array, groupOrder: Uint32Array | undefined) =>
          analyzeSubsetTotals(exam, totals, idx, thresholds, groupOrder)
      : (idx: Uint32Array, groupOrder: Uint32Array | undefined) =>
          analyzeSubset(exam, totals, idx, thresholds, groupOrder, prep);
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
