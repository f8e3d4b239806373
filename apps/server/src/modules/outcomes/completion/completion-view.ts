/** A class's completion results as the table shows them, for the actor's trainees. */
import type { ClassCompletion, CompletionCheckOut, CompletionRow } from '@yanxun/contracts';
import { programmeHoursTenths } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { requirePermission, scopeOf } from '../../../shared/permissions';
import { toCertificate } from '../certificates/certificate';
import type { CertificateRow } from '../certificates/certificates.repository';
import { type OutcomesContext, todayOf } from '../context';
import { type ClassRules, canRun, loadClass, rowFilter, rulesOf } from '../outcome-access';
import type { ResultRow } from './completion.repository';

export function toCheck(x: unknown): CompletionCheckOut[] {
  return Array.isArray(x) ? (x as CompletionCheckOut[]) : [];
}

export function toRow(
  t: { teacherId: string; teacherName: string; schoolName: string },
  res: ResultRow,
  cert: CertificateRow | undefined,
  integrityRecorded: boolean,
): CompletionRow {
  return {
    teacherId: t.teacherId,
    teacherName: t.teacherName,
    schoolName: t.schoolName,
    completed: res.completed,
    attendancePct: Number(res.attendance_pct),
    checks: toCheck(res.checks),
    hoursTenths: res.hours_tenths,
    certificate: toCertificate(cert),
    evaluatedAt: res.evaluated_at.toISOString(),
    integrityRecorded,
  };
}

/** The result rows of the class's trainees that `keep` admits (by their org path). */
export async function completionRows(
  ctx: OutcomesContext,
  rules: ClassRules,
  keep: (p: string) => boolean,
): Promise<CompletionRow[]> {
  const [summary, results, certs] = await Promise.all([
    ctx.classes.attendanceSummary(rules.c.id),
    ctx.repo.resultsOfClass(rules.c.id),
    ctx.repo.certificatesOfClass(rules.c.id),
  ]);
  const byTeacher = new Map(results.map((r) => [r.teacher_id, r]));
  const certOf = new Map(certs.map((r) => [r.teacher_id, r]));
  const rows = summary.rows.filter((r) => keep(r.orgPath));
  const recorded = await ctx.repo.notCompletedRecorded(
    rules.c.programme_id,
    rows.map((r) => r.teacherId),
  );
  return rows.flatMap((r) => {
    const res = byTeacher.get(r.teacherId);
    return res ? [toRow(r, res, certOf.get(r.teacherId), recorded.has(r.teacherId))] : [];
  });
}

export async function classCompletion(
  ctx: OutcomesContext,
  actor: Actor,
  rules: ClassRules,
): Promise<ClassCompletion> {
  const c = rules.c;
  const keep = rowFilter(actor, c);
  if (!keep) throw notFound('培训班');
  return {
    classId: c.id,
    className: c.name,
    programmeId: c.programme_id,
    programmeTitle: c.programme_title,
    endDate: c.end_date,
    canRun: canRun(actor, c) && todayOf(ctx) >= c.end_date,
    canRecordIntegrity: scopeOf(actor, 'integrity.manage').length > 0,
    runOpensOn: c.end_date,
    fullHoursTenths: programmeHoursTenths(
      rules.pack,
      rules.programme.projectTypeCode,
      rules.programme.trackCode,
    ),
    rows: await completionRows(ctx, rules, keep),
  };
}

/** The completion table of a class, for whoever reads its results. */
export async function completion(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
): Promise<ClassCompletion> {
  requirePermission(actor, 'class.read');
  return classCompletion(ctx, actor, await rulesOf(ctx, await loadClass(ctx, classId)));
}
