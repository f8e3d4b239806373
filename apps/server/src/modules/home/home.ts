/**
 * The landing page (工作台) of the signed-in account, one call: each section only for the roles it serves, the
 * independent reads side by side.
 * - officers (program.read): the year of training at a glance; the office's tasks;
 * - the monitoring office (exam.diagnose): the newest cycle's early warnings;
 * - providers and trainers (class.read without program.read): their classes and their tasks;
 * - providers (plan.submit): their plans, the programmes open to them, their shortlist selections.
 * A teacher's landing page is their own profile (the web app), not this.
 */
import type { Home } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { scopeOf } from '../../shared/permissions';
import { classesAtAGlance } from './classes';
import { type HomeContext, todayOf } from './context';
import { classTasks, officeTasks, providerTasks } from './tasks';
import { trainingAtAGlance } from './training';
import { latestWarnings } from './warnings';

export async function home(ctx: HomeContext, actor: Actor): Promise<Home> {
  const asOf = todayOf(ctx);
  const holds = (p: Parameters<typeof scopeOf>[1]) => scopeOf(actor, p).length > 0;
  const officer = holds('program.read');
  const provider = holds('plan.submit');
  const classReader = holds('class.read') && !officer;
  const [training, warnings, classes, plans] = await Promise.all([
    officer ? trainingAtAGlance(ctx, actor, asOf) : null,
    holds('exam.diagnose') ? latestWarnings(ctx, actor) : null,
    classReader ? ctx.classes.listClasses(actor, {}) : null,
    provider ? ctx.plans.listPlans(actor, {}) : null,
  ]);
  const [office, providing, inClasses] = await Promise.all([
    officeTasks(ctx, actor, training),
    provider ? providerTasks(ctx, actor, plans ?? [], asOf) : [],
    classes ? classTasks(ctx, actor, classes, asOf) : [],
  ]);
  return {
    asOf,
    training,
    warnings,
    classes: classes ? classesAtAGlance(classes, asOf) : null,
    plans,
    tasks: [...office, ...providing, ...inClasses],
  };
}
