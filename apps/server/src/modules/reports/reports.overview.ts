/**
 * 培训总览 — every programme of a programme year the officer may read, by level (国培 … 工作室研修),
 * with seats, 报到率, 结业率, 学时 posted, budget vs spending and overdue class deadlines, each limited to the
 * officer's org subtree. Programmes owned above the officer (a provincial programme seen by a county) show
 * only the county's share: its seats, its trainees, its hours — never the budget or the provider's deadlines.
 *
 * Cost: the programme list (one statement) and packs (one per distinct pack), the figures of all programmes
 * (ONE statement, reports.repository.ts), the deadline boards of all their classes (four statements).
 */
import type { OverviewLevel, OverviewProgramme, OverviewQuery, TrainingOverview } from '@yanxun/contracts';
import { PROGRAMME_LEVELS } from '@yanxun/contracts';
import { completionRate, kpiRate, type PolicyPack, programmeBudget, todayInShanghai } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { ExcelJS } from '../../shared/exceljs';
import { can } from '../../shared/permissions';
import { deadlineCountsOfProgrammes } from '../classes';
import type { ProgrammeRef, ProgramsService } from '../programs';
import type { OverviewFiguresRow, ReportsRepository } from './reports.repository';

type Level = (typeof PROGRAMME_LEVELS)[number];

const LEVEL_NAMES: Record<Level, string> = {
  national: '国培计划',
  provincial: '省培计划',
  city: '市培计划',
  county: '县培计划',
  school: '校本研修',
  studio: '工作室研修',
};

function isLevel(x: string): x is Level {
  return (PROGRAMME_LEVELS as readonly string[]).includes(x);
}

function budgetOf(programme: ProgrammeRef, pack: PolicyPack): number | null {
  try {
    return programmeBudget(pack, {
      projectTypeCode: programme.projectTypeCode,
      trackCode: programme.trackCode,
      seats: programme.totalSeats,
    }).totalFen;
  } catch {
    return null; // a project type the pack no longer has: no budget rather than a failed page
  }
}

type Sums = Omit<OverviewLevel, 'level' | 'programmes' | 'arrivalRate' | 'completionRate'>;

function sumOf(rows: OverviewProgramme[]): Sums {
  const add = (f: (r: OverviewProgramme) => number) => rows.reduce((n, r) => n + f(r), 0);
  const addNullable = (f: (r: OverviewProgramme) => number | null) => {
    const known = rows.map(f).filter((v): v is number => v !== null);
    return known.length > 0 ? known.reduce((n, v) => n + v, 0) : null;
  };
  return {
    seats: add((r) => r.seats),
    seatsUsed: add((r) => r.seatsUsed),
    enrolled: add((r) => r.enrolled),
    arrived: add((r) => r.arrived),
    assessed: add((r) => r.assessed),
    completed: add((r) => r.completed),
    hoursTenths: add((r) => r.hoursTenths),
    budgetFen: addNullable((r) => r.budgetFen),
    spentFen: addNullable((r) => r.spentFen),
    classes: addNullable((r) => r.classes),
    overdueDeadlines: addNullable((r) => r.overdueDeadlines),
  };
}

function withRates(s: Sums) {
  return {
    ...s,
    arrivalRate: kpiRate(s.arrived, s.enrolled),
    completionRate: completionRate(s.completed, s.assessed, s.enrolled),
  };
}

export function createOverview(deps: {
  db: Database;
  repo: ReportsRepository;
  programs: ProgramsService;
  clock: () => Date;
}) {
  const { db, repo, programs, clock } = deps;

  async function trainingOverview(actor: Actor, query: OverviewQuery): Promise<TrainingOverview> {
    const { roots, items } = await programs.programmesInScope(actor);
    const years = [...new Set(items.map((i) => i.programme.year))].sort((a, b) => b - a);
    const year = query.year ?? years[0] ?? null;
    const asOf = todayInShanghai(clock());
    const ofYear = items.filter((i) => i.programme.year === year);
    const ids = ofYear.map((i) => i.programme.id);
    // programme-wide facts (budget, spending, the provider's deadlines) only for programmes owned in scope
    const owned = ofYear.filter((i) => can(actor, 'program.read', i.programme.ownerPath));
    const [figures, deadlines] = await Promise.all([
      repo.overviewFigures(ids, roots),
      deadlineCountsOfProgrammes(
        db,
        owned.map((i) => ({ id: i.programme.id, pack: i.pack })),
        asOf,
      ),
    ]);
    const byId = new Map<string, OverviewFiguresRow>(figures.map((f) => [f.programme_id, f]));
    const programmes: OverviewProgramme[] = ofYear.flatMap(({ programme: p, pack }) => {
      if (!isLevel(p.level)) return [];
      const f = byId.get(p.id);
      const ownedInScope = can(actor, 'program.read', p.ownerPath);
      const seesBudget = ownedInScope && can(actor, 'budget.read', p.ownerPath);
      const d = deadlines.get(p.id);
      const enrolled = f?.enrolled ?? 0;
      const arrived = f?.arrived ?? 0;
      const assessed = f?.assessed ?? 0;
      const completed = f?.completed ?? 0;
      return [
        {
          id: p.id,
          title: p.title,
          level: p.level,
          ownerOrgName: p.ownerOrgName,
          startDate: p.startDate,
          endDate: p.endDate,
          ownedInScope,
          seats: f?.seats ?? 0,
          seatsUsed: f?.seats_used ?? 0,
          enrolled,
          arrived,
          assessed,
          completed,
          arrivalRate: kpiRate(arrived, enrolled),
          completionRate: completionRate(completed, assessed, enrolled),
          hoursTenths: f?.hours_tenths ?? 0,
          budgetFen: seesBudget ? budgetOf(p, pack) : null,
          spentFen: seesBudget ? (f?.spent_fen ?? 0) : null,
          classes: ownedInScope ? (d?.classes ?? 0) : null,
          overdueDeadlines: ownedInScope ? (d?.overdue ?? 0) : null,
          overdueRules: ownedInScope ? (d?.overdueRules ?? []) : [],
        },
      ];
    });
    const order = (l: string) => PROGRAMME_LEVELS.indexOf(l as Level);
    programmes.sort((a, b) => order(a.level) - order(b.level) || a.startDate.localeCompare(b.startDate));
    const levels: OverviewLevel[] = PROGRAMME_LEVELS.flatMap((level) => {
      const rows = programmes.filter((p) => p.level === level);
      return rows.length > 0 ? [{ level, programmes: rows.length, ...withRates(sumOf(rows)) }] : [];
    });
    const scope = roots.map((r) => actor.grants.find((g) => g.orgPath === r)?.orgName ?? r);
    return {
      year,
      years,
      asOf,
      scope: [...new Set(scope)],
      levels,
      programmes,
      total: { programmes: programmes.length, ...withRates(sumOf(programmes)) },
    };
  }

  return {
    trainingOverview,

    /** The overview as a workbook: one sheet per programme list and one per level, "—" where there is no figure. */
    async exportTrainingOverview(
      actor: Actor,
      query: OverviewQuery,
    ): Promise<{ fileName: string; body: Buffer }> {
      const o = await trainingOverview(actor, query);
      const wb = new ExcelJS.Workbook();
      const pct = (x: { rate: number | null }) => (x.rate === null ? '—' : x.rate);
      const yuan = (fen: number | null) => (fen === null ? '—' : fen / 100);
      const common = [
        { header: '名额', key: 'seats', width: 8 },
        { header: '已用名额', key: 'seatsUsed', width: 10 },
        { header: '编班', key: 'enrolled', width: 8 },
        { header: '报到', key: 'arrived', width: 8 },
        { header: '报到率', key: 'arrivalRate', width: 10 },
        { header: '结业判定', key: 'assessed', width: 10 },
        { header: '结业', key: 'completed', width: 8 },
        { header: '结业率', key: 'completionRate', width: 10 },
        { header: '登记学时', key: 'hours', width: 10 },
        { header: '预算（元）', key: 'budget', width: 14 },
        { header: '支出（元）', key: 'spent', width: 14 },
        { header: '培训班', key: 'classes', width: 8 },
        { header: '逾期事项', key: 'overdue', width: 10 },
      ];
      type Row = Omit<OverviewLevel, 'level' | 'programmes'>;
      const cells = (r: Row) => ({
        seats: r.seats,
        seatsUsed: r.seatsUsed,
        enrolled: r.enrolled,
        arrived: r.arrived,
        arrivalRate: pct(r.arrivalRate),
        assessed: r.assessed,
        completed: r.completed,
        completionRate: pct(r.completionRate),
        hours: r.hoursTenths / 10,
        budget: yuan(r.budgetFen),
        spent: yuan(r.spentFen),
        classes: r.classes ?? '—',
        overdue: r.overdueDeadlines ?? '—',
      });
      const ws = wb.addWorksheet('培训项目');
      ws.columns = [
        { header: '级别', key: 'level', width: 12 },
        { header: '培训项目', key: 'title', width: 36 },
        { header: '主办单位', key: 'owner', width: 18 },
        { header: '开始', key: 'start', width: 12 },
        { header: '结束', key: 'end', width: 12 },
        ...common,
      ];
      for (const p of o.programmes) {
        ws.addRow({
          level: LEVEL_NAMES[p.level],
          title: p.title,
          owner: p.ownerOrgName,
          start: p.startDate,
          end: p.endDate,
          ...cells(p),
        });
      }
      ws.addRow({ level: '合计', ...cells(o.total) });
      const wl = wb.addWorksheet('按级别');
      wl.columns = [
        { header: '级别', key: 'level', width: 12 },
        { header: '项目数', key: 'programmes', width: 8 },
        ...common,
      ];
      for (const l of o.levels) {
        wl.addRow({ level: LEVEL_NAMES[l.level], programmes: l.programmes, ...cells(l) });
      }
      for (const sheet of [ws, wl]) {
        sheet.getColumn('arrivalRate').numFmt = '0.0%';
        sheet.getColumn('completionRate').numFmt = '0.0%';
        sheet.getRow(1).font = { bold: true };
        sheet.addRow([]);
        sheet.addRow([
          '说明：名额、人数、学时为本单位辖区内的数；"—"表示尚无数据（未编班、尚未进行结业判定）或无权查看（上级主办项目的经费与进度）。结业率 = 结业人数 ÷ 已进行结业判定的人数。',
        ]);
      }
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      return { fileName: `培训总览-${o.year ?? ''}.xlsx`, body };
    },
  };
}
