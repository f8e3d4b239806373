/**
 * Deciding a claim: the school first (approve → the county's review, with its deadline; or return), then the
 * county (approve → the credit `claim:<id>` posted to the ledger in the same transaction; or return). The
 * teacher withdraws a claim while it waits. Every decision is audited; the teacher is told of a return or an
 * approval. Out of scope reads exactly like an unknown id.
 */
import type { DecideHourClaim, HourClaim } from '@yanxun/contracts';
import {
  CLAIM_STATUS_LABELS,
  type ClaimStatus,
  claimRulesOf,
  HOUR_CATEGORY_LABELS,
  HOURS_RULE_CLAIM,
  type HourCategory,
  reviewDueOn,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission, scopeOf } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { visibleOr404 } from '../../../shared/visibility';
import { postCredits } from '../credits';
import { oneClaim } from './claim-views';
import type { ClaimRow } from './claims.repository';
import type { ClaimsContext } from './context';

/** The credit key of an approved claim: posted once, whatever happens. */
export function claimCreditKey(claimId: string): string {
  return `claim:${claimId}`;
}

const hours = (tenths: number) => `${tenths / 10} 学时`;

function notDecidable(r: Pick<ClaimRow, 'status'>): AppError {
  const label = CLAIM_STATUS_LABELS[r.status as ClaimStatus] ?? r.status;
  return new AppError('CONFLICT', `该申报${label}，不能再审核`, {
    status: r.status,
    ruleId: HOURS_RULE_CLAIM,
  });
}

/** Approve or return a claim at the step it waits for, as the school (step 1) or the county (step 2). */
export async function decideClaim(
  ctx: ClaimsContext,
  actor: Actor,
  id: string,
  req: DecideHourClaim,
): Promise<HourClaim> {
  // 1. a role that reviews claims nowhere: the same 403 for every id
  if (scopeOf(actor, 'hours.claim.review').length === 0 && scopeOf(actor, 'hours.claim.approve').length === 0)
    requirePermission(actor, 'hours.claim.review');
  // 2. a claim outside the actor's review scope reads exactly like an unknown one
  const seen = isId(id) ? await ctx.claims.find(id) : undefined;
  const row = visibleOr404(
    seen,
    (r) => can(actor, 'hours.claim.review', r.org_path) || can(actor, 'hours.claim.approve', r.org_path),
    '学时申报',
  );
  const reason = req.reason?.trim() || null;
  if (req.decision === 'return' && (reason === null || reason.length < 2))
    throw new AppError('VALIDATION_FAILED', '退回须填写原因（至少 2 个字），教师将看到这一原因', {
      field: 'reason',
      ruleId: HOURS_RULE_CLAIM,
    });
  const now = ctx.now();
  const today = dateOf(now);
  const rules = claimRulesOf(await ctx.rulesFor(row.org_path, today));
  await ctx.db.transaction().execute(async (trx) => {
    const r = (await ctx.claims.find(row.id, trx, true)) ?? row;
    const key = { countyId: r.county_id, id: r.id };
    const audit = (action: string, details: Record<string, unknown>) =>
      ctx.audit.record(
        actor,
        {
          action,
          entity: 'hour_claim',
          entityId: r.id,
          orgId: r.school_id,
          details: { teacherId: r.teacher_id, ...details },
        },
        trx,
      );
    const tell = (kind: string, title: string, body: string) =>
      ctx.notifications.notifyTeacher(
        {
          countyId: r.county_id,
          teacherId: r.teacher_id,
          kind,
          title,
          body,
          entity: 'hour_claim',
          entityId: r.id,
        },
        trx,
      );
    if (r.status === 'submitted') {
      // 3. seen but not this step: a county cannot skip the school
      if (!can(actor, 'hours.claim.review', r.org_path))
        throw new AppError('FORBIDDEN', '该申报待学校审核：县区在学校审核通过后终审', {
          ruleId: HOURS_RULE_CLAIM,
        });
      if (req.decision === 'approve') {
        const countyDueOn = reviewDueOn(today, rules.countyReviewDays.value);
        await ctx.claims.decideSchool(
          key,
          { status: 'school_approved', by: actor.accountId, at: now, comment: reason, countyDueOn },
          trx,
        );
        await audit('hours.claim.school_approve', { comment: reason, countyDueOn });
      } else {
        await ctx.claims.decideSchool(
          key,
          { status: 'returned', by: actor.accountId, at: now, comment: reason, countyDueOn: null },
          trx,
        );
        await audit('hours.claim.return', { step: 'school', reason });
        await tell(
          'hours.claim.returned',
          `学时申报被退回：${r.title}`,
          `学校退回了您的学时申报「${r.title}」。原因：${reason}`,
        );
      }
      return;
    }
    if (r.status === 'school_approved') {
      if (!can(actor, 'hours.claim.approve', r.org_path))
        throw new AppError('FORBIDDEN', '该申报已通过学校审核，终审由县区教育局进行', {
          ruleId: HOURS_RULE_CLAIM,
        });
      if (req.decision === 'approve') {
        await ctx.claims.decideCounty(
          key,
          { status: 'approved', by: actor.accountId, at: now, comment: reason },
          trx,
        );
        const posted = await postCredits(
          ctx,
          [
            {
              countyId: r.county_id,
              teacherId: r.teacher_id,
              orgPath: r.org_path,
              amountTenths: r.hours_tenths,
              category: r.category as HourCategory,
              occurredOn: r.end_date,
              source: 'claim',
              creditKey: claimCreditKey(r.id),
              ruleId: HOURS_RULE_CLAIM,
              provenanceSystem: 'hour_claims',
              provenanceRecord: r.id,
              postedBy: actor.accountId,
            },
          ],
          trx,
        );
        await audit('hours.claim.approve', {
          comment: reason,
          hoursTenths: r.hours_tenths,
          creditKey: claimCreditKey(r.id),
          posted,
        });
        await tell(
          'hours.claim.approved',
          `学时申报已认定：${r.title}`,
          `您的学时申报「${r.title}」已通过县区审核，${hours(r.hours_tenths)}（${HOUR_CATEGORY_LABELS[r.category as HourCategory] ?? r.category}）已记入学时档案。`,
        );
      } else {
        await ctx.claims.decideCounty(
          key,
          { status: 'returned', by: actor.accountId, at: now, comment: reason },
          trx,
        );
        await audit('hours.claim.return', { step: 'county', reason });
        await tell(
          'hours.claim.returned',
          `学时申报被退回：${r.title}`,
          `县区退回了您的学时申报「${r.title}」。原因：${reason}`,
        );
      }
      return;
    }
    throw notDecidable(r);
  });
  return oneClaim(ctx, actor, row.id);
}

/** The teacher withdraws their own claim while it waits for a review (nothing was posted). */
export async function withdrawClaim(ctx: ClaimsContext, actor: Actor, id: string): Promise<HourClaim> {
  requirePermission(actor, 'hours.claim');
  const seen = isId(id) ? await ctx.claims.find(id) : undefined;
  const row = visibleOr404(
    seen,
    (r) => actor.teacherId !== null && r.teacher_id === actor.teacherId,
    '学时申报',
  );
  await ctx.db.transaction().execute(async (trx) => {
    const r = (await ctx.claims.find(row.id, trx, true)) ?? row;
    if (r.status !== 'submitted' && r.status !== 'school_approved') {
      const label = CLAIM_STATUS_LABELS[r.status as ClaimStatus] ?? r.status;
      throw new AppError('CONFLICT', `该申报${label}，不能撤回`, { status: r.status });
    }
    await ctx.claims.withdraw({ countyId: r.county_id, id: r.id }, ctx.now(), trx);
    await ctx.audit.record(
      actor,
      {
        action: 'hours.claim.withdraw',
        entity: 'hour_claim',
        entityId: r.id,
        orgId: r.school_id,
        details: { teacherId: r.teacher_id, from: r.status },
      },
      trx,
    );
  });
  return oneClaim(ctx, actor, row.id);
}
