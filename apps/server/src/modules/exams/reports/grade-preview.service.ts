/** The office's 等级 page: an exam's grade distribution with other cut-offs (SZ-12 等级划分), not saved. */
import type { GradeCutPreview } from '@yanxun/contracts';
import { type GradeCut, suppressed, validateGradeCuts } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { scopeOf } from '../../../shared/permissions';
import { cacheOf, computeCache, schoolInfo } from '../analysis/analysis-cache';
import type { ExamsContext } from '../context';
import { loadManaged, minGroupNOf, settingsOf } from '../exam-access';

/**
 * The grade distribution an exam would show with other cut-offs, without saving them: the same students
 * (sample included) and the same computation as the report (computeCache with the cuts replaced).
 */
export async function previewGradeCuts(
  ctx: ExamsContext,
  actor: Actor,
  id: string,
  cuts: GradeCut[],
): Promise<GradeCutPreview> {
  const row = await loadManaged(ctx, actor, id);
  const bad = validateGradeCuts(cuts);
  if (bad) throw new AppError('VALIDATION_FAILED', bad, { field: 'gradeCuts', ruleId: 'SZ-12' });
  if (!row.items) throw new AppError('NOT_FOUND', '该考试还没有成绩数据');
  const fresh = await computeCache(ctx, { ...row, report_settings: { ...settingsOf(row), gradeCuts: cuts } });
  const current = await cacheOf(ctx, row);
  const minGroupN = minGroupNOf(row);
  const info = await schoolInfo(
    ctx,
    fresh.analysis.schools.map((g) => g.school),
  );
  const scope = scopeOf(actor, 'exam.read');
  const small = suppressed(fresh.analysis.students, minGroupN);
  return {
    examId: row.id,
    fullMarks: fresh.analysis.fullMarks,
    gradeCuts: cuts,
    minGroupN,
    n: fresh.analysis.students,
    overall: small ? null : fresh.grades.overall,
    current: small || !current ? null : current.grades.overall,
    schools: fresh.analysis.schools
      .filter((g) => {
        const p = info.get(g.school)?.path;
        return p !== undefined && scope.some((r) => p.startsWith(r));
      })
      .map((g) => {
        const hidden = suppressed(g.total.n, minGroupN);
        return {
          schoolId: g.school,
          school: info.get(g.school)?.name ?? g.school,
          suppressed: hidden,
          n: hidden ? null : g.total.n,
          grades: hidden ? null : (fresh.grades.bySchool[g.school] ?? null),
        };
      })
      .sort((a, b) => a.school.localeCompare(b.school, 'zh-CN')),
  };
}
