/**
 * Loading a community and deciding who sees and acts on it, shared by the use cases; and the roster as every read
 * and write returns it: the members with their current schools, the composition findings of core's checks, the
 * members whose school changed and what the move breaks (computed on read, never stored).
 */
import type { CommunityFindingBody, CommunityMember as MemberBody } from '@yanxun/contracts';
import {
  type Community,
  type CommunityFinding,
  type CommunityKind,
  type CommunityLevel,
  type CommunityMember,
  type CommunityRules,
  checkComposition,
  checkCountyStudio,
  checkMembershipAfterMove,
  checkNetworkStudio,
  checkTrainingExpertStudio,
  type MemberRole,
  type SchoolRef,
  type WorkshopClass,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { CommunityRow, MemberRow } from './communities.repository';
import type { CommunitiesContext } from './context';
import type { CommunityOrg, TeacherPlace } from './ports';

export const WHAT = '工作室/工作坊';

export function todayOf(ctx: CommunitiesContext): string {
  return dateOf(ctx.now());
}

/** Whether the actor is the community's host (主持人): they record its activities and attendance. */
export function isHost(actor: Actor, c: CommunityRow): boolean {
  return actor.teacherId !== null && actor.teacherId === c.host_teacher_id;
}

export function canManage(actor: Actor, c: CommunityRow): boolean {
  return can(actor, 'community.manage', c.org_path);
}

/** Read: `community.read` over the host unit, or the host teacher. Anything else reads like an unknown id. */
export function mayRead(actor: Actor, c: CommunityRow): boolean {
  return can(actor, 'community.read', c.org_path) || isHost(actor, c);
}

/** The community, if the actor may read it; 404 (the same as an unknown id) otherwise. */
export async function loadCommunity(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
): Promise<CommunityRow> {
  if (!/^\d{1,18}$/.test(id)) throw notFound(WHAT);
  return visibleOr404(await ctx.repo.findCommunity(id), (c) => mayRead(actor, c), WHAT);
}

/** The community to manage: 404 out of sight, 403 when seen but not managed here. */
export async function loadForManage(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
): Promise<CommunityRow> {
  const c = await loadCommunity(ctx, actor, id);
  requirePermission(actor, 'community.manage', c.org_path);
  return c;
}

/** The community to record activities of: its managers and its host teacher. */
export async function loadForRecord(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
): Promise<CommunityRow> {
  const c = await loadCommunity(ctx, actor, id);
  if (!isHost(actor, c)) requirePermission(actor, 'community.manage', c.org_path);
  return c;
}

export function rulesFor(
  ctx: CommunitiesContext,
  c: Pick<CommunityRow, 'org_path'>,
): Promise<CommunityRules> {
  return ctx.rules.communityRules(c.org_path, todayOf(ctx));
}

export function asCommunity(c: CommunityRow): Community {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind as CommunityKind,
    level: c.level as CommunityLevel,
    hostSchoolId: c.host_org_id,
    ...(c.workshop_class ? { workshopClass: c.workshop_class as WorkshopClass } : {}),
    ...(c.stage ? { stage: c.stage } : {}),
  };
}

const COUNTY_STUDIOS: readonly CommunityKind[] = [
  'master_teacher_studio',
  'master_principal_studio',
  'master_head_teacher_studio',
];

/**
 * The composition check for the community's kind: a workshop's R3-W02 … R3-W07; a 名师网络工作室's 1 + 10 + 50~100
 * (R-004-33); a 培训专家工作室's 1 + 10 (R-004-62); a county's 三名 studio 1 + 10 (R-004-50). Other studios (a
 * 乡村首席教师工作室, a 三名 studio above the county) have no shape in the seeds.
 */
export function compositionOf(
  community: Community,
  members: readonly CommunityMember[],
  schools: readonly SchoolRef[],
  rules: CommunityRules,
): CommunityFinding[] {
  switch (community.kind) {
    case 'workshop':
      return checkComposition(community, members, schools, rules);
    case 'master_online_studio':
      return checkNetworkStudio(members, rules);
    case 'training_expert_studio':
      return checkTrainingExpertStudio(members, rules);
    default:
      return community.level === 'county' && COUNTY_STUDIOS.includes(community.kind)
        ? checkCountyStudio(members, rules)
        : [];
  }
}

export const findingBody = (f: CommunityFinding): CommunityFindingBody => ({
  ...(f.code === undefined ? {} : { code: f.code }),
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  values: f.values,
});

export interface Roster {
  members: MemberBody[];
  history: MemberBody[];
  findings: CommunityFindingBody[];
  /** the current members as core's checks see them (their schools today) */
  current: CommunityMember[];
  places: Map<string, TeacherPlace>;
}

/**
 * Schools as core's composition checks read them: a primary under a 中心校 counts as the 中心校's area (R3-W04,
 * R3-W07; Y-COMM-CENTRAL-AREA), through the org port.
 */
export async function schoolRefsOf(
  ctx: CommunitiesContext,
  orgs: readonly CommunityOrg[],
): Promise<SchoolRef[]> {
  const central = await ctx.orgs.centralSchoolsOf(orgs.map((o) => o.id));
  return orgs.map((o) => ({ id: o.id, name: o.name, centralSchoolId: central.get(o.id) ?? null }));
}

/**
 * The roster of a community from its membership rows: names and current schools through the people port, school
 * names and areas through the org port (`schoolRefsOf`), the composition findings
 * on the members' schools today and, for each member whose school changed since joining, what that move breaks.
 */
export async function rosterOf(
  ctx: CommunitiesContext,
  c: CommunityRow,
  rows: MemberRow[],
  rules: CommunityRules,
): Promise<Roster> {
  const places = new Map(
    (await ctx.people.placesOf([...new Set(rows.map((r) => r.teacher_id))])).map((p) => [p.id, p]),
  );
  const schoolIds = new Set<string>([c.host_org_id]);
  for (const r of rows) schoolIds.add(r.school_id);
  for (const p of places.values()) schoolIds.add(p.schoolId);
  const orgs = await ctx.orgs.findByIds([...schoolIds]);
  const schools = await schoolRefsOf(ctx, orgs);
  const schoolName = new Map(orgs.map((o) => [o.id, o.name]));
  const active = rows.filter((r) => r.left_on === null);
  const nameOf = (r: MemberRow) => places.get(r.teacher_id)?.name ?? `教师 ${r.teacher_id}`;
  const asJoined: CommunityMember[] = active.map((r) => ({
    id: r.id,
    name: nameOf(r),
    role: r.role as MemberRole,
    schoolId: r.school_id,
  }));
  const current: CommunityMember[] = active.map((r) => ({
    id: r.id,
    name: nameOf(r),
    role: r.role as MemberRole,
    schoolId: places.get(r.teacher_id)?.schoolId ?? r.school_id,
  }));
  const community = asCommunity(c);
  const findings = compositionOf(community, current, schools, rules).map(findingBody);
  const view = (r: MemberRow): MemberBody => {
    const now = places.get(r.teacher_id);
    const moved = r.left_on === null && now !== undefined && now.schoolId !== r.school_id;
    const moveFindings = moved
      ? checkMembershipAfterMove(
          community,
          asJoined,
          schools,
          { memberId: r.id, toSchoolId: now.schoolId },
          rules,
        ).findings
      : [];
    return {
      id: r.id,
      teacherId: r.teacher_id,
      name: nameOf(r),
      role: r.role as MemberRole,
      schoolId: r.school_id,
      schoolName: schoolName.get(r.school_id) ?? '',
      currentSchoolId: now?.schoolId ?? null,
      currentSchoolName: now ? (schoolName.get(now.schoolId) ?? '') : null,
      joinedOn: r.joined_on,
      joinReason: r.join_reason,
      leftOn: r.left_on,
      leaveReason: r.leave_reason,
      moved,
      moveFindings: moveFindings.map(findingBody),
    };
  };
  const ended = rows.filter((r) => r.left_on !== null).reverse();
  return { members: active.map(view), history: ended.map(view), findings, current, places };
}

export const errorsIn = (findings: readonly { severity: string }[]) =>
  findings.filter((f) => f.severity === 'error').length;
