/**
 * The report an audience may see, built from the cached analysis of an exam by the rules of
 * core's EXAM_REPORT_POLICY (SZ-12 grade bands, R-002-58 no score league tables, suppression of small groups).
 * Pure: the service decides the audience and the schools in scope, this file decides what goes out.
 */
import type { Exam, ExamReport, ExamWarning, ReportSchoolRow, ReportTotals } from '@yanxun/contracts';
import {
  type ExamAudience,
  type ExamReportPolicy,
  type RegionScope,
  type ReportMode,
  reportModeFor,
  suppressed,
  type TotalStats,
} from '@yanxun/core/exams';
import type { ExamCache, SchoolInfo } from '../analysis/analysis-cache';

function totals(t: TotalStats): ReportTotals {
  return {
    n: t.n,
    mean: t.mean,
    sd: t.sd,
    median: t.median,
    max: t.max,
    min: t.min,
    excellentRate: t.excellentRate,
    passRate: t.passRate,
    lowRate: t.lowRate,
  };
}

export function buildReport(args: {
  exam: Exam;
  /** the exam owner's region, whose aggregate the report's `overall` is */
  region: { orgId: string; name: string; scope: RegionScope };
  cache: ExamCache;
  audience: ExamAudience;
  policy: ExamReportPolicy;
  minGroupN: number;
  /** school ids the actor may see numbers of */
  visible: (schoolId: string) => boolean;
  schools: ReadonlyMap<string, SchoolInfo>;
  warnings?: ExamWarning[];
}): ExamReport {
  const { exam, cache, audience, policy, minGroupN } = args;
  const rule = policy.audiences[audience];
  const mode: ReportMode = reportModeFor(audience, exam, policy);
  const a = cache.analysis;
  const notes: string[] = [];
  if (mode === 'grades') notes.push('义务教育阶段常规考试以等级呈现，不公布分数与排名');
  if (!rule.ranks) notes.push('不向本类用户提供排名');
  notes.push(`人数少于 ${minGroupN} 的群体不显示统计结果`);
  if (cache.notSampled > 0) notes.push(`按抽样监测：${cache.notSampled} 名未入样学生不计入统计`);

  // ranks over every non-suppressed school of the exam (1 = highest mean), shown only where allowed
  const rankOf = new Map<string, number>();
  if (rule.ranks && mode === 'full') {
    const ranked = a.schools
      .filter((s) => !suppressed(s.total.n, minGroupN) && s.total.mean !== null)
      .sort((x, y) => (y.total.mean ?? 0) - (x.total.mean ?? 0));
    ranked.forEach((s, i) => {
      rankOf.set(s.school, i + 1);
    });
  }
  const vaOf = new Map((cache.va?.schools ?? []).map((s) => [s.school, s]));
  const schools: ReportSchoolRow[] = [];
  for (const g of a.schools) {
    if (!args.visible(g.school)) continue;
    const info = args.schools.get(g.school);
    const small = suppressed(g.total.n, minGroupN);
    const va = vaOf.get(g.school);
    schools.push({
      schoolId: g.school,
      school: info?.name ?? g.school,
      countyId: info?.countyId ?? '',
      suppressed: small,
      n: small ? null : g.total.n,
      grades: small ? null : (cache.grades.bySchool[g.school] ?? null),
      totals: small || mode === 'grades' ? null : totals(g.total),
      aboveMeanRate: small || mode !== 'full' ? null : g.aboveMeanRate,
      standardised: small || mode !== 'full' ? null : g.standardised,
      rank: small ? null : (rankOf.get(g.school) ?? null),
      valueAdded:
        small || !rule.valueAdded || mode !== 'full' || !va || suppressed(va.n, minGroupN)
          ? null
          : { va: va.va, ciLow: va.ciLow, ciHigh: va.ciHigh, n: va.n },
    });
  }
  // ranked rows first by rank, then the rest (suppressed, or no ranks for this audience) by name
  schools.sort((x, y) =>
    x.rank !== null && y.rank !== null
      ? x.rank - y.rank
      : x.rank !== null
        ? -1
        : y.rank !== null
          ? 1
          : x.school.localeCompare(y.school, 'zh-CN'),
  );
  const overallSmall = suppressed(a.students, minGroupN);
  return {
    exam,
    audience,
    mode,
    region: args.region,
    policy: {
      id: policy.id,
      ruleIds: policy.ruleIds,
      minGroupN,
      gradeCuts: cache.gradeCuts,
      ranks: rule.ranks && mode === 'full',
      notes,
    },
    overall: {
      n: a.students,
      absent: a.absent,
      grades: overallSmall ? [] : cache.grades.overall,
      totals: overallSmall || mode === 'grades' ? null : totals(a.overall.total),
      alpha: mode === 'full' ? a.overall.alpha : null,
    },
    bands:
      mode === 'grades' || overallSmall
        ? null
        : a.bands10.map((b) => ({ label: b.label, from: b.from, to: b.to, count: b.count })),
    items:
      rule.items && mode === 'full'
        ? a.overall.items.map((it) => ({
            itemId: it.itemId,
            maxScore: it.maxScore,
            difficulty: it.difficulty,
            discrimination27: it.discrimination27,
            itemTotalR: it.itemTotalR,
          }))
        : null,
    schools,
    valueAdded:
      rule.valueAdded && mode === 'full' && cache.va
        ? { matched: cache.va.matched, slope: cache.va.slope, intercept: cache.va.intercept }
        : null,
    warnings: rule.warnings && mode === 'full' ? (args.warnings ?? []) : null,
  };
}
