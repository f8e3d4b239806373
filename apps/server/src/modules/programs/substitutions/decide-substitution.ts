import type { SubstitutionDecision, SubstitutionDecisionResult } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import { type EligibilityResult, findProjectType, findTrack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { evaluate, refuseIneligible } from '../nominations/eligibility';
import { nominationOut } from '../nominations/nomination-view';
import { loadProgramme, packOf, related } from '../programme-access';
import { toSubstitution } from './substitution-view';

/**
 * The level that allocated the nominating unit's seats approves (the seat passes to the replacement, the
 * replaced nomination keeps its record as `replaced`) or refuses (a reason is required). The replacement is
 * checked again on approval: a rule broken since the request refuses the approval.
 */
export async function decideSubstitution(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  requestId: string,
  req: SubstitutionDecision,
): Promise<SubstitutionDecisionResult> {
  const p = await loadProgramme(ctx, actor, id);
  const r = isId(requestId) ? await ctx.repo.findSubstitution(requestId) : undefined;
  if (!r || r.programme_id !== p.id || !related(actor, 'program.read', r.org_path))
    throw notFound('替训申请');
  const approver = await ctx.repo.findOrg(r.approver_org_id);
  if (!approver || !can(actor, 'quota.allocate', approver.path)) {
    throw new AppError(
      'FORBIDDEN',
      '替训申请由下达该单位名额的上级审批',
      quotaReason('SUBSTITUTION.APPROVER_ONLY'),
    );
  }
  if (r.status !== 'pending')
    throw new AppError('CONFLICT', '该替训申请已处理', {
      status: r.status,
      ...quotaReason('SUBSTITUTION.DECIDED'),
    });
  if (!req.approve && (req.reason ?? '').trim().length < 2) {
    throw new AppError('VALIDATION_FAILED', '不同意替训时须填写理由', {
      ...quotaReason('SUBSTITUTION.REASON_REQUIRED'),
      issues: [{ path: '/reason', message: '请填写理由' }],
    });
  }
  if (req.approve) {
    // checked again: a rule broken since the request (a new integrity record …) refuses the approval;
    // the attestations the unit confirmed at request time stand
    const t = await ctx.repo.findCandidate(r.teacher_id);
    if (!t) throw notFound('教师');
    const pack = await packOf(ctx, p);
    const type = findProjectType(pack, p.project_type_code);
    const track = type && findTrack(type, p.track_code);
    const stored = r.eligibility as EligibilityResult;
    const confirmed = stored.checks.some((c) => c.label === '资格条件确认' && c.passed)
      ? (track?.eligibility.attestations?.value ?? []).map((a) => a.code)
      : [];
    const again = await evaluate(ctx, actor, p, pack, t, {
      attestations: confirmed,
      overrideReason: r.override_reason ?? undefined,
    });
    if (!again.eligible) throw refuseIneligible(again);
  }
  // read before the transaction (PGlite has one connection: no reads outside `trx` inside it)
  const replacement = req.approve ? await ctx.repo.findCandidate(r.teacher_id) : undefined;
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockSubstitution(r.region_id, r.id, trx);
    if (locked?.status !== 'pending')
      throw new AppError('CONFLICT', '该替训申请已处理', {
        status: locked?.status,
        ...quotaReason('SUBSTITUTION.DECIDED'),
      });
    let created: string | null = null;
    let leftClassIds: string[] = [];
    if (req.approve) {
      const old = await ctx.repo.lockNomination(r.nomination_county_id, r.nomination_id, trx);
      if (old?.status !== 'selected') {
        throw new AppError('CONFLICT', '被替换的推荐已不在入选状态', {
          status: old?.status,
          ...quotaReason('SUBSTITUTION.REPLACED_GONE'),
        });
      }
      const t = replacement;
      if (!t) throw notFound('教师');
      created =
        (await ctx.repo.insertNomination(
          {
            countyId: t.county_id,
            programmeId: p.id,
            teacherId: t.id,
            schoolId: t.school_id,
            orgPath: t.org_path,
            quotaRegionId: r.region_id,
            quotaOrgId: r.quota_org_id,
            status: 'selected',
            eligibility: r.eligibility,
            overrideReason: r.override_reason,
            replacesId: r.nomination_id,
            createdBy: actor.accountId,
          },
          trx,
        )) ?? null;
      if (!created)
        throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, {
          teacherId: t.id,
          ...quotaReason('NOMINATION.DUPLICATE', { teacher: t.name }),
        });
      await ctx.repo.setNominationStatus(
        r.nomination_county_id,
        r.nomination_id,
        'replaced',
        { reason: r.reason, replacedById: created },
        trx,
      );
      // the replaced teacher leaves their class; the substitute can then be enrolled (classes module)
      leftClassIds = await ctx.enrolments.removeForNomination(trx, r.nomination_county_id, r.nomination_id);
    }
    await ctx.repo.decideSubstitution(
      r.region_id,
      r.id,
      {
        status: req.approve ? 'approved' : 'refused',
        decidedBy: actor.accountId,
        reason: req.reason?.trim() || null,
        newNominationId: created,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: req.approve ? 'substitution.approve' : 'substitution.refuse',
        entity: 'substitution_request',
        entityId: r.id,
        orgId: r.approver_org_id,
        details: {
          programmeId: p.id,
          nominationId: r.nomination_id,
          fromTeacherId: r.replaced_teacher_id,
          toTeacherId: r.teacher_id,
          newNominationId: created,
          reason: req.reason ?? null,
          leftClassIds,
        },
      },
      trx,
    );
    return created;
  });
  const after = await ctx.repo.findSubstitution(r.id);
  if (!after) throw notFound('替训申请');
  const replaced = newId ? await ctx.repo.findNomination(r.nomination_id) : undefined;
  const created = newId ? await ctx.repo.findNomination(newId) : undefined;
  return {
    request: toSubstitution(after),
    replaced: replaced ? await nominationOut(ctx, replaced) : null,
    nomination: created ? await nominationOut(ctx, created) : null,
  };
}
