/**
 * The JSON of `yanxun exam analyze`: exactly the keys the issue names, snake_case, full double
 * precision (JSON.stringify of the doubles, no rounding), rates as fractions 0..1, `null` where a statistic is
 * undefined. `students` is the number of students analysed (present); absent students are not counted there.
 */
import type { ExamAnalysis } from './analysis';
import type { ValueAddedResult } from './value-added';

export interface ExamReportJson {
  students: number;
  total: {
    mean: number | null;
    sd: number | null;
    median: number | null;
    max: number | null;
    min: number | null;
    alpha: number | null;
    excellent_rate: number | null;
    pass_rate: number | null;
    low_rate: number | null;
  };
  items: {
    item_id: string;
    difficulty: number | null;
    discrimination_27: number | null;
    item_total_r: number | null;
  }[];
  schools: { school: string; n: number; mean: number | null; sd: number | null; pass_rate: number | null }[];
  value_added?: { school: string; va: number; ci_low: number | null; ci_high: number | null }[];
}

export function examReportJson(a: ExamAnalysis, va?: ValueAddedResult | null): ExamReportJson {
  const t = a.overall.total;
  const out: ExamReportJson = {
    students: a.students,
    total: {
      mean: t.mean,
      sd: t.sd,
      median: t.median,
      max: t.max,
      min: t.min,
      alpha: a.overall.alpha,
      excellent_rate: t.excellentRate,
      pass_rate: t.passRate,
      low_rate: t.lowRate,
    },
    items: a.overall.items.map((it) => ({
      item_id: it.itemId,
      difficulty: it.difficulty,
      discrimination_27: it.discrimination27,
      item_total_r: it.itemTotalR,
    })),
    schools: a.schools.map((s) => ({
      school: s.school,
      n: s.total.n,
      mean: s.total.mean,
      sd: s.total.sd,
      pass_rate: s.total.passRate,
    })),
  };
  if (va !== undefined)
    out.value_added = (va?.schools ?? []).map((s) => ({
      school: s.school,
      va: s.va,
      ci_low: s.ciLow,
      ci_high: s.ciHigh,
    }));
  return out;
}
