/**
 * A teacher's own studios and workshops (/me/communities): role, coming activities and the 学时 of this school year
 * as core's `workshopCredits` counts them (6 a day, 40 a school year, R3-W16); and a teacher's roles for the growth
 * archive (every membership, current and ended).
 */
import type {
  ActivityKind,
  ArchiveStudioRole,
  BackboneCandidate,
  CommunityKindCode,
  MyCommunity,
} from '@yanxun/contracts';
import {
  type CommunityLevel,
  MEMBER_ROLE_LABELS,
  type MemberRole,
  schoolYearOf,
  workshopCredits,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { titlesAndBackbone } from './backbone';
import { todayOf } from './community-access';
import type { CommunitiesContext } from './context';

export async function myCommunities(ctx: CommunitiesContext, actor: Actor): Promise<MyCommunity[]> {
  if (!actor.teacherId) return [];
  const today = todayOf(ctx);
  const memberships = (await ctx.repo.membershipsOfTeacher(actor.teacherId)).filter(
    (m) => m.left_on === null,
  );
  if (memberships.length === 0) return [];
  const ids = memberships.map((m) => m.community_id);
  const upcoming = await ctx.repo.upcomingOf(ids, today);
  const attended = await ctx.repo.attendedByTeacher(actor.teacherId);
  const first = memberships[0];
  const start = await ctx.rules.schoolYearStart(first?.org_path ?? '/', today);
  const rules = await ctx.rules.communityRules(first?.org_path ?? '/', today);
  const schoolYear = schoolYearOf(today, start);
  // one account of 学时 for the teacher across every community (the 40 a year is the teacher's)
  const credits = workshopCredits(
    attended.map((a) => ({
      id: a.id,
      memberId: actor.teacherId ?? '',
      date: a.held_on,
      days: 1,
      hoursTenths: a.hours_tenths,
    })),
    rules,
    start,
  ).find((c) => c.schoolYear === schoolYear);
  const communityOf = new Map(attended.map((a) => [a.id, a.community_id]));
  const backbone = await backboneOfTeacher(ctx, actor.teacherId, memberships);
  return memberships.map((m) => {
    const lines = (credits?.lines ?? []).filter((l) => communityOf.get(l.attendanceId) === m.community_id);
    return {
      id: m.community_id,
      name: m.name,
      kind: m.kind as CommunityKindCode,
      level: m.level as CommunityLevel,
      role: m.role as MemberRole,
      joinedOn: m.joined_on,
      upcoming: upcoming
        .filter((u) => u.community_id === m.community_id)
        .slice(0, 5)
        .map((u) => ({ id: u.id, heldOn: u.held_on, kind: u.kind as ActivityKind, title: u.title })),
      schoolYear,
      countedTenths: lines.reduce((s, l) => s + l.countedTenths, 0),
      notCountedTenths: lines.reduce((s, l) => s + l.notCountedTenths, 0),
      backbone: backbone.get(m.community_id) ?? null,
    };
  });
}

/** R3-W15 for the teacher: in each of their workshops, their own backbone offer if the workshop gives one. */
async function backboneOfTeacher(
  ctx: CommunitiesContext,
  teacherId: string,
  memberships: readonly { community_id: string; kind: string }[],
): Promise<Map<string, BackboneCandidate>> {
  const out = new Map<string, BackboneCandidate>();
  for (const m of memberships) {
    if (m.kind !== 'workshop') continue;
    const c = await ctx.repo.findCommunity(m.community_id);
    if (!c) continue;
    const rows = await ctx.repo.membersOf(c.county_id, [c.id]);
    const view = await titlesAndBackbone(ctx, null, c, rows, () => '');
    const mine = view.backbone.find((b) => b.teacherId === teacherId);
    if (mine) out.set(c.id, mine);
  }
  return out;
}

/**
 * Whether the teacher is a member of a 教师工作坊 today (any level, any role but 申报成员, not left): what earns the
 * priority of R3-W12 on nominations. No actor: the programs module has decided who reads.
 */
export async function isWorkshopMember(ctx: CommunitiesContext, teacherId: string): Promise<boolean> {
  const today = todayOf(ctx);
  return (await ctx.repo.membershipsOfTeacher(teacherId)).some(
    (m) => m.kind === 'workshop' && m.role !== 'applicant' && (m.left_on === null || m.left_on > today),
  );
}

/** Every membership of a teacher by community id and days (the evaluation's honours of a member's workshop). */
export async function membershipsOf(ctx: CommunitiesContext, teacherId: string) {
  return (await ctx.repo.membershipsOfTeacher(teacherId)).map((m) => ({
    communityId: m.community_id,
    role: m.role,
    fromDate: m.joined_on,
    toDate: m.left_on,
  }));
}

/** Every membership of a teacher, for the growth archive (no actor: the archive has decided who reads). */
export async function studioRolesOf(
  ctx: CommunitiesContext,
  teacherId: string,
): Promise<ArchiveStudioRole[]> {
  return (await ctx.repo.membershipsOfTeacher(teacherId)).map((m) => ({
    kind: m.kind === 'workshop' ? 'workshop' : 'studio',
    name: m.name,
    role: MEMBER_ROLE_LABELS[m.role as MemberRole],
    fromDate: m.joined_on,
    toDate: m.left_on,
  }));
}
