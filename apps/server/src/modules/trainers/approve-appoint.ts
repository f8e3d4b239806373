/**
 * The bureau's decisions that begin a term: approval of a recommended application (R3-P07 教体局审定) or its
 * return, and direct appointment of an expert who consented (R3-P08). Both check first-appointment eligibility
 * (R3-P03 … R3-P05) on the term's first day: a hard rule refuses; a soft rule's warning needs the officer's
 * override with a reason, which is kept on the record and in its history. The term is R3-P06's three years.
 */
import type { AppointTrainer, ApproveTrainer, TrainerDetail, TrainerOverride } from '@yanxun/contracts';
import { appointTrainerSchema, approveTrainerSchema } from '@yanxun/contracts';
import { type TrainerEligibility, trainerEligibility, trainerTermEnd } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import { orgKnown, visibleOr404 } from '../../shared/visibility';
import { regionKeyOf } from '../org';
import type { TrainersContext } from './context';
import type { TrainerTeacherFacts } from './ports';
import { detailView, recordForAction, recordStep, today, wrongStatus } from './trainer-access';

type OverrideRequest = { rule: string; reason: string };

/** The first-appointment check on `on` with the officer's overrides; refuses unless it passes. */
async function checkFirstAppointment(
  ctx: TrainersContext,
  actor: Actor,
  t: TrainerTeacherFacts,
  poolPath: string,
  on: string,
  requested: OverrideRequest[],
  trx?: Database,
): Promise<{ check: TrainerEligibility; overrides: TrainerOverride[] }> {
  const rules = await ctx.rulesFor(poolPath, on, trx);
  const by = actor.displayName || actor.username;
  const offered = requested.map((o) => ({ rule: o.rule, by, reason: o.reason.trim() }));
  const check = trainerEligibility(
    { id: t.id, name: t.name, birthDate: t.birthDate, titleCode: t.title },
    'first',
    on,
    rules,
    offered,
  );
  const hard = check.findings.find((f) => f.severity === 'error');
  if (hard)
    throw new AppError('CONFLICT', hard.message, {
      ruleId: hard.rule,
      values: hard.values,
      findings: check.findings,
    });
  const open = check.findings.find((f) => f.severity === 'warning' && !f.overriddenBy);
  if (open)
    throw new AppError('CONFLICT', `${open.message}：请填写同意的理由后再审定`, {
      ruleId: open.rule,
      values: open.values,
      findings: check.findings,
      field: 'overrides',
    });
  // keep only the overrides that accepted a warning
  const used = check.findings.flatMap((f) => (f.overriddenBy ? [f.overriddenBy] : []));
  return { check, overrides: used };
}

function termStartOf(ctx: TrainersContext, requested: string | undefined): string {
  return requested ?? today(ctx);
}

/** R3-P07: the bureau approves a recommended application (a term begins) or returns it with a reason. */
export async function approveTrainer(
  ctx: TrainersContext,
  actor: Actor,
  id: string,
  input: ApproveTrainer,
): Promise<TrainerDetail> {
  const req = approveTrainerSchema.parse(input);
  const reason = req.reason?.trim() || null;
  if (req.decision === 'return' && (reason === null || reason.length < 2))
    throw new AppError('VALIDATION_FAILED', '退回时请填写原因', { field: 'reason' });
  // the teacher's facts are read before the transaction (PGlite has one connection; the port has no trx)
  const peek = isId(id) ? await ctx.repo.findRecord(id) : undefined;
  const [facts] =
    peek && req.decision === 'approve' ? await ctx.people.trainerFactsOf([peek.teacher_id]) : [];
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await recordForAction(ctx, actor, id, 'trainer.approve', (x) => x.org_path, trx);
    if (r.status !== 'recommended') throw wrongStatus(r, req.decision === 'return' ? '退回' : '审定');
    if (req.decision === 'return') {
      const next = await ctx.repo.updateRecord(r, { status: 'returned' }, ctx.now(), trx);
      await recordStep(
        ctx,
        actor,
        r,
        {
          action: 'return',
          from: r.status,
          to: 'returned',
          reason,
          details: { ruleId: 'R3-P07', by: 'bureau' },
        },
        trx,
      );
      return next;
    }
    const t = facts?.id === r.teacher_id ? facts : undefined;
    if (!t) throw new AppError('CONFLICT', '该教师的档案已不存在，不能审定');
    const start = termStartOf(ctx, req.termStart);
    const { check, overrides } = await checkFirstAppointment(
      ctx,
      actor,
      t,
      r.org_path,
      start,
      req.overrides,
      trx,
    );
    const end = trainerTermEnd(start, await ctx.rulesFor(r.org_path, start, trx));
    const next = await ctx.repo.updateRecord(
      r,
      {
        status: 'approved',
        term_start: start,
        term_end: end.lastDay,
        overrides: JSON.stringify(overrides),
        ended_on: null,
      },
      ctx.now(),
      trx,
    );
    await recordStep(
      ctx,
      actor,
      r,
      {
        action: 'approve',
        from: r.status,
        to: 'approved',
        reason,
        details: {
          ruleId: 'R3-P07',
          termStart: start,
          termEnd: end.lastDay,
          termRule: end.rule,
          age: check.age,
          overrides,
        },
      },
      trx,
    );
    return next;
  });
  return detailView(ctx, row);
}

/**
 * R3-P08: the bureau appoints an expert of its county or city directly, after the expert consented (the day and
 * how are recorded). A teacher already waiting or serving in that pool is refused; one whose membership ended
 * may be appointed again (one record per teacher and pool, the history kept).
 */
export async function appointTrainer(
  ctx: TrainersContext,
  actor: Actor,
  input: AppointTrainer,
): Promise<TrainerDetail> {
  const req = appointTrainerSchema.parse(input);
  requirePermission(actor, 'trainer.approve');
  const pool = visibleOr404(
    isId(req.poolOrgId) ? await ctx.orgs.findById(req.poolOrgId) : undefined,
    (o) => orgKnown(actor, o.path),
    '单位',
  );
  requirePermission(actor, 'trainer.approve', pool.path);
  if (pool.kind !== 'county' && pool.kind !== 'city')
    throw new AppError('VALIDATION_FAILED', '培训者团队设在县（区）或市一级', { field: 'poolOrgId' });
  const [t] = isId(req.teacherId) ? await ctx.people.trainerFactsOf([req.teacherId]) : [];
  // a teacher outside the pool's region is not known to this officer
  const teacher = visibleOr404(
    t,
    (x) => x.orgPath.startsWith(pool.path) && can(actor, 'trainer.approve', x.orgPath),
    '教师',
  );
  const start = termStartOf(ctx, req.termStart);
  if (req.consentOn > start)
    throw new AppError('VALIDATION_FAILED', '直聘须先征得本人同意：同意日期不能晚于聘期开始日期', {
      field: 'consentOn',
      ruleId: 'R3-P08',
    });
  const { check, overrides } = await checkFirstAppointment(
    ctx,
    actor,
    teacher,
    pool.path,
    start,
    req.overrides,
  );
  const end = trainerTermEnd(start, await ctx.rulesFor(pool.path, start));
  const countyId = regionKeyOf(pool);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const existing = await ctx.repo.findByTeacherAndPool(countyId, pool.id, teacher.id, trx);
    if (existing && !['returned', 'released', 'revoked'].includes(existing.status))
      throw new AppError('CONFLICT', `${teacher.name}在${pool.name}培训者团队已有记录，不能重复聘任`, {
        status: existing.status,
        recordId: existing.id,
      });
    const now = ctx.now();
    const fields = {
      route: 'appointment',
      status: 'appointed',
      consent_on: req.consentOn,
      consent_note: req.consentNote,
      term_start: start,
      term_end: end.lastDay,
      overrides: JSON.stringify(overrides),
      revocation_reason: null,
      ended_on: null,
      school_id: teacher.schoolId,
      school_path: teacher.orgPath,
    };
    const r = existing
      ? await ctx.repo.updateRecord(existing, fields, now, trx)
      : await ctx.repo.insertRecord(
          {
            county_id: countyId,
            teacher_id: teacher.id,
            pool_org_id: pool.id,
            org_path: pool.path,
            ...fields,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
    if (!r) throw new AppError('CONFLICT', `${teacher.name}在${pool.name}培训者团队已有记录，不能重复聘任`);
    await recordStep(
      ctx,
      actor,
      r,
      {
        action: 'appoint',
        from: existing?.status ?? null,
        to: 'appointed',
        reason: req.consentNote,
        details: {
          ruleId: 'R3-P08',
          consentOn: req.consentOn,
          termStart: start,
          termEnd: end.lastDay,
          age: check.age,
          overrides,
        },
      },
      trx,
    );
    return r;
  });
  return detailView(ctx, row);
}
