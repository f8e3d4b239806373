/**
 * A member's term: the annual assessment (R3-P09: pass → stays, and at the term's end is renewed for a new term
 * when the renewal age allows, R3-P05/P06; fail → released), revocation in term for one of R3-P10's four reasons,
 * and assignment to a programme or class (the work that counts for R3-P02's participation).
 */
import {
  type AssessTrainer,
  type AssignTrainer,
  type RevokeTrainer,
  TRAINER_REVOCATION_REASONS,
  type TrainerDetail,
} from '@yanxun/contracts';
import {
  addDays,
  assessmentOutcome,
  isRevocationReason,
  type REVOCATION_REASONS,
  revokeMembership,
  trainerEligibility,
  trainerTermEnd,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import type { TrainersContext } from './context';
import { detailView, isMember, recordForAction, recordStep, today, wrongStatus } from './trainer-access';

// the API's list of reasons is core's (R3-P10): a compile error if one changes without the other
const SAME_REASONS: readonly (typeof REVOCATION_REASONS)[number][] = TRAINER_REVOCATION_REASONS;
void SAME_REASONS;

export const ROLE_LABELS: Record<string, string> = { lecturer: '主讲', mentor: '指导', reviewer: '评审' };

/**
 * R3-P09: the year's assessment of a member, once a year, for a year of the term up to the current one. Pass:
 * the member stays; if the term ends in that year (or ended before), a new term follows the old one's last day
 * when the renewal age allows (R3-P05 ≤ 65), else the membership ends with the term. Fail: released today.
 */
export async function assessTrainer(
  ctx: TrainersContext,
  actor: Actor,
  id: string,
  req: AssessTrainer,
): Promise<TrainerDetail> {
  const on = today(ctx);
  const note = req.note?.trim() || null;
  if (req.result === 'fail' && (note === null || note.length < 2))
    throw new AppError('VALIDATION_FAILED', '考核不合格时请填写说明', { field: 'note' });
  // the teacher's facts are read before the transaction (PGlite has one connection; the port has no trx)
  const peek = isId(id) ? await ctx.repo.findRecord(id) : undefined;
  const [facts] = peek ? await ctx.people.trainerFactsOf([peek.teacher_id]) : [];
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await recordForAction(ctx, actor, id, 'trainer.approve', (x) => x.org_path, trx);
    if (!isMember(r) || !r.term_start || !r.term_end) throw wrongStatus(r, '考核');
    const first = Number(r.term_start.slice(0, 4));
    if (req.year < first || req.year > Number(on.slice(0, 4)) || req.year > Number(r.term_end.slice(0, 4)))
      throw new AppError(
        'VALIDATION_FAILED',
        `考核年度应在聘期内且不晚于今年（${first}–${r.term_end.slice(0, 4)}）`,
        {
          field: 'year',
          ruleId: 'R3-P09',
        },
      );
    if (await ctx.repo.findAssessment(r, req.year, trx))
      throw new AppError('CONFLICT', `${req.year} 年度已考核，不能重复考核`, {
        ruleId: 'R3-P09',
        year: req.year,
      });
    const now = ctx.now();
    await ctx.repo.insertAssessment(
      {
        county_id: r.county_id,
        record_id: r.id,
        year: req.year,
        result: req.result,
        note,
        assessed_by: actor.accountId,
        assessed_at: now,
      },
      trx,
    );
    const outcome = assessmentOutcome(req.result);
    await recordStep(
      ctx,
      actor,
      r,
      {
        action: 'assess',
        from: r.status,
        to: r.status,
        reason: note,
        details: { ruleId: outcome.rule, year: req.year, result: req.result },
      },
      trx,
    );
    if (outcome.action === 'release') {
      const next = await ctx.repo.updateRecord(r, { status: 'released', ended_on: on }, now, trx);
      await recordStep(
        ctx,
        actor,
        r,
        {
          action: 'release',
          from: r.status,
          to: 'released',
          reason: outcome.message,
          details: { ruleId: outcome.rule, endedOn: on },
        },
        trx,
      );
      return next;
    }
    if (Number(r.term_end.slice(0, 4)) > req.year) return r;
    // the term ends in the assessed year: renewal, if the age allows on the new term's first day
    const start = addDays(r.term_end, 1);
    const rules = await ctx.rulesFor(r.org_path, start, trx);
    const t = facts?.id === r.teacher_id ? facts : undefined;
    const check = t
      ? trainerEligibility(
          { id: t.id, name: t.name, birthDate: t.birthDate, titleCode: t.title },
          'renewal',
          start,
          rules,
        )
      : undefined;
    const hard = check?.findings.find((f) => f.severity === 'error');
    if (!check || hard) {
      const next = await ctx.repo.updateRecord(r, { status: 'released', ended_on: r.term_end }, now, trx);
      await recordStep(
        ctx,
        actor,
        r,
        {
          action: 'release',
          from: r.status,
          to: 'released',
          reason: `${hard?.message ?? '教师档案已不存在'}：任期届满不再续聘`,
          details: { ruleId: hard?.rule ?? 'R3-P05', endedOn: r.term_end, values: hard?.values ?? {} },
        },
        trx,
      );
      return next;
    }
    const end = trainerTermEnd(start, rules);
    const next = await ctx.repo.updateRecord(r, { term_start: start, term_end: end.lastDay }, now, trx);
    await recordStep(
      ctx,
      actor,
      r,
      {
        action: 'renew',
        from: r.status,
        to: r.status,
        reason: outcome.message,
        details: {
          ruleId: 'R3-P09',
          termRule: end.rule,
          termStart: start,
          termEnd: end.lastDay,
          age: check.age,
        },
      },
      trx,
    );
    return next;
  });
  return detailView(ctx, row);
}

/** R3-P10: a member's revocation in term for one of the four reasons, with a note; it ends today. */
export async function revokeTrainer(
  ctx: TrainersContext,
  actor: Actor,
  id: string,
  req: RevokeTrainer,
): Promise<TrainerDetail> {
  if (!isRevocationReason(req.reason))
    throw new AppError('VALIDATION_FAILED', '请选择撤销原因', { field: 'reason', ruleId: 'R3-P10' });
  const reason = req.reason;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await recordForAction(ctx, actor, id, 'trainer.approve', (x) => x.org_path, trx);
    if (!isMember(r)) throw wrongStatus(r, '撤销');
    const decided = revokeMembership(reason, today(ctx));
    const next = await ctx.repo.updateRecord(
      r,
      { status: 'revoked', revocation_reason: reason, ended_on: decided.endsOn },
      ctx.now(),
      trx,
    );
    await recordStep(
      ctx,
      actor,
      r,
      {
        action: 'revoke',
        from: r.status,
        to: 'revoked',
        reason: req.note.trim(),
        details: {
          ruleId: decided.rule,
          revocationReason: reason,
          endedOn: decided.endsOn,
          message: decided.message,
        },
      },
      trx,
    );
    return next;
  });
  return detailView(ctx, row);
}

/**
 * A member's assignment to a programme or class (主讲/指导/评审), checked to exist through the programs/classes
 * ports. It counts for participation (R3-P02) in the year the programme or class starts.
 */
export async function assignTrainer(
  ctx: TrainersContext,
  actor: Actor,
  id: string,
  req: AssignTrainer,
): Promise<TrainerDetail> {
  // the target is looked up before the transaction (the port reads outside it)
  const target = !isId(req.targetId)
    ? undefined
    : req.targetKind === 'programme'
      ? await ctx.targets.programme(req.targetId)
      : await ctx.targets.class(req.targetId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await recordForAction(ctx, actor, id, 'trainer.approve', (x) => x.org_path, trx);
    if (!isMember(r)) throw wrongStatus(r, '安排任务');
    if (!target)
      throw new AppError(
        'VALIDATION_FAILED',
        req.targetKind === 'programme' ? '培训项目不存在' : '培训班不存在',
        {
          field: 'targetId',
        },
      );
    if (await ctx.repo.findAssignment(r, req.targetKind, target.id, req.role, trx))
      throw new AppError('CONFLICT', `已安排该成员在「${target.title}」担任${ROLE_LABELS[req.role]}`);
    const year = Number(target.startDate.slice(0, 4));
    await ctx.repo.insertAssignment(
      {
        county_id: r.county_id,
        record_id: r.id,
        target_kind: req.targetKind,
        target_id: target.id,
        target_title: target.title.slice(0, 300),
        role: req.role,
        year,
        starts_on: target.startDate,
        assigned_by: actor.accountId,
        assigned_at: ctx.now(),
      },
      trx,
    );
    await recordStep(
      ctx,
      actor,
      r,
      {
        action: 'assign',
        from: r.status,
        to: r.status,
        details: {
          ruleId: 'R3-P02',
          targetKind: req.targetKind,
          targetId: target.id,
          title: target.title,
          role: req.role,
          year,
        },
      },
      trx,
    );
    return r;
  });
  return detailView(ctx, row);
}
