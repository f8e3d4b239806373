/** 未结业 into the integrity archive (R-004-20): the bureau chooses, per non-completer, through the programs module. */
import type { CompletionRow, RecordNotCompletedRequest } from '@yanxun/contracts';
import { COMPLETION_RULE_INTEGRITY } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import { type OutcomesContext, todayOf } from '../context';
import { loadClass, rowFilter, rulesOf } from '../outcome-access';
import { completionRows, toCheck } from './completion-view';

/** The bureau records 未结业 in the integrity archive for a non-completer (R-004-20), through programs. */
export async function recordNotCompleted(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
  teacherId: string,
  req: RecordNotCompletedRequest,
): Promise<CompletionRow> {
  requirePermission(actor, 'integrity.manage');
  const c = await loadClass(ctx, classId);
  const keep = rowFilter(actor, c);
  if (!keep) throw notFound('培训班');
  // a trainee the actor does not see (another county's, in a class above both) reads as not found:
  // nothing about their result may be told before this
  const [trainee] = isId(teacherId) ? (await ctx.classes.attendanceSummary(c.id, teacherId)).rows : [];
  const visible = trainee && keep(trainee.orgPath) ? trainee : undefined;
  const res = visible ? await ctx.repo.resultOf(c.id, teacherId) : undefined;
  if (!res) throw notFound('结业评定结果');
  if (res.completed) {
    throw new AppError('VALIDATION_FAILED', `该教师已结业，不能记入未结业诚信档案`, {
      ruleId: COMPLETION_RULE_INTEGRITY,
    });
  }
  const already = await ctx.repo.notCompletedRecorded(c.programme_id, [teacherId]);
  if (already.has(teacherId)) throw new AppError('CONFLICT', '该教师本项目的未结业记录已存在');
  const reasons = toCheck(res.checks)
    .filter((x) => !x.passed)
    .map((x) => x.message)
    .join('；');
  await ctx.programs.createIntegrity(actor, {
    teacherId,
    kind: 'not_completed',
    recordDate: todayOf(ctx),
    programmeId: c.programme_id,
    evidence: [`${c.programme_title} ${c.name} 未结业：${reasons}`, req.evidence].filter(Boolean).join('\n'),
  });
  const rules = await rulesOf(ctx, c);
  const row = (await completionRows(ctx, rules, () => true)).find((r) => r.teacherId === teacherId);
  if (!row) throw notFound('结业评定结果');
  return row;
}
