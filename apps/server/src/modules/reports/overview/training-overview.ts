/**
 * 培训总览 — every programme of a programme year the officer may read, by level (国培 … 工作室研修),
 * with seats, 报到率, 结业率, 学时 posted, budget vs spending and overdue class deadlines, each limited to the
 * officer's org subtree. Programmes owned above the officer (a provincial programme seen by a county) show
 * only the county's share: its seats, its trainees, its hours — never the budget or the provider's deadlines.
 *
 * Cost: the programme list (one statement) and packs (one per distinct pack), the figures of all programmes
 * (ONE statement, overview.repository.ts), the deadline boards of all their classes (four statements).
 */
import type { OverviewLevel, OverviewProgramme, OverviewQuery, TrainingOverview } from '@yanxun/contracts';
import { PROGRAMME_LEVELS } from '@yanxun/contracts';
import { completionRate, kpiRate, type PolicyPack, programmeBudget } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { can } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import type { ProgrammeRef } from '../../programs';
import type { ReportsContext } from '../context';
import type { OverviewFiguresRow } from './overview.repository';

export type Level = (typeof PROGRAMME_LEVELS)[number];

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

/** The overview of a programme year (the latest with programmes unless asked) in the actor's scope. */
export async function trainingOverview(
  ctx: ReportsContext,
  actor: Actor,
  query: OverviewQuery,
): Promise<TrainingOverview> {
  const { roots, items } = await ctx.programs.programmesInScope(actor);
  const years = [...new Set(items.map((i) => i.programme.year))].sort((a, b) => b - a);
  const year = query.year ?? years[0] ?? null;
  const asOf = dateOf(ctx.now());
  const ofYear = items.filter((i) => i.programme.year === year);
  const ids = ofYear.map((i) => i.programme.id);
  // programme-wide facts (budget, spending, the provider's deadlines) only for programmes owned in scope
  const owned = ofYear.filter((i) => can(actor, 'program.read', i.programme.ownerPath));
  const [figures, deadlines] = await Promise.all([
    ctx.repo.overviewFigures(ids, roots),
    ctx.classes.deadlineCountsOfProgrammes(
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
