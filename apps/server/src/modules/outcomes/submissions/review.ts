/** The review side: the queue of a class's latest versions, and accepting with a score or returning one. */
import type { OutcomeQueueQuery, OutcomeSubmission, ReviewOutcomeRequest } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import type { OutcomesContext } from '../context';
import { canReview, loadClass, rowFilter, rulesOf } from '../outcome-access';
import { submissionsOut } from './submission-views';

/** Latest version of every outcome of a class (optionally of one status), for its reviewers and bureaus. */
export async function queue(
  ctx: OutcomesContext,
  actor: Actor,
  query: OutcomeQueueQuery,
): Promise<OutcomeSubmission[]> {
  requirePermission(actor, 'class.read');
  const c = await loadClass(ctx, query.classId);
  const keep = rowFilter(actor, c);
  if (!keep) throw notFound('培训班');
  const rules = await rulesOf(ctx, c);
  const rows = (await ctx.repo.latestOfClass(c.id)).filter(
    (r) => keep(r.org_path) && (!query.status || r.status === query.status),
  );
  return submissionsOut(ctx, rules, rows);
}

/** Accept with a score (0–100) or return with a comment; only the latest version, only while it waits. */
export async function review(
  ctx: OutcomesContext,
  actor: Actor,
  submissionId: string,
  req: ReviewOutcomeRequest,
): Promise<OutcomeSubmission> {
  const s = isId(submissionId) ? await ctx.repo.findSubmission(submissionId) : undefined;
  if (!s) throw notFound('成果');
  const c = await loadClass(ctx, s.class_id);
  // the submission of a trainee the actor does not see reads as not found, like an unknown id
  if (!rowFilter(actor, c)?.(s.org_path)) throw notFound('成果');
  if (!canReview(actor, c)) throw forbidden('只有该班的培训者、承训机构或项目主管部门可以评审成果');
  const rules = await rulesOf(ctx, c);
  const status = req.action === 'accept' ? 'accepted' : 'returned';
  await ctx.db.transaction().execute(async (trx) => {
    const latest = (await ctx.repo.submissionsOf(c.id, s.teacher_id, trx))
      .filter((x) => x.requirement === s.requirement)
      .at(-1);
    if (latest?.id !== s.id) throw new AppError('CONFLICT', '该成果已有更新的版本，请评审最新版本');
    const ok = await ctx.repo.review(
      s.county_id,
      s.id,
      {
        status,
        score: req.action === 'accept' ? req.score : null,
        comment: req.comment ?? null,
        by: actor.accountId,
      },
      trx,
    );
    if (!ok) throw new AppError('CONFLICT', '该成果已评审，不能重复评审');
    await ctx.audit.record(
      actor,
      {
        action: `outcome.${req.action}`,
        entity: 'outcome_submission',
        entityId: s.id,
        details: { score: req.action === 'accept' ? req.score : null, comment: req.comment ?? null },
      },
      trx,
    );
  });
  const row = await ctx.repo.findSubmission(s.id);
  if (!row) throw new AppError('INTERNAL', '成果未找到');
  return (await submissionsOut(ctx, rules, [row]))[0] as OutcomeSubmission;
}
