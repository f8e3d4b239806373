/**
 * "我的培训": the logged-in teacher's classes with attendance, outcomes, completion, certificate and hours.
 * `trainingOf` is the same per-class record without an actor, for a module that has authorized (the growth
 * archive).
 */
import type { MyTraining, MyTrainingItem } from '@yanxun/contracts';
import { outcomeWindow } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { toRow } from '../completion/completion-view';
import { type OutcomesContext, todayOf } from '../context';
import { rulesOf } from '../outcome-access';
import { submissionsOut, toRequirement } from './submission-views';

export async function myTraining(ctx: OutcomesContext, actor: Actor): Promise<MyTraining> {
  const teacherId = actor.teacherId;
  if (!teacherId) return { teacherId: null, items: [], hours: null };
  return { teacherId, items: await trainingOf(ctx, teacherId), hours: await ctx.hours.hoursOf(teacherId) };
}

/** Every class the teacher is enrolled in, with attendance, outcomes, completion and certificate (no actor). */
export async function trainingOf(ctx: OutcomesContext, teacherId: string): Promise<MyTrainingItem[]> {
  const day = todayOf(ctx);
  const items: MyTrainingItem[] = [];
  for (const cid of await ctx.classes.classesOfTeacher(teacherId)) {
    const c = await ctx.classes.classById(cid);
    if (!c) continue;
    const rules = await rulesOf(ctx, c);
    const [summary, subs, result, certs] = await Promise.all([
      ctx.classes.attendanceSummary(c.id, teacherId),
      ctx.repo.submissionsOf(c.id, teacherId),
      ctx.repo.resultOf(c.id, teacherId),
      ctx.repo.certificatesOfProgramme(c.programme_id, [teacherId]),
    ]);
    const att = summary.rows[0];
    const out = await submissionsOut(ctx, rules, subs);
    items.push({
      programmeId: c.programme_id,
      programmeTitle: c.programme_title,
      classId: c.id,
      className: c.name,
      startDate: c.start_date,
      endDate: c.end_date,
      venue: c.venue,
      attendance: {
        sessions: summary.sessions,
        attended: att?.attended ?? 0,
        approvedLeave: att?.approvedLeave ?? 0,
      },
      outcomeWindow: outcomeWindow(rules.rules, { startDate: c.start_date, endDate: c.end_date }, day),
      outcomeSets: rules.sets.map((s) => ({
        ruleId: s.ruleId,
        mode: s.mode,
        ...(s.note ? { note: s.note } : {}),
      })),
      requirements: rules.requirements.map((r) => {
        const versions = out.filter((s) => s.requirement === r.key);
        return { ...toRequirement(ctx, rules, r), current: versions.at(-1) ?? null, versions };
      }),
      completion: result && att ? toRow(att, result, certs[0], false) : null,
    });
  }
  return items;
}
