/**
 * R3-P07, first two steps: a teacher applies to their county's (or city's) pool; their school recommends the
 * application to the bureau or returns it with a reason. A returned application may be made again.
 */
import type { ApplyTrainer, MyTrainer, RecommendTrainer, TrainerDetail } from '@yanxun/contracts';
import { trainerEligibility } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { regionKeyOf } from '../org';
import type { TrainersContext } from './context';
import type { TrainerOrg, TrainerTeacherFacts } from './ports';
import { detailView, recordForAction, recordStep, today, wrongStatus } from './trainer-access';

/** The signed-in teacher's facts, or 403 for an account that is not a teacher. */
async function ownTeacher(ctx: TrainersContext, actor: Actor): Promise<TrainerTeacherFacts> {
  if (actor.teacherId === null) throw forbidden('只有教师本人可以申请加入培训者团队');
  const [t] = await ctx.people.trainerFactsOf([actor.teacherId]);
  if (!t) throw forbidden('只有教师本人可以申请加入培训者团队');
  return t;
}

/** The pools above a teacher's school: their county's and their city's teams, county first. */
async function poolsAbove(ctx: TrainersContext, t: TrainerTeacherFacts): Promise<TrainerOrg[]> {
  const chain = await ctx.orgs.ancestorsOf(t.orgPath);
  return chain.filter((o) => o.kind === 'county' || o.kind === 'city').reverse();
}

/** GET /me/trainer: the teacher's records with their history, the pools open to them, and today's check. */
export async function myTrainer(ctx: TrainersContext, actor: Actor): Promise<MyTrainer> {
  const t = await ownTeacher(ctx, actor);
  const [rows, pools] = await Promise.all([ctx.repo.recordsOfTeacher(t.id), poolsAbove(ctx, t)]);
  const on = today(ctx);
  const rules = await ctx.rulesFor(t.orgPath, on);
  return {
    records: await Promise.all(rows.map((r) => detailView(ctx, r))),
    pools: pools.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    eligibility: trainerEligibility(
      { id: t.id, name: t.name, birthDate: t.birthDate, titleCode: t.title },
      'first',
      on,
      rules,
    ),
  };
}

/**
 * A teacher's application (R3-P07 个人申请). The pool is their county's unless they name their city's. One record
 * per teacher and pool: a returned, released or revoked record may apply again (its history is kept); an
 * application that waits or a membership in force is refused. The age limit (R3-P04, 60) is checked now, so no
 * one applies in vain; soft warnings are for the bureau to weigh.
 */
export async function applyTrainer(
  ctx: TrainersContext,
  actor: Actor,
  req: ApplyTrainer,
): Promise<TrainerDetail> {
  requirePermission(actor, 'trainer.apply');
  const t = await ownTeacher(ctx, actor);
  const pools = await poolsAbove(ctx, t);
  const pool = req.poolOrgId === undefined ? pools[0] : pools.find((p) => p.id === req.poolOrgId);
  if (!pool)
    throw new AppError('VALIDATION_FAILED', '只能申请加入本人所在县（区）或市的培训者团队', {
      field: 'poolOrgId',
    });
  const on = today(ctx);
  const check = trainerEligibility(
    { id: t.id, name: t.name, birthDate: t.birthDate, titleCode: t.title },
    'first',
    on,
    await ctx.rulesFor(pool.path, on),
  );
  const hard = check.findings.find((f) => f.severity === 'error');
  if (hard)
    throw new AppError('CONFLICT', hard.message, {
      ruleId: hard.rule,
      values: hard.values,
      findings: check.findings,
    });
  const countyId = regionKeyOf(pool);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const existing = await ctx.repo.findByTeacherAndPool(countyId, pool.id, t.id, trx);
    if (existing && !['returned', 'released', 'revoked'].includes(existing.status))
      throw new AppError(
        'CONFLICT',
        `您在${pool.name}培训者团队已有记录（${statusWord(existing.status)}），不能重复申请`,
        {
          status: existing.status,
        },
      );
    const now = ctx.now();
    const r = existing
      ? await ctx.repo.updateRecord(
          existing,
          {
            // a new application: the last term and its ending stay in the history (events)
            status: 'applied',
            route: 'application',
            consent_on: null,
            consent_note: null,
            statement: req.statement,
            school_id: t.schoolId,
            school_path: t.orgPath,
            overrides: '[]',
            term_start: null,
            term_end: null,
            revocation_reason: null,
            ended_on: null,
          },
          now,
          trx,
        )
      : await ctx.repo.insertRecord(
          {
            county_id: countyId,
            teacher_id: t.id,
            pool_org_id: pool.id,
            org_path: pool.path,
            school_id: t.schoolId,
            school_path: t.orgPath,
            route: 'application',
            status: 'applied',
            statement: req.statement,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
    if (!r) throw new AppError('CONFLICT', `您在${pool.name}培训者团队已有记录，不能重复申请`);
    await recordStep(
      ctx,
      actor,
      r,
      { action: 'apply', from: existing?.status ?? null, to: 'applied', details: { ruleId: 'R3-P07' } },
      trx,
    );
    return r;
  });
  return detailView(ctx, row);
}

function statusWord(status: string): string {
  return status === 'applied' || status === 'recommended' ? '审核中' : '在聘';
}

/** R3-P07 单位推荐: the teacher's school recommends the application to the bureau, or returns it with a reason. */
export async function recommendTrainer(
  ctx: TrainersContext,
  actor: Actor,
  id: string,
  req: RecommendTrainer,
): Promise<TrainerDetail> {
  const reason = req.reason?.trim() || null;
  if (req.decision === 'return' && (reason === null || reason.length < 2))
    throw new AppError('VALIDATION_FAILED', '退回时请填写原因', { field: 'reason' });
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await recordForAction(ctx, actor, id, 'trainer.recommend', (x) => x.school_path, trx);
    if (r.status !== 'applied') throw wrongStatus(r, req.decision === 'return' ? '退回' : '推荐');
    const to = req.decision === 'recommend' ? 'recommended' : 'returned';
    const next = await ctx.repo.updateRecord(r, { status: to }, ctx.now(), trx);
    await recordStep(
      ctx,
      actor,
      r,
      { action: req.decision, from: r.status, to, reason, details: { ruleId: 'R3-P07', by: 'school' } },
      trx,
    );
    return next;
  });
  return detailView(ctx, row);
}
