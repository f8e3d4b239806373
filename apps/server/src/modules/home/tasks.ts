/**
 * The next tasks of an account, from what its roles let it do: the office reviews plans and confirms shortlists
 * and chases overdue class deadlines; a provider applies, revises returned plans, selects from shortlists, hands
 * in class documents, reviews outcomes and runs completion; a trainer reviews outcomes.
 */
import type { ClassSummary, HomeTask, HomeTraining, PlanSummary } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { scopeOf } from '../../shared/permissions';
import type { HomeContext } from './context';
import { phaseOf } from './training';

const holds = (actor: Actor, p: Parameters<typeof scopeOf>[1]) => scopeOf(actor, p).length > 0;

const task = (
  kind: HomeTask['kind'],
  count: number,
  subject: string | null = null,
  id: string | null = null,
  due: string | null = null,
): HomeTask => ({ kind, count, subject, id, due });

/** The office's tasks: plans to review, shortlists to confirm, overdue class deadlines in its programmes. */
export async function officeTasks(
  ctx: HomeContext,
  actor: Actor,
  training: HomeTraining | null,
): Promise<HomeTask[]> {
  const [plans, shortlists] = await Promise.all([
    holds(actor, 'plan.review') ? ctx.plans.listPlans(actor, { status: 'submitted' }) : [],
    holds(actor, 'shortlist.review') && !holds(actor, 'shortlist.select') ? ctx.shortlists.list(actor) : [],
  ]);
  return [
    ...plans.filter((p) => p.canReview).map((p) => task('plan_review', 1, p.programmeTitle, p.id)),
    ...shortlists
      .filter((s) => s.status === 'submitted')
      .map((s) =>
        task('shortlist_confirm', s.selected, s.programmeTitle, s.programmeId, s.selectionDeadline),
      ),
    ...(training?.overdueDeadlines ? [task('deadline_overdue', training.overdueDeadlines)] : []),
  ];
}

/** A provider's tasks on its plans, the programmes open to it and its shortlist selections. */
export async function providerTasks(
  ctx: HomeContext,
  actor: Actor,
  plans: PlanSummary[],
  asOf: string,
): Promise<HomeTask[]> {
  const [open, shortlists] = await Promise.all([
    ctx.plans.openProgrammes(actor),
    holds(actor, 'shortlist.select') ? ctx.shortlists.list(actor) : [],
  ]);
  // open to apply: no plan of ours yet, no provider approved, the application deadline not passed (R-004-08)
  const canApply = open.filter((p) => !p.planId && !p.approvedProviderName && p.deadline >= asOf);
  const first = canApply.length === 1 ? canApply[0] : undefined;
  return [
    ...plans
      .filter((p) => p.status === 'returned')
      .map((p) => task('plan_returned', 1, p.programmeTitle, p.id)),
    ...plans.filter((p) => p.status === 'draft').map((p) => task('plan_draft', 1, p.programmeTitle, p.id)),
    ...shortlists
      .filter((s) => s.status === 'open' || s.status === 'returned')
      .map((s) =>
        task('shortlist_select', s.candidates, s.programmeTitle, s.programmeId, s.selectionDeadline),
      ),
    ...(canApply.length > 0
      ? [
          task(
            'programme_open',
            canApply.length,
            first?.title ?? null,
            first?.id ?? null,
            canApply.map((p) => p.deadline).sort()[0] ?? null,
          ),
        ]
      : []),
  ];
}

/**
 * Per class of a provider or trainer: outcomes waiting for review (reviewers), and for the class's managers the
 * overdue deadline items and a finished class no completion run has judged.
 */
export async function classTasks(
  ctx: HomeContext,
  actor: Actor,
  classes: ClassSummary[],
  asOf: string,
): Promise<HomeTask[]> {
  const started = classes.filter((c) => phaseOf(c, asOf) !== 'upcoming');
  const state = await ctx.outcomes.reviewState(started.map((c) => c.id));
  const reviews = holds(actor, 'outcome.review');
  return classes.flatMap((c) => {
    const s = state.get(c.id);
    return [
      ...(c.canManage && c.lights.red > 0 ? [task('deadline_overdue', c.lights.red, c.name, c.id)] : []),
      ...(reviews && s && s.waiting > 0 ? [task('outcomes_review', s.waiting, c.name, c.id)] : []),
      ...(c.canManage && s && s.judged === 0 && phaseOf(c, asOf) === 'finished'
        ? [task('completion_run', c.enrolled, c.name, c.id, c.endDate)]
        : []),
    ];
  });
}
