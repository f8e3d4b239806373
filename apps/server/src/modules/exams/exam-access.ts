/**
 * Loading an exam and deciding who sees it as what, shared by the areas: the audience of an actor (the monitoring
 * office or a school, SZ-12, R-002-58), the subtrees whose schools it may see, the org an exam is made for, and
 * an exam row in the API's shape with its report settings.
 */
import type { Exam, ReportSettings } from '@yanxun/contracts';
import { EXAM_REPORT_POLICY, type ExamAudience, type GradeCut } from '@yanxun/core/exams';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { requirePermission, scopeOf } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import type { ExamsContext } from './context';
import type { ExamRow } from './exams/exams.repository';

export const POLICY = EXAM_REPORT_POLICY;

/** '/1/5/23/' → ['/1/', '/1/5/', '/1/5/23/'] */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

const overlaps = (root: string, ownerPath: string) =>
  ownerPath.startsWith(root) || root.startsWith(ownerPath);

export function settingsOf(row: ExamRow): ReportSettings {
  return (row.report_settings ?? {}) as ReportSettings;
}

export function toExam(row: ExamRow): Exam {
  const items = Array.isArray(row.items) ? (row.items as unknown[]).length : 0;
  return {
    id: row.id,
    name: row.name,
    semester: row.semester,
    stage: row.stage,
    subject: row.subject,
    grade: row.grade,
    fullMarks: row.full_marks,
    kind: row.kind as Exam['kind'],
    examDate: row.exam_date,
    ownerOrgId: row.owner_org_id,
    ownerName: row.owner_name,
    cycleId: row.cycle_id,
    students: row.students,
    absent: row.absent,
    items,
    hasData: items > 0,
    reportSettings: settingsOf(row),
    createdAt: row.created_at.toISOString(),
  };
}

export function gradeCutsOf(row: ExamRow): GradeCut[] {
  return settingsOf(row).gradeCuts ?? POLICY.gradeCuts;
}

export const minGroupNOf = (row: ExamRow) => settingsOf(row).minGroupN ?? POLICY.minGroupN;

export interface ExamAccess {
  audience: ExamAudience;
  /** the subtrees whose schools the actor may see */
  roots: string[];
}

/** The audience of the actor for something owned at `ownerPath`, and the subtrees whose schools it may see. */
export function accessTo(actor: Actor, ownerPath: string, what: string): ExamAccess {
  const diag = scopeOf(actor, 'exam.diagnose').filter((r) => overlaps(r, ownerPath));
  if (diag.length) return { audience: 'monitoring', roots: diag };
  const read = scopeOf(actor, 'exam.read').filter((r) => overlaps(r, ownerPath));
  if (read.length) return { audience: 'school', roots: read };
  throw notFound(what);
}

export async function loadExam(
  ctx: ExamsContext,
  actor: Actor,
  id: string,
): Promise<{ row: ExamRow; access: ExamAccess }> {
  if (!isId(id)) throw notFound('考试');
  const row = await ctx.repo.findExam(id);
  if (!row) throw notFound('考试');
  return { row, access: accessTo(actor, row.owner_path, '考试') };
}

/** The org an exam, cycle or indicator system is made for: another county's node reads as not found. */
export async function managedOrg(ctx: ExamsContext, actor: Actor, orgId: string) {
  requirePermission(actor, 'exam.manage');
  return orgForAction(actor, 'exam.manage', isId(orgId) ? await ctx.repo.findOrg(orgId) : undefined, '单位');
}

export async function loadManaged(ctx: ExamsContext, actor: Actor, id: string): Promise<ExamRow> {
  const { row } = await loadExam(ctx, actor, id);
  requirePermission(actor, 'exam.manage', row.owner_path);
  return row;
}
