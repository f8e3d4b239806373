/** Exams: create one for an org (optionally in a monitoring cycle), list and read them, set report settings. */
import type { CreateExamRequest, Exam, ReportSettings } from '@yanxun/contracts';
import { type ExamAudience, reportModeFor, validateGradeCuts } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission } from '../../../shared/permissions';
import type { ExamsContext } from '../context';
import { ancestorPaths, loadExam, loadManaged, managedOrg, toExam } from '../exam-access';
import type { ExamRow } from './exams.repository';

export async function createExam(ctx: ExamsContext, actor: Actor, req: CreateExamRequest): Promise<Exam> {
  const { db, repo, audit } = ctx;
  const org = await managedOrg(ctx, actor, req.ownerOrgId);
  if (req.reportSettings?.gradeCuts) {
    const bad = validateGradeCuts(req.reportSettings.gradeCuts);
    if (bad) throw new AppError('VALIDATION_FAILED', bad, { field: 'reportSettings.gradeCuts' });
  }
  let cycleId: string | null = null;
  if (req.cycleId) {
    const c = isId(req.cycleId) ? await repo.findCycle(req.cycleId) : undefined;
    if (!c || !can(actor, 'exam.manage', c.owner_path) || !org.path.startsWith(c.owner_path))
      throw notFound('监测周期');
    cycleId = c.id;
  }
  const id = await db.transaction().execute(async (trx) => {
    const newId = await repo.insertExam(
      {
        name: req.name,
        semester: req.semester,
        stage: req.stage,
        subject: req.subject,
        grade: req.grade,
        fullMarks: req.fullMarks,
        kind: req.kind,
        examDate: req.examDate ?? null,
        ownerOrgId: org.id,
        ownerPath: org.path,
        cycleId,
        reportSettings: req.reportSettings ?? {},
        createdBy: actor.accountId,
      },
      trx,
    );
    await audit.record(
      actor,
      {
        action: 'exam.create',
        entity: 'exam',
        entityId: newId,
        orgId: org.id,
        details: { name: req.name },
      },
      trx,
    );
    return newId;
  });
  return toExam((await repo.findExam(id)) as ExamRow);
}

export async function listExams(ctx: ExamsContext, actor: Actor, cycleId?: string): Promise<Exam[]> {
  const roots = requirePermission(actor, 'exam.read');
  const ancestors = [...new Set(roots.flatMap(ancestorPaths))];
  return (await ctx.repo.listExams(roots, ancestors, cycleId)).map(toExam);
}

export async function getExam(
  ctx: ExamsContext,
  actor: Actor,
  id: string,
): Promise<Exam & { audience: ExamAudience; mode: string }> {
  const { row, access } = await loadExam(ctx, actor, id);
  return { ...toExam(row), audience: access.audience, mode: reportModeFor(access.audience, toExam(row)) };
}

export async function setReportSettings(
  ctx: ExamsContext,
  actor: Actor,
  id: string,
  settings: ReportSettings,
): Promise<Exam> {
  const row = await loadManaged(ctx, actor, id);
  if (settings.gradeCuts) {
    const bad = validateGradeCuts(settings.gradeCuts);
    if (bad) throw new AppError('VALIDATION_FAILED', bad, { field: 'gradeCuts' });
  }
  await ctx.repo.setReportSettings(row.id, settings);
  await ctx.audit.record(actor, {
    action: 'exam.report_settings',
    entity: 'exam',
    entityId: row.id,
    orgId: row.owner_org_id,
    details: settings,
  });
  return toExam((await ctx.repo.findExam(row.id)) as ExamRow);
}
