import type { ShortlistMarksRequest, ShortlistSelection } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import { checkShortlist, SHORTLIST_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import type { ShortlistsContext } from './context';
import { closedError, load, problemsError, requireBeforeDeadline, requireProvider } from './selection-access';
import { tally, view } from './selection-view';
import type { MarkWrite } from './shortlists.repository';

/**
 * Score and mark candidates (all or nothing). Refused: not the provider, after the deadline, once
 * submitted, a nomination that is not a live candidate of the programme, not selected without a reason,
 * more selected than the places of a node or of the programme (counted under the selection row's lock, so
 * concurrent marks cannot pass the limits together).
 */
export async function mark(
  ctx: ShortlistsContext,
  actor: Actor,
  programmeId: string,
  req: ShortlistMarksRequest,
): Promise<ShortlistSelection> {
  requirePermission(actor, 'shortlist.select');
  const l = await load(ctx, actor, programmeId);
  requireProvider(l);
  requireBeforeDeadline(ctx, l, 'edit_result');
  const ids = req.marks.map((m) => m.nominationId);
  const dup = ids.find((x, i) => ids.indexOf(x) !== i);
  if (dup) {
    throw new AppError('VALIDATION_FAILED', `推荐记录 ${dup} 重复出现`, {
      ruleId: SHORTLIST_RULE_ID,
      dup,
      ...quotaReason('SHORTLIST.DUPLICATE_RECORD', { id: dup }),
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.ensureSelection(l.programme.id, l.provider, trx);
    if (!(await ctx.repo.lockOpen(l.programme.id, trx))) {
      throw closedError(await ctx.repo.findSelection(l.programme.id, trx), 'edit_result');
    }
    const rows = await ctx.repo.candidates(l.programme.id, trx);
    const live = new Map(rows.filter((r) => r.status === 'candidate').map((r) => [r.id, r]));
    const unknown = ids.filter((x) => !live.has(x));
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `推荐记录 ${unknown.join('、')} 不是本项目的候选人，不能参加差额遴选`,
        {
          ruleId: SHORTLIST_RULE_ID,
          unknown,
          ...quotaReason('SHORTLIST.NOT_PROGRAMME_CANDIDATES', { ids: unknown.join('、') }),
        },
      );
    }
    const writes: MarkWrite[] = [];
    for (const m of req.marks) {
      const r = live.get(m.nominationId);
      if (!r) continue;
      const decision = m.decision === undefined ? (r.decision as MarkWrite['decision']) : m.decision;
      const reason = (m.reason === undefined ? r.reason : m.reason)?.trim() || null;
      if (decision === 'not_selected' && !reason) {
        throw new AppError('VALIDATION_FAILED', `${r.teacher_name}未入选须写明原因，原因会通知本人`, {
          ruleId: SHORTLIST_RULE_ID,
          field: 'reason',
          nominationId: r.id,
          ...quotaReason('SHORTLIST.REASON_REQUIRED', { teacher: r.teacher_name }),
        });
      }
      const scoreTenths =
        m.score === undefined ? r.score_tenths : m.score === null ? null : Math.round(m.score * 10);
      writes.push({
        countyId: r.county_id,
        nominationId: r.id,
        programmeId: l.programme.id,
        quotaOrgId: r.quota_org_id,
        scoreTenths,
        decision,
        reason,
        markedBy: actor.accountId,
      });
      r.decision = decision;
      r.reason = reason;
      r.score_tenths = scoreTenths;
    }
    await ctx.repo.upsertMarks(writes, trx);
    const t = tally(l, await ctx.repo.quotas(l.programme.id, trx), rows);
    const problems = checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'mark');
    if (problems.length > 0) throw problemsError(problems);
    await ctx.audit.record(
      actor,
      {
        action: 'shortlist.mark',
        entity: 'programme',
        entityId: l.programme.id,
        orgId: l.provider.id,
        details: {
          ruleId: SHORTLIST_RULE_ID,
          marks: writes.map((w) => ({
            nominationId: w.nominationId,
            decision: w.decision,
            score: w.scoreTenths === null ? null : w.scoreTenths / 10,
            reason: w.reason,
          })),
        },
      },
      trx,
    );
  });
  return view(ctx, l);
}
