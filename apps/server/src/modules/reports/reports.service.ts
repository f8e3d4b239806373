import type { KpiCode, KpiQuery, KpiReport, KpiRow, KpiTarget, SelectionQualityRow } from '@yanxun/contracts';
import {
  completionRate,
  kpiRate,
  kpiTargetsOf,
  PROJECT_COUNTY_DEDUCTION,
  todayInShanghai,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { ExcelJS } from '../../shared/exceljs';
import { scopeOf } from '../../shared/permissions';
import { classKpiCounts, type KpiCountsRow } from '../classes';
import type { OrgRepository } from '../org';
import type { ProgramsService } from '../programs';
// the training overview (培训总览)
import { createOverview } from './reports.overview';
import { createReportsRepository, type ReportsRepository } from './reports.repository';

/** A unit of the report: an org and its subtree path. */
export interface KpiUnit {
  id: string;
  path: string;
}

/** Per unit: teachers completed (结业) and teachers a completion run has judged. */
export interface CompletionCount {
  completed: number;
  assessed: number;
}

/**
 * Completions (结业) per unit id for a programme. The completion module supplies it; until then the report
 * shows "—" for 结业 and 结业率 (`completionAvailable: false`).
 */
export type CompletionCounter = (
  programmeId: string,
  units: KpiUnit[],
) => Promise<Map<string, CompletionCount>>;

const NEXT_LEVEL = { city: 'county', county: 'school', school: null } as const;

/**
 * KPIs and reports: per programme and per city / county / school in the actor's scope,
 * seats and nominations, 注册完成率, 报到率, attendance over sessions held, 结业率 (when known), selection
 * quality and the R3-B03 deduction. Scope comes from the programs module's selection-quality report (the
 * units it lists are exactly those the actor may read); enrolment and attendance counts from classes.
 */
export function createReportsService(deps: {
  db: Database;
  programs: ProgramsService;
  orgRepo: OrgRepository;
  /** Added by the completion branch; absent → 结业 "—". */
  completionCounts?: CompletionCounter;
  clock?: () => Date;
  /** the read model of the training overview (made from `db` when not given). */
  repo?: ReportsRepository;
}) {
  const { db, programs, orgRepo } = deps;
  const now = deps.clock ?? (() => new Date());
  const overview = createOverview({
    db,
    repo: deps.repo ?? createReportsRepository(db),
    programs,
    clock: now,
  });

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
      deductionPoints:
        deducted.length > 0 ? deducted.reduce((s, r) => s + (r.deductionPoints ?? 0), 0) : null,
      deductionScore: null,
    };
  }

  return {
    // 培训总览
    ...overview,

    /** The KPI report of a programme at a level, optionally under one parent unit (drill-down). */
    async programmeKpis(actor: Actor, programmeId: string, query: KpiQuery): Promise<KpiReport> {
      // scope: the selection-quality report loads the programme (404 out of scope) and lists only units
      // the actor may read
      const quality = await programs.selectionQuality(actor, programmeId, { level: query.level });
      const ref = await programs.programmeWithPack(programmeId);
      if (!ref) throw notFound('培训项目');
      let parent: { id: string; name: string; kind: string; path: string } | undefined;
      if (query.parentOrgId) {
        const org = await orgRepo.findById(query.parentOrgId);
        if (
          !org ||
          !scopeOf(actor, 'program.read').some((r) => r.startsWith(org.path) || org.path.startsWith(r))
        ) {
          throw notFound('机构');
        }
        parent = org;
      }
      const orgs = await orgRepo.findByIds(quality.rows.map((r) => r.orgId));
      const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
      const unitRows = quality.rows.filter((r) => {
        const path = pathOf.get(r.orgId);
        return path !== undefined && (!parent || path.startsWith(parent.path));
      });
      const units: KpiUnit[] = unitRows.map((r) => ({ id: r.orgId, path: pathOf.get(r.orgId) ?? '' }));
      const asOf = todayInShanghai(now());
      const [counts, completions] = await Promise.all([
        classKpiCounts(db, programmeId, units, asOf),
        deps.completionCounts ? deps.completionCounts(programmeId, units) : Promise.resolve(null),
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
    },

    /** The KPI report as an Excel workbook (one sheet, Chinese headers, rates as percentages; "—" unknown). */
    async exportProgrammeKpis(
      actor: Actor,
      programmeId: string,
      query: KpiQuery,
    ): Promise<{ fileName: string; body: Buffer }> {
      const r = await this.programmeKpis(actor, programmeId, query);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据看板');
      ws.columns = [
        { header: '单位', key: 'orgName', width: 24 },
        { header: '名额', key: 'seats', width: 8 },
        { header: '推荐人次', key: 'nominations', width: 10 },
        { header: '入选', key: 'selected', width: 8 },
        { header: '编班', key: 'enrolled', width: 8 },
        { header: '注册', key: 'registered', width: 8 },
        { header: '注册完成率', key: 'registrationRate', width: 12 },
        { header: '报到', key: 'arrived', width: 8 },
        { header: '报到率', key: 'arrivalRate', width: 10 },
        { header: '应出勤人次', key: 'sessionsExpected', width: 12 },
        { header: '实出勤人次', key: 'sessionsAttended', width: 12 },
        { header: '出勤率', key: 'attendanceRate', width: 10 },
        { header: '结业', key: 'completed', width: 8 },
        { header: '结业率', key: 'completionRate', width: 10 },
        { header: '不符合条件被拒', key: 'refusedAttempts', width: 14 },
        { header: '例外通过', key: 'overridden', width: 10 },
        { header: '缺培', key: 'noShows', width: 8 },
        { header: '未结业', key: 'notCompleted', width: 8 },
        { header: `扣分（${r.deductionRuleId}）`, key: 'deductionPoints', width: 12 },
      ];
      const pct = (x: { rate: number | null }) => (x.rate === null ? '—' : x.rate);
      for (const x of [...r.rows, r.total]) {
        ws.addRow({
          ...x,
          seats: x.seats ?? '',
          completed: x.completed ?? '—',
          registrationRate: pct(x.registrationRate),
          arrivalRate: pct(x.arrivalRate),
          attendanceRate: pct(x.attendanceRate),
          completionRate: pct(x.completionRate),
          deductionPoints: x.deductionPoints ?? '',
        });
      }
      for (const key of ['registrationRate', 'arrivalRate', 'attendanceRate', 'completionRate']) {
        ws.getColumn(key).numFmt = '0.0%';
      }
      ws.getRow(1).font = { bold: true };
      ws.getRow(ws.rowCount).font = { bold: true };
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      const levelName = { city: '市', county: '县', school: '校' }[r.level];
      return { fileName: `${r.programmeTitle}-数据看板-按${levelName}.xlsx`, body };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
