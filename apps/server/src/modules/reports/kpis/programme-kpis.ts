/**
 * The KPI report of a programme (R-004-27, R3-B03): per city / county / school in the actor's scope, seats and
 * nominations, 注册完成率, 报到率, attendance over sessions held, 结业率 (when known), selection quality and the
 * county deduction. The rates and targets are core's (packages/core/src/programs/kpi.ts).
 */
import type { KpiCode, KpiQuery, KpiReport, KpiRow, KpiTarget, SelectionQualityRow } from '@yanxun/contracts';
import { completionRate, kpiRate, kpiTargetsOf, PROJECT_COUNTY_DEDUCTION } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { scopeOf } from '../../../shared/permissions';
import { dateOf, shownTime } from '../../../shared/time';
import type { KpiCountsRow } from '../../classes';
import type { ReportsContext } from '../context';
import type { CompletionCount, KpiUnit } from '../ports';

const NEXT_LEVEL = { city: 'county', county: 'school', school: null } as const;

function row(
  q: SelectionQualityRow,
  c: KpiCountsRow | undefined,
  completion: CompletionCount | null,
  drillable: boolean,
): KpiRow {
  const completed = completion?.completed ?? null;
  const assessed = completion?.assessed ?? null;
  const enrolled = c?.enrolled ?? 0;
  const registered = c?.registered ?? 0;
  const arrived = c?.arrived ?? 0;
  const sessionsExpected = c?.sessions_expected ?? 0;
  const sessionsAttended = c?.sessions_attended ?? 0;
  return {
    orgId: q.orgId,
    orgName: q.orgName,
    orgKind: q.orgKind,
    drillable,
    seats: q.seats,
    nominations: q.nominations,
    selected: q.selected,
    enrolled,
    registered,
    arrived,
    sessionsExpected,
    sessionsAttended,
    completed,
    assessed,
    registrationRate: kpiRate(registered, enrolled),
    arrivalRate: kpiRate(arrived, enrolled),
    attendanceRate: kpiRate(sessionsAttended, sessionsExpected),
    completionRate: completionRate(completed, assessed, enrolled),
    refusedAttempts: q.refusedAttempts,
    overridden: q.overridden,
    noShows: q.noShows,
    notCompleted: q.notCompleted,
    deductionPoints: q.deduction?.points ?? null,
    deductionScore: q.deduction?.score ?? null,
  };
}

function totalOf(rows: KpiRow[], completionAvailable: boolean, parentName: string | null): KpiRow {
  const sum = (f: (r: KpiRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const seats = rows.some((r) => r.seats !== null) ? sum((r) => r.seats ?? 0) : null;
  const enrolled = sum((r) => r.enrolled);
  const registered = sum((r) => r.registered);
  const arrived = sum((r) => r.arrived);
  const sessionsExpected = sum((r) => r.sessionsExpected);
  const sessionsAttended = sum((r) => r.sessionsAttended);
  const completed = completionAvailable ? sum((r) => r.completed ?? 0) : null;
  const assessed = completionAvailable ? sum((r) => r.assessed ?? 0) : null;
  const deducted = rows.filter((r) => r.deductionPoints !== null);
  return {
    orgId: '',
    orgName: parentName ? `${parentName}合计` : '合计',
    orgKind: 'total',
    drillable: false,
    seats,
    nominations: sum((r) => r.nominations),
    selected: sum((r) => r.selected),
    enrolled,
    registered,
    arrived,
    sessionsExpected,
    sessionsAttended,
    completed,
    assessed,
    registrationRate: kpiRate(registered, enrolled),
    arrivalRate: kpiRate(arrived, enrolled),
    attendanceRate: kpiRate(sessionsAttended, sessionsExpected),
    completionRate: completionRate(completed, assessed, enrolled),
    refusedAttempts: sum((r) => r.refusedAttempts),
    overridden: sum((r) => r.overridden),
    noShows: sum((r) => r.noShows),
    notCompleted: sum((r) => r.notCompleted),
    deductionPoints: deducted.length > 0 ? deducted.reduce((s, r) => s + (r.deductionPoints ?? 0), 0) : null,
    deductionScore: null,
  };
}

/** The KPI report of a programme at a level, optionally under one parent unit (drill-down). */
export async function programmeKpis(
  ctx: ReportsContext,
  actor: Actor,
  programmeId: string,
  query: KpiQuery,
): Promise<KpiReport> {
  // scope: the selection-quality report loads the programme (404 out of scope) and lists only units
  // the actor may read
  const quality = await ctx.selection.selectionQuality(actor, programmeId, { level: query.level });
  const ref = await ctx.programs.programmeWithPack(programmeId);
  if (!ref) throw notFound('培训项目');
  let parent: { id: string; name: string; kind: string; path: string } | undefined;
  if (query.parentOrgId) {
    const org = await ctx.orgs.findById(query.parentOrgId);
    if (
      !org ||
      !scopeOf(actor, 'program.read').some((r) => r.startsWith(org.path) || org.path.startsWith(r))
    ) {
      throw notFound('机构');
    }
    parent = org;
  }
  const orgs = await ctx.orgs.findByIds(quality.rows.map((r) => r.orgId));
  const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
  const unitRows = quality.rows.filter((r) => {
    const path = pathOf.get(r.orgId);
    return path !== undefined && (!parent || path.startsWith(parent.path));
  });
  const units: KpiUnit[] = unitRows.map((r) => ({ id: r.orgId, path: pathOf.get(r.orgId) ?? '' }));
  const now = ctx.now();
  const asOf = dateOf(now);
  const [counts, completions] = await Promise.all([
    ctx.classes.classKpiCounts(programmeId, units, asOf, shownTime(now).slice(0, 5)),
    ctx.completionCounts ? ctx.completionCounts(programmeId, units) : Promise.resolve(null),
  ]);
  const byOrg = new Map(counts.map((c) => [c.org_id, c]));
  const drillable = NEXT_LEVEL[query.level] !== null;
  const rows = unitRows.map((q) =>
    row(
      q,
      byOrg.get(q.orgId),
      completions ? (completions.get(q.orgId) ?? { completed: 0, assessed: 0 }) : null,
      drillable,
    ),
  );
  const t = kpiTargetsOf(ref.pack);
  const targets: KpiTarget[] = (Object.keys(t) as KpiCode[]).flatMap((kpi) => {
    const v = t[kpi];
    return v ? [{ kpi, value: v.value, ruleId: v.ruleId, note: v.note ?? '' }] : [];
  });
  return {
    programmeId,
    programmeTitle: ref.programme.title,
    level: query.level,
    parent: parent ? { orgId: parent.id, orgName: parent.name, orgKind: parent.kind } : null,
    asOf,
    completionAvailable: completions !== null,
    deductionRuleId: PROJECT_COUNTY_DEDUCTION.maxPoints.ruleId,
    targets,
    rows,
    total: totalOf(rows, completions !== null, parent?.name ?? null),
  };
}
