/** A teacher's 学时 record: every posting with its reversal, and the balance of those standing. */
import {
  type HourCategoryCode,
  type HourSourceCode,
  type HoursEntry,
  hourCategorySchema,
  hourSourceSchema,
  type TeacherHours,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { requirePermission, scopeOf } from '../../shared/permissions';
import type { HoursContext } from './context';
import type { PostingRow } from './ledger.repository';

function toEntry(r: PostingRow): HoursEntry {
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    classId: r.class_id,
    hoursTenths: r.amount_tenths,
    category: hourCategorySchema.parse(r.category) as HourCategoryCode,
    schoolYear: r.school_year,
    occurredOn: r.occurred_on,
    source: hourSourceSchema.parse(r.source) as HourSourceCode,
    ruleId: r.rule_id,
    postedAt: r.posted_at.toISOString(),
    reversedAt: r.reversed_at?.toISOString() ?? null,
    reverseReason: r.reverse_reason,
  };
}

/** Every posting of a teacher, the standing ones summed (no authorization: for modules that decided already). */
export async function hoursOf(
  ctx: HoursContext,
  teacherId: string,
  canReverse: boolean,
): Promise<TeacherHours> {
  const rows = await ctx.repo.postingsOf(teacherId);
  return {
    teacherId,
    totalTenths: rows.filter((r) => !r.reversed_at).reduce((s, r) => s + r.amount_tenths, 0),
    entries: rows.map(toEntry),
    canReverse,
  };
}

/**
 * A teacher's hours record, for staff who may read the teacher (the people module decides who) and for the
 * teacher themself (their own profile shows the same card).
 */
export async function teacherHours(
  ctx: HoursContext,
  actor: Actor,
  teacherId: string,
): Promise<TeacherHours> {
  if (actor.teacherId === null || actor.teacherId !== teacherId) requirePermission(actor, 'hours.read');
  const t = await ctx.people.detail(actor, teacherId);
  return hoursOf(ctx, t.id, scopeOf(actor, 'hours.reverse').length > 0);
}
