/**
 * The year of training at a glance for an officer: the training overview's figures of the latest programme year
 * in the officer's scope (programmes running, seats filled, 报到率, 结业率, overdue class deadlines), and the
 * programmes running now or next. The overview computes them (one statement for every programme's figures,
 * four for every class's deadline board); this only sorts and counts.
 */
import type { HomeTraining, OverviewProgramme } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { HomeContext } from './context';

/** At most this many programmes in the "now and next" table. */
const CURRENT_SHOWN = 6;

export type Phase = 'running' | 'upcoming' | 'finished';

/** Where a programme or a class stands on `asOf` by its dates (both days included). */
export function phaseOf(p: { startDate: string; endDate: string }, asOf: string): Phase {
  if (asOf < p.startDate) return 'upcoming';
  return asOf > p.endDate ? 'finished' : 'running';
}

export async function trainingAtAGlance(ctx: HomeContext, actor: Actor, asOf: string): Promise<HomeTraining> {
  const ov = await ctx.overview.trainingOverview(actor, {});
  const by = (phase: Phase) => ov.programmes.filter((p) => phaseOf(p, asOf) === phase);
  const byStart = (a: OverviewProgramme, b: OverviewProgramme) => a.startDate.localeCompare(b.startDate);
  const running = by('running').sort(byStart);
  const upcoming = by('upcoming').sort(byStart);
  const t = ov.total;
  return {
    year: ov.year,
    programmes: ov.programmes.length,
    running: running.length,
    upcoming: upcoming.length,
    finished: ov.programmes.length - running.length - upcoming.length,
    seats: t.seats,
    seatsUsed: t.seatsUsed,
    enrolled: t.enrolled,
    arrived: t.arrived,
    assessed: t.assessed,
    completed: t.completed,
    arrivalRate: t.arrivalRate,
    completionRate: t.completionRate,
    classes: t.classes,
    overdueDeadlines: t.overdueDeadlines,
    current: [...running, ...upcoming].slice(0, CURRENT_SHOWN),
  };
}
