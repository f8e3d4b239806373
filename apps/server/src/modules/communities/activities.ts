/**
 * Activities of a studio or workshop: record one (at a core member's school, R3-W06), its attendance per member,
 * and closing it, which posts each attendee's 学时 to the ledger once (credit `community-activity:<id>`, source
 * `activity`, one day: the ledger's 6-a-day and 40-a-year caps of R3-W16 apply when it evaluates).
 */
import type {
  Activity,
  ActivityInput,
  ActivityKind,
  AttendanceInput,
  AttendanceRow,
} from '@yanxun/contracts';
import type { CommunityFinding, MemberRole } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import type { ActivityRow, CommunityRow } from './communities.repository';
import { findingBody, loadCommunity, loadForRecord, rosterOf, rulesFor, todayOf } from './community-access';
import type { CommunitiesContext } from './context';
import { coreSchoolsOf } from './plans';

const ACTIVITY = '活动';

export function activityCreditKey(activityId: string): string {
  return `community-activity:${activityId}`;
}

/** The members an activity expects: everyone current but applicants (申报成员 are not members yet). */
const ATTENDING_ROLES: readonly MemberRole[] = ['host', 'core', 'formal', 'mentee'];

export async function views(
  ctx: CommunitiesContext,
  c: CommunityRow,
  rows: ActivityRow[],
): Promise<Activity[]> {
  const counts = new Map(
    (
      await ctx.repo.attendanceCounts(
        c.county_id,
        rows.map((r) => r.id),
      )
    ).map((x) => [x.activity_id, x]),
  );
  const names = new Map(
    (await ctx.orgs.findByIds([...new Set(rows.map((r) => r.host_school_id))])).map((o) => [o.id, o.name]),
  );
  const core = rows.length > 0 ? new Set(await coreSchoolsOf(ctx, c)) : new Set<string>();
  const links = await ctx.repo.filesOf(
    c.county_id,
    rows.map((r) => r.id),
  );
  const metas = await ctx.files.metaOf([...new Set(links.map((l) => l.file_id))]);
  const filesOf = (activityId: string) =>
    links.flatMap((l) => {
      const m = l.activity_id === activityId ? metas.get(l.file_id) : undefined;
      return m ? [m] : [];
    });
  return rows.map((r) => {
    const findings: CommunityFinding[] = core.has(r.host_school_id)
      ? []
      : [
          {
            rule: 'R3-W06',
            severity: 'warning',
            message: '活动不在核心成员学校举行',
            values: { hostSchoolId: r.host_school_id },
          },
        ];
    return {
      id: r.id,
      communityId: r.community_id,
      heldOn: r.held_on,
      kind: r.kind as ActivityKind,
      title: r.title,
      hostSchoolId: r.host_school_id,
      hostSchoolName: names.get(r.host_school_id) ?? '',
      record: r.record,
      hoursTenths: r.hours_tenths,
      status: r.status as 'open' | 'closed',
      expected: Number(counts.get(r.id)?.expected ?? 0),
      attended: Number(counts.get(r.id)?.attended ?? 0),
      postings: r.postings,
      findings: findings.map(findingBody),
      files: filesOf(r.id),
    };
  });
}

export async function listActivities(ctx: CommunitiesContext, actor: Actor, id: string): Promise<Activity[]> {
  const c = await loadCommunity(ctx, actor, id);
  return views(ctx, c, await ctx.repo.activitiesOf(c.county_id, c.id));
}

export async function loadActivity(
  ctx: CommunitiesContext,
  c: CommunityRow,
  activityId: string,
): Promise<ActivityRow> {
  if (!/^\d{1,18}$/.test(activityId)) throw notFound(ACTIVITY);
  const a = await ctx.repo.findActivity(c.county_id, c.id, activityId);
  if (!a) throw notFound(ACTIVITY);
  return a;
}

/** Record an activity: hosted by a core member's school (R3-W06); its 学时 a day's at most (R3-W16). */
export async function createActivity(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  req: ActivityInput,
): Promise<Activity> {
  const c = await loadForRecord(ctx, actor, id);
  const rules = await rulesFor(ctx, c);
  const dayCap = rules.workshop.dayCapTenths;
  const hours = req.hoursTenths ?? dayCap.value;
  if (hours > dayCap.value)
    throw new AppError('VALIDATION_FAILED', `一次活动最多计 ${dayCap.value / 10} 学时`, {
      field: 'hoursTenths',
      ruleId: dayCap.ruleId,
      max: dayCap.value,
    });
  const core = await coreSchoolsOf(ctx, c);
  if (!core.includes(req.hostSchoolId))
    throw new AppError('VALIDATION_FAILED', '活动应在核心成员所在学校轮流举行，所选学校不是核心成员的学校', {
      field: 'hostSchoolId',
      ruleId: 'R3-W06',
      coreSchoolIds: core,
    });
  const activityId = await ctx.db.transaction().execute(async (trx) => {
    const newId = await ctx.repo.insertActivity(
      {
        county_id: c.county_id,
        community_id: c.id,
        held_on: req.heldOn,
        kind: req.kind,
        title: req.title,
        host_school_id: req.hostSchoolId,
        record: req.record?.trim() ? req.record : null,
        hours_tenths: hours,
        created_by: actor.accountId,
        created_at: ctx.now(),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.activity',
        entity: 'community_activity',
        entityId: newId,
        orgId: c.host_org_id,
        details: { communityId: c.id, heldOn: req.heldOn, kind: req.kind, title: req.title },
      },
      trx,
    );
    return newId;
  });
  const [view] = await views(ctx, c, [await loadActivity(ctx, c, activityId)]);
  if (!view) throw notFound(ACTIVITY);
  return view;
}

/** Who the activity expects and who came (null: not recorded yet). */
export async function attendanceOf(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  activityId: string,
): Promise<AttendanceRow[]> {
  const c = await loadCommunity(ctx, actor, id);
  const a = await loadActivity(ctx, c, activityId);
  const rows = await ctx.repo.membersOf(c.county_id, [c.id]);
  const roster = await rosterOf(ctx, c, rows, await rulesFor(ctx, c));
  const recorded = new Map((await ctx.repo.attendanceOf(c.county_id, a.id)).map((r) => [r.member_id, r]));
  const expected = roster.members.filter((m) => ATTENDING_ROLES.includes(m.role));
  const out: AttendanceRow[] = expected.map((m) => ({
    memberId: m.id,
    teacherId: m.teacherId,
    name: m.name,
    role: m.role,
    attended: recorded.get(m.id)?.attended ?? null,
  }));
  // members recorded then who have left since stay in the record
  for (const r of recorded.values())
    if (!expected.some((m) => m.id === r.member_id)) {
      const m = roster.history.find((h) => h.id === r.member_id);
      out.push({
        memberId: r.member_id,
        teacherId: r.teacher_id,
        name: m?.name ?? '',
        role: m?.role ?? 'formal',
        attended: r.attended,
      });
    }
  return out;
}

/** Record who came: every expected member gets a row (attended or not); refused once closed or before the day. */
export async function recordAttendance(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  activityId: string,
  req: AttendanceInput,
): Promise<AttendanceRow[]> {
  const c = await loadForRecord(ctx, actor, id);
  const a = await loadActivity(ctx, c, activityId);
  if (a.status === 'closed') throw new AppError('CONFLICT', '活动已结束登记，出勤不能再修改');
  if (a.held_on > todayOf(ctx))
    throw new AppError('VALIDATION_FAILED', `活动在 ${a.held_on} 举行，当天起才能登记出勤`, {
      heldOn: a.held_on,
    });
  const rows = await ctx.repo.membersOf(c.county_id, [c.id]);
  const expected = rows.filter((r) => r.left_on === null && ATTENDING_ROLES.includes(r.role as MemberRole));
  const came = new Set(req.attended);
  const unknown = req.attended.filter((m) => !expected.some((r) => r.id === m));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', '出勤名单中有不是本工作室/工作坊当前成员的人', {
      field: 'attended',
      memberIds: unknown,
    });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.upsertAttendance(
      c.county_id,
      a.id,
      expected.map((r) => ({ memberId: r.id, teacherId: r.teacher_id, attended: came.has(r.id) })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.attendance',
        entity: 'community_activity',
        entityId: a.id,
        orgId: c.host_org_id,
        details: { expected: expected.length, attended: came.size },
      },
      trx,
    );
  });
  return attendanceOf(ctx, actor, id, activityId);
}

/**
 * Close the activity: the attendees' 学时 go to the ledger in the same transaction, once per member (the row is
 * locked, and the ledger's credit key holds under concurrency: a second close is refused, nothing posted twice).
 */
export async function closeActivity(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  activityId: string,
): Promise<Activity> {
  const c = await loadForRecord(ctx, actor, id);
  const seen = await loadActivity(ctx, c, activityId);
  if (seen.held_on > todayOf(ctx))
    throw new AppError('VALIDATION_FAILED', `活动在 ${seen.held_on} 举行，当天起才能结束登记`, {
      heldOn: seen.held_on,
    });
  // every teacher who was ever a member, placed before the transaction (the ports read outside it)
  const everyone = await ctx.people.placesOf([
    ...new Set((await ctx.repo.membersOf(c.county_id, [c.id])).map((m) => m.teacher_id)),
  ]);
  await ctx.db.transaction().execute(async (trx) => {
    const a = await ctx.repo.findActivity(c.county_id, c.id, activityId, trx, true);
    if (!a) throw notFound(ACTIVITY);
    if (a.status === 'closed') throw new AppError('CONFLICT', '活动已结束登记，学时已记入');
    const attended = (await ctx.repo.attendanceOf(c.county_id, a.id, trx)).filter((r) => r.attended);
    const came = new Set(attended.map((r) => r.teacher_id));
    const places = everyone.filter((p) => came.has(p.id));
    const posted = await ctx.hours.postCredits(
      places.map((p) => ({
        countyId: p.countyId,
        teacherId: p.id,
        orgPath: p.orgPath,
        amountTenths: a.hours_tenths,
        days: 1,
        category: c.kind === 'workshop' ? ('workshop' as const) : ('studio' as const),
        occurredOn: a.held_on,
        source: 'activity' as const,
        creditKey: activityCreditKey(a.id),
        ruleId: 'R3-W16',
        provenanceSystem: 'community_activities',
        provenanceRecord: a.id,
        postedBy: actor.accountId,
      })),
      trx,
    );
    await ctx.repo.closeActivity(c.county_id, a.id, { at: ctx.now(), by: actor.accountId, posted }, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'community.activity.close',
        entity: 'community_activity',
        entityId: a.id,
        orgId: c.host_org_id,
        details: { communityId: c.id, attended: attended.length, hoursPosted: posted },
      },
      trx,
    );
  });
  const [view] = await views(ctx, c, [await loadActivity(ctx, c, activityId)]);
  if (!view) throw notFound(ACTIVITY);
  return view;
}
