/** The public's view (no sign-in): the published summaries, newest first, each under its region's name. */
import type { PublicExamSummary } from '@yanxun/contracts';
import type { ExamKind, PublicSummaryBody } from '@yanxun/core/exams';
import { notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import type { ExamReleaseContext } from '../context';
import { labelsOf } from './exam-labels';
import type { PublicExamRow } from './release.repository';

function toPublic(r: PublicExamRow): PublicExamSummary {
  return {
    examId: r.id,
    name: r.name,
    semester: r.semester,
    stage: r.stage,
    subject: r.subject,
    grade: r.grade,
    kind: r.kind as ExamKind,
    examDate: r.exam_date,
    region: r.region,
    labels: labelsOf(r.stage, r.subject),
    publishedAt: r.public_at.toISOString(),
    summary: r.public_summary as PublicSummaryBody,
  };
}

export async function listPublic(ctx: ExamReleaseContext): Promise<PublicExamSummary[]> {
  return (await ctx.repo.listPublic(200)).map(toPublic);
}

export async function getPublic(ctx: ExamReleaseContext, id: string): Promise<PublicExamSummary> {
  if (!isId(id)) throw notFound('公开结果');
  const [row] = await ctx.repo.listPublic(1, id);
  if (!row) throw notFound('公开结果');
  return toPublic(row);
}
