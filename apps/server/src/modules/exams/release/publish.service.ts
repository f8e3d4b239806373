/**
 * The office's release of an exam: the public summary (core `publicSummary`: region aggregates only, no school, no
 * rank — SZ-12, R-002-58, Y-EXAM-PUBLIC), frozen at publication, and the release to parents, on or off.
 */
import type { ExamRelease, ExamReleaseRequest } from '@yanxun/contracts';
import { type PublicSummaryBody, publicSummary } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ExamReleaseContext } from '../context';
import type { ReleaseRow } from './release.repository';

const PUBLIC_RULE = 'Y-EXAM-PUBLIC';

async function examForRelease(ctx: ExamReleaseContext, actor: Actor, id: string) {
  // visibility first (404 outside the actor's scope), then the office's right to release
  await ctx.exams.getExam(actor, id);
  const row = await ctx.repo.examForRelease(id);
  if (!row) throw notFound('考试');
  requirePermission(actor, 'exam.manage', row.owner_path);
  return row;
}

function releaseOf(
  examId: string,
  r: ReleaseRow | undefined,
  dataVersion: number,
  ownerKind: string,
): ExamRelease {
  return {
    examId,
    publicAt: r?.public_at ? r.public_at.toISOString() : null,
    publicStale: !!r?.public_at && r.public_version !== dataVersion,
    parentsAt: r?.parents_at ? r.parents_at.toISOString() : null,
    publicBlocked: ownerKind === 'school' ? '学校组织的考试不向公众发布汇总结果（汇总即单校成绩）' : null,
    summary: (r?.public_summary as PublicSummaryBody | null | undefined) ?? null,
  };
}

async function buildPublicSummary(
  ctx: ExamReleaseContext,
  actor: Actor,
  id: string,
): Promise<PublicSummaryBody> {
  const report = await ctx.exams.report(actor, id);
  if (report.audience !== 'monitoring')
    throw new AppError('FORBIDDEN', '只有监测部门可以发布公众汇总', {
      permission: 'exam.diagnose',
      ruleId: 'R-002-58',
    });
  const t = report.overall.totals;
  return publicSummary(
    {
      exam: { kind: report.exam.kind, stage: report.exam.stage },
      n: report.overall.n,
      absent: report.overall.absent,
      schools: report.schools.length,
      grades: report.overall.grades,
      gradeCuts: report.policy.gradeCuts,
      minGroupN: report.policy.minGroupN,
      rates: t
        ? {
            scoreRate: t.mean === null ? null : t.mean / report.exam.fullMarks,
            passRate: t.passRate,
            excellentRate: t.excellentRate,
          }
        : undefined,
    },
    ctx.policy,
  );
}

export async function releaseStatus(ctx: ExamReleaseContext, actor: Actor, id: string): Promise<ExamRelease> {
  const ex = await examForRelease(ctx, actor, id);
  return releaseOf(ex.id, await ctx.repo.findRelease(ex.id), ex.data_version, ex.owner_kind);
}

/** Publish or take back the public summary; release to parents or stop it. */
export async function setRelease(
  ctx: ExamReleaseContext,
  actor: Actor,
  id: string,
  req: ExamReleaseRequest,
): Promise<ExamRelease> {
  const { db, repo, audit } = ctx;
  const ex = await examForRelease(ctx, actor, id);
  const before = await repo.findRelease(ex.id);
  let summary: PublicSummaryBody | null = null;
  if (req.public) {
    if (ex.owner_kind === 'school')
      throw new AppError('VALIDATION_FAILED', '学校组织的考试不向公众发布汇总结果（汇总即单校成绩）', {
        field: 'public',
        ruleId: PUBLIC_RULE,
      });
    summary = await buildPublicSummary(ctx, actor, ex.id);
  }
  await db.transaction().execute(async (trx) => {
    if (req.public || before?.public_at)
      await repo.setPublic(ex.id, summary, ex.data_version, actor.accountId, trx);
    if (req.parents !== !!before?.parents_at) await repo.setParents(ex.id, req.parents, actor.accountId, trx);
    await audit.record(
      actor,
      {
        action: 'exam.release',
        entity: 'exam',
        entityId: ex.id,
        orgId: ex.owner_org_id,
        details: {
          public: req.public,
          parents: req.parents,
          withheld: summary?.withheld?.reason ?? null,
        },
      },
      trx,
    );
  });
  return releaseOf(ex.id, await repo.findRelease(ex.id), ex.data_version, ex.owner_kind);
}
