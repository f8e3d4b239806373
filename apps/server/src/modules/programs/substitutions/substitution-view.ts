import type { Page, SubstitutionListQuery, SubstitutionRequestBody } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { scopeOf } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme } from '../programme-access';
import type { SubstitutionRow } from './substitutions.repository';

export function toSubstitution(r: SubstitutionRow): SubstitutionRequestBody {
  return {
    id: r.id,
    programmeId: r.programme_id,
    quotaOrgId: r.quota_org_id,
    approverOrgId: r.approver_org_id,
    nominationId: r.nomination_id,
    replacedTeacherId: r.replaced_teacher_id,
    replacedTeacherName: r.replaced_teacher_name,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    reason: r.reason,
    eligibility: r.eligibility as SubstitutionRequestBody['eligibility'],
    overrideReason: r.override_reason,
    status: r.status as SubstitutionRequestBody['status'],
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionReason: r.decision_reason,
    newNominationId: r.new_nomination_id,
  };
}

export async function listSubstitutions(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  query: SubstitutionListQuery,
): Promise<Page<SubstitutionRequestBody>> {
  const p = await loadProgramme(ctx, actor, id);
  const { rows, total } = await ctx.repo.listSubstitutions({
    programmeId: p.id,
    roots: scopeOf(actor, 'program.read'),
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(toSubstitution), total, page: query.page, pageSize: query.pageSize };
}
