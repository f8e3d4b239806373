/**
 * The report of an exam for the actor's audience (SZ-12, R-002-58): from the cached analysis, with the schools in
 * the actor's scope and, for the monitoring office, the exam's early warnings; as JSON, Excel or PDF.
 */
import type { ExamReport, ExamWarning } from '@yanxun/contracts';
import { regionScopeOf } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { cacheOf, schoolInfo } from '../analysis/analysis-cache';
import type { ExamsContext } from '../context';
import { cycleWarnings } from '../cycles/warnings.service';
import { loadExam, minGroupNOf, POLICY, toExam } from '../exam-access';
import { buildReport } from './build-report';
import { buildReportPdf } from './report-pdf';
import { buildReportWorkbook } from './report-workbook';

export async function report(ctx: ExamsContext, actor: Actor, id: string): Promise<ExamReport> {
  const { row, access } = await loadExam(ctx, actor, id);
  requirePermission(actor, 'exam.read');
  const cache = await cacheOf(ctx, row);
  if (!cache) throw new AppError('NOT_FOUND', '该考试还没有成绩数据');
  const info = await schoolInfo(
    ctx,
    cache.analysis.schools.map((s) => s.school),
  );
  const visible = (sid: string) => {
    const p = info.get(sid)?.path;
    return p !== undefined && access.roots.some((r) => p.startsWith(r));
  };
  let warnings: ExamWarning[] | undefined;
  if (access.audience === 'monitoring' && row.cycle_id)
    warnings = (await cycleWarnings(ctx, row.cycle_id)).filter(
      (w) => w.examId === row.id && visible(w.schoolId),
    );
  return buildReport({
    exam: toExam(row),
    region: {
      orgId: row.owner_org_id,
      name: row.owner_name,
      scope: regionScopeOf(row.owner_kind, row.owner_name),
    },
    cache,
    audience: access.audience,
    policy: POLICY,
    minGroupN: minGroupNOf(row),
    visible,
    schools: info,
    warnings,
  });
}

export async function reportWorkbook(ctx: ExamsContext, actor: Actor, id: string) {
  const r = await report(ctx, actor, id);
  return { fileName: `${r.exam.name}-质量分析.xlsx`, body: await buildReportWorkbook(r) };
}

/** The same audience-filtered report as a PDF (A4, Noto Sans SC). */
export async function reportPdf(ctx: ExamsContext, actor: Actor, id: string) {
  const r = await report(ctx, actor, id);
  const today = dateOf(ctx.now());
  return { fileName: `${r.exam.name}-质量分析.pdf`, body: await buildReportPdf(r, today) };
}
