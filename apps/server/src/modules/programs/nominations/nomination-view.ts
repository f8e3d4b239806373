import type { Nomination, NominationListQuery, Page } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, scopeOf } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadOrgFor, loadProgramme, type OrgRef } from '../programme-access';
import type { ProgrammeRow } from '../programmes/programmes.repository';
import type { NominationRow } from './nominations.repository';

export function toNomination(r: NominationRow, waitlistPosition: number | null): Nomination {
  return {
    id: r.id,
    programmeId: r.programme_id,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    schoolId: r.school_id,
    schoolName: r.school_name,
    quotaOrgId: r.quota_org_id,
    status: r.status as Nomination['status'],
    waitlistPosition,
    eligibility: r.eligibility as Nomination['eligibility'],
    overrideReason: r.override_reason,
    reason: r.reason,
    replacesId: r.replaces_id,
    replacedById: r.replaced_by_id,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  };
}

/** A nomination as the API shows it, with its place on the waitlist when it waits. */
export async function nominationOut(ctx: ProgramsContext, r: NominationRow): Promise<Nomination> {
  const pos =
    r.status === 'waitlisted' ? await ctx.repo.waitlistPosition(r.programme_id, r.quota_org_id, r.id) : null;
  return toNomination(r, pos);
}

/** A nomination of the programme the actor may read (404 otherwise). */
export async function loadNomination(
  ctx: ProgramsContext,
  actor: Actor,
  p: ProgrammeRow,
  id: string,
): Promise<NominationRow> {
  const n = isId(id) ? await ctx.repo.findNomination(id) : undefined;
  if (!n || n.programme_id !== p.id || !can(actor, 'program.read', n.org_path)) throw notFound('推荐记录');
  return n;
}

/** The nominating unit's quota node of a nomination, with write permission on it. */
export async function requireQuotaWrite(
  ctx: ProgramsContext,
  actor: Actor,
  n: NominationRow,
): Promise<OrgRef> {
  const org = await ctx.repo.findOrg(n.quota_org_id);
  if (!org || !can(actor, 'nomination.write', org.path)) throw forbidden('只有推荐单位可以修改该推荐');
  return org;
}

export async function listNominations(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  query: NominationListQuery,
): Promise<Page<Nomination>> {
  const p = await loadProgramme(ctx, actor, id);
  let roots = scopeOf(actor, 'program.read');
  if (query.orgId) roots = [(await loadOrgFor(ctx, actor, 'program.read', query.orgId)).path];
  const { rows, total } = await ctx.repo.listNominations({
    programmeId: p.id,
    roots,
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: await Promise.all(rows.map((r) => nominationOut(ctx, r))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A teacher's nomination to a programme, for the growth archive (no actor: the caller authorized). */
export interface TeacherNomination {
  id: string;
  programmeId: string;
  programmeTitle: string;
  year: number;
  level: string;
  projectTypeCode: string;
  startDate: string;
  endDate: string;
  status: Nomination['status'];
  nominatedAt: string;
}

/** Every nomination of a teacher, newest first, whatever became of it (selected, waitlisted, withdrawn …). */
export async function nominationsOf(ctx: ProgramsContext, teacherId: string): Promise<TeacherNomination[]> {
  if (!isId(teacherId)) return [];
  const rows = await ctx.repo.nominationsOfTeacher(teacherId);
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    year: r.year,
    level: r.level,
    projectTypeCode: r.project_type_code,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as Nomination['status'],
    nominatedAt: r.created_at.toISOString(),
  }));
}
