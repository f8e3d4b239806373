/** One teacher: the detail page, and the full ID number or phone for roles that may see them (audited). */
import type { TeacherDetail } from '@yanxun/contracts';
import { ageOn, fullYearsBetween } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import type { PeopleContext } from '../context';
import { loadVisible, toRow } from './teacher-access';
import { mayReveal, REVEAL } from './teacher-identifiers';

export async function detail(ctx: PeopleContext, actor: Actor, id: string): Promise<TeacherDetail> {
  const { repo, orgs, now } = ctx;
  const t = await loadVisible(ctx, actor, id);
  const today = dateOf(now());
  const [postings, ancestors] = await Promise.all([repo.postingsOf(t.id), orgs.ancestorsOf(t.org_path)]);
  const reveal = mayReveal(actor, t.org_path);
  return {
    ...toRow(t),
    rolesHeld: t.roles_held,
    age: ageOn(t.birth_date, today),
    teachingYears: t.teaching_start_date ? fullYearsBetween(t.teaching_start_date, today) : null,
    trainingYears: t.training_start_year !== null ? Number(today.slice(0, 4)) - t.training_start_year : null,
    postings: postings.map((p) => ({
      schoolId: p.school_id,
      schoolName: p.school_name,
      fromDate: p.from_date,
      toDate: p.to_date,
      reason: p.reason,
    })),
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    canRevealIdNumber: reveal,
    canRevealPhone: reveal && t.phone !== null,
  };
}

/** The full ID number, for roles allowed to see it; every call is written to the audit log. */
export async function revealIdNumber(
  ctx: PeopleContext,
  actor: Actor,
  id: string,
): Promise<{ idNumber: string }> {
  const t = await loadVisible(ctx, actor, id);
  requirePermission(actor, REVEAL, t.org_path);
  await ctx.audit.record(actor, {
    action: 'teacher.id_number_read',
    entity: 'teacher',
    entityId: t.id,
    orgId: t.school_id,
  });
  return { idNumber: t.id_number };
}

/** The full phone number, under the same permission as the ID number; every call is audited. */
export async function revealPhone(
  ctx: PeopleContext,
  actor: Actor,
  id: string,
): Promise<{ phone: string | null }> {
  const t = await loadVisible(ctx, actor, id);
  requirePermission(actor, REVEAL, t.org_path);
  if (t.phone !== null) {
    await ctx.audit.record(actor, {
      action: 'teacher.phone_read',
      entity: 'teacher',
      entityId: t.id,
      orgId: t.school_id,
    });
  }
  return { phone: t.phone };
}
