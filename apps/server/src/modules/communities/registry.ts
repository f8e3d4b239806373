/**
 * The registry of studios and workshops: create (a draft with its host), list in scope with finding counts, read
 * one with its roster and findings, change the roster (an adjustment once registered, R3-W14), register (refused
 * while the composition has errors; warnings pass).
 */
import type {
  CommunityDetail,
  CommunityListQuery,
  CommunityStatus,
  CommunitySummary,
  CreateCommunity,
  RegisterCommunity,
  RegistrationView,
} from '@yanxun/contracts';
import {
  type CommunityKind,
  type CommunityLevel,
  type CommunityMember,
  type CommunityRules,
  checkRegistration,
  type MemberRole,
  schoolYearOf,
  type WorkshopClass,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import { regionKeyOf } from '../org';
import { titlesAndBackbone } from './backbone';
import type { CommunityRow, RegistrationRow } from './communities.repository';
import {
  asCommunity,
  canManage,
  compositionOf,
  errorsIn,
  findingBody,
  isHost,
  loadCommunity,
  loadForManage,
  rosterOf,
  rulesFor,
  schoolRefsOf,
  todayOf,
} from './community-access';
import type { CommunitiesContext } from './context';

async function registrationOf(
  ctx: CommunitiesContext,
  c: CommunityRow,
  reg: RegistrationRow | undefined,
  rules: CommunityRules,
): Promise<RegistrationView | null> {
  if (!reg) return null;
  const adjustments = await ctx.repo.adjustmentsOf(c.county_id, reg.id);
  const start = await ctx.rules.schoolYearStart(c.org_path, todayOf(ctx));
  const s = checkRegistration(
    {
      registeredOn: reg.registered_on,
      firstSchoolYear: reg.first_school_year,
      adjustments: adjustments.map((a) => ({ id: a.id, on: a.adjusted_on })),
    },
    todayOf(ctx),
    rules,
    start,
  );
  return {
    registeredOn: reg.registered_on,
    firstSchoolYear: reg.first_school_year,
    schoolYears: s.schoolYears,
    validUntil: s.validUntil,
    valid: s.valid,
    adjustments: adjustments.map((a) => ({ on: a.adjusted_on, reason: a.reason })),
    findings: s.findings.map(findingBody),
  };
}

const statusOf = (reg: RegistrationView | null): CommunityStatus =>
  reg === null ? 'draft' : reg.valid ? 'registered' : 'expired';

/** One community as every read and write returns it: roster, history, registration, findings, what the actor may do. */
export async function detailOf(
  ctx: CommunitiesContext,
  actor: Actor,
  c: CommunityRow,
): Promise<CommunityDetail> {
  const rules = await rulesFor(ctx, c);
  const rows = await ctx.repo.membersOf(c.county_id, [c.id]);
  const roster = await rosterOf(ctx, c, rows, rules);
  const registration = await registrationOf(
    ctx,
    c,
    await ctx.repo.latestRegistration(c.county_id, c.id),
    rules,
  );
  const [host] = await ctx.orgs.findByIds([c.host_org_id]);
  const findings = [...roster.findings, ...(registration?.findings ?? [])];
  const honours = await titlesAndBackbone(
    ctx,
    actor,
    c,
    rows,
    (id) => roster.places.get(id)?.name ?? `教师 ${id}`,
  );
  return {
    id: c.id,
    name: c.name,
    kind: c.kind as CommunityKind,
    workshopClass: (c.workshop_class as WorkshopClass | null) ?? null,
    level: c.level as CommunityLevel,
    stage: c.stage,
    hostOrgId: c.host_org_id,
    hostOrgName: host?.name ?? '',
    hostTeacherId: c.host_teacher_id,
    hostTeacherName: roster.places.get(c.host_teacher_id)?.name ?? '',
    status: statusOf(registration),
    memberCount: roster.members.length,
    errorCount: errorsIn(findings),
    warningCount: findings.length - errorsIn(findings),
    members: roster.members,
    history: roster.history,
    registration,
    findings,
    canManage: canManage(actor, c),
    canRecord: canManage(actor, c) || isHost(actor, c),
    ...honours,
  };
}

export async function getCommunity(ctx: CommunitiesContext, actor: Actor, id: string) {
  return detailOf(ctx, actor, await loadCommunity(ctx, actor, id));
}

/** A teacher the actor may put in a community: in the actor's `community.manage` scope, else like unknown. */
async function placeInScope(ctx: CommunitiesContext, actor: Actor, teacherIds: string[]) {
  const places = new Map((await ctx.people.placesOf(teacherIds)).map((p) => [p.id, p]));
  for (const id of teacherIds) {
    const p = places.get(id);
    if (!p || !can(actor, 'community.manage', p.orgPath))
      throw new AppError('NOT_FOUND', '教师不存在或不在您的管辖范围内', { teacherId: id });
  }
  return places;
}

export async function createCommunity(
  ctx: CommunitiesContext,
  actor: Actor,
  req: CreateCommunity,
): Promise<CommunityDetail> {
  requirePermission(actor, 'community.manage');
  if ((req.kind === 'workshop') !== (req.workshopClass !== undefined))
    throw new AppError(
      'VALIDATION_FAILED',
      req.kind === 'workshop' ? '教师工作坊须选择类别（一类、二类或三类）' : '只有教师工作坊有类别',
      { field: 'workshopClass', ruleId: 'R3-W01' },
    );
  const host = (await placeInScope(ctx, actor, [req.hostTeacherId])).get(req.hostTeacherId);
  if (!host) throw notFound('教师');
  const org = orgForAction(
    actor,
    'community.manage',
    await ctx.orgs.findById(req.hostOrgId ?? host.schoolId),
    '主持单位',
  );
  const today = todayOf(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const countyId = regionKeyOf(org);
    const newId = await ctx.repo.insertCommunity(
      {
        county_id: countyId,
        kind: req.kind,
        workshop_class: req.workshopClass ?? null,
        level: req.level,
        name: req.name,
        host_teacher_id: host.id,
        host_org_id: org.id,
        org_path: org.path,
        stage: req.stage ?? null,
        created_by: actor.accountId,
        created_at: ctx.now(),
      },
      trx,
    );
    await ctx.repo.insertMembers(
      [
        {
          county_id: countyId,
          community_id: newId,
          teacher_id: host.id,
          role: 'host',
          school_id: host.schoolId,
          joined_on: today,
          join_reason: '创建时的主持人',
          created_by: actor.accountId,
        },
      ],
      trx,
    );
    await ctx.audit.record(
      actor,
      { action: 'community.create', entity: 'community', entityId: newId, orgId: org.id, details: req },
      trx,
    );
    return newId;
  });
  return getCommunity(ctx, actor, id);
}

/** The communities hosted in the actor's scope (and those the actor hosts), with their findings counted. */
export async function listCommunities(
  ctx: CommunitiesContext,
  actor: Actor,
  query: CommunityListQuery,
): Promise<CommunitySummary[]> {
  const roots = scopeOf(actor, 'community.read');
  if (roots.length === 0 && !actor.teacherId) requirePermission(actor, 'community.read');
  const rows = await ctx.repo.listCommunities({
    roots,
    kind: query.kind,
    level: query.level,
    hostTeacherId: actor.teacherId,
  });
  const ids = rows.map((c) => c.id);
  const members = await ctx.repo.currentMembersOfMany(ids);
  const regs = new Map((await ctx.repo.latestRegistrationsOf(ids)).map((r) => [r.community_id, r]));
  const places = new Map(
    (await ctx.people.placesOf([...new Set(members.map((m) => m.teacher_id))])).map((p) => [p.id, p]),
  );
  const schoolIds = new Set([...rows.map((c) => c.host_org_id), ...members.map((m) => m.school_id)]);
  for (const p of places.values()) schoolIds.add(p.schoolId);
  const orgs = await ctx.orgs.findByIds([...schoolIds]);
  const schools = await schoolRefsOf(ctx, orgs);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const rulesByPath = new Map<string, Promise<CommunityRules>>();
  const start = await ctx.rules.schoolYearStart(rows[0]?.org_path ?? '/', todayOf(ctx));
  const out: CommunitySummary[] = [];
  for (const c of rows) {
    const rulesP = rulesByPath.get(c.org_path) ?? rulesFor(ctx, c);
    rulesByPath.set(c.org_path, rulesP);
    const rules = await rulesP;
    const mine = members.filter((m) => m.community_id === c.id && m.county_id === c.county_id);
    const current: CommunityMember[] = mine.map((m) => ({
      id: m.id,
      name: places.get(m.teacher_id)?.name ?? '',
      role: m.role as MemberRole,
      schoolId: places.get(m.teacher_id)?.schoolId ?? m.school_id,
    }));
    const findings = compositionOf(asCommunity(c), current, schools, rules);
    const reg = regs.get(c.id);
    const status: CommunityStatus = !reg
      ? 'draft'
      : checkRegistration(
            { registeredOn: reg.registered_on, firstSchoolYear: reg.first_school_year, adjustments: [] },
            todayOf(ctx),
            rules,
            start,
          ).valid
        ? 'registered'
        : 'expired';
    if (query.status && query.status !== status) continue;
    out.push({
      id: c.id,
      name: c.name,
      kind: c.kind as CommunityKind,
      workshopClass: (c.workshop_class as WorkshopClass | null) ?? null,
      level: c.level as CommunityLevel,
      stage: c.stage,
      hostOrgId: c.host_org_id,
      hostOrgName: orgName.get(c.host_org_id) ?? '',
      hostTeacherId: c.host_teacher_id,
      hostTeacherName: places.get(c.host_teacher_id)?.name ?? '',
      status,
      memberCount: mine.length,
      errorCount: errorsIn(findings),
      warningCount: findings.length - errorsIn(findings),
    });
  }
  return out;
}

/**
 * A roster change: members added (with their current school) and memberships ended (never deleted), one reason
 * for both. A draft's roster changes freely; a registered community's change is its school year's adjustment
 * (R3-W14: at most one a school year) and must leave the composition without errors.
 */
export async function changeRoster(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  req: { reason: string; add: { teacherId: string; role: MemberRole }[]; end: string[] },
): Promise<CommunityDetail> {
  const c = await loadForManage(ctx, actor, id);
  const today = todayOf(ctx);
  const rules = await rulesFor(ctx, c);
  const places = await placeInScope(ctx, actor, [...new Set(req.add.map((a) => a.teacherId))]);
  if (req.add.some((a) => a.role === 'host'))
    throw new AppError('VALIDATION_FAILED', '主持人在创建时确定，不能再添加', { field: 'add' });
  const start = await ctx.rules.schoolYearStart(c.org_path, today);
  // the schools the check may need, read before the transaction (the ports read outside it)
  const known = await ctx.repo.membersOf(c.county_id, [c.id]);
  const orgs = await ctx.orgs.findByIds([
    ...new Set([
      c.host_org_id,
      ...known.map((m) => m.school_id),
      ...[...places.values()].map((p) => p.schoolId),
    ]),
  ]);
  const schools = await schoolRefsOf(ctx, orgs);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockCommunity(c.county_id, c.id, trx);
    const rows = await ctx.repo.membersOf(c.county_id, [c.id], trx);
    const current = rows.filter((r) => r.left_on === null);
    const ending = new Set(req.end);
    for (const m of req.end) {
      const row = current.find((r) => r.id === m);
      if (!row) throw new AppError('NOT_FOUND', '该成员不在当前名单中', { memberId: m });
      if (row.role === 'host') throw new AppError('VALIDATION_FAILED', '主持人不能移出名单', { memberId: m });
    }
    const stays = current.filter((r) => !ending.has(r.id));
    for (const a of req.add)
      if (stays.some((r) => r.teacher_id === a.teacherId))
        throw new AppError('CONFLICT', `${places.get(a.teacherId)?.name ?? '该教师'}已在名单中`, {
          teacherId: a.teacherId,
        });
    const reg = await ctx.repo.latestRegistration(c.county_id, c.id, trx);
    if (reg) {
      const past = await ctx.repo.adjustmentsOf(c.county_id, reg.id, trx);
      const standing = checkRegistration(
        {
          registeredOn: reg.registered_on,
          firstSchoolYear: reg.first_school_year,
          adjustments: [...past.map((a) => ({ id: a.id, on: a.adjusted_on })), { id: 'new', on: today }],
        },
        today,
        rules,
        start,
      );
      const refusal = standing.findings.find((f) => f.severity === 'error');
      if (refusal)
        throw new AppError('CONFLICT', refusal.message, { ruleId: refusal.rule, ...refusal.values });
      const after: CommunityMember[] = [
        ...stays.map((r) => ({ id: r.id, name: r.id, role: r.role as MemberRole, schoolId: r.school_id })),
        ...req.add.map((a) => ({
          id: `new-${a.teacherId}`,
          name: places.get(a.teacherId)?.name ?? '',
          role: a.role,
          schoolId: places.get(a.teacherId)?.schoolId ?? '',
        })),
      ];
      const errors = compositionOf(asCommunity(c), after, schools, rules).filter(
        (f) => f.severity === 'error',
      );
      if (errors.length > 0)
        throw new AppError(
          'CONFLICT',
          `调整后的名单不符合组成要求：${errors.map((f) => f.message).join('；')}`,
          {
            ruleId: errors[0]?.rule,
            rules: errors.map((f) => f.rule),
          },
        );
      await ctx.repo.insertAdjustment(
        {
          county_id: c.county_id,
          community_id: c.id,
          registration_id: reg.id,
          adjusted_on: today,
          reason: req.reason,
          adjusted_by: actor.accountId,
        },
        trx,
      );
    }
    await ctx.repo.endMembers(c.county_id, c.id, req.end, { on: today, reason: req.reason }, trx);
    await ctx.repo.insertMembers(
      req.add.map((a) => ({
        county_id: c.county_id,
        community_id: c.id,
        teacher_id: a.teacherId,
        role: a.role,
        school_id: places.get(a.teacherId)?.schoolId ?? '',
        joined_on: today,
        join_reason: req.reason,
        created_by: actor.accountId,
      })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: reg ? 'community.adjust' : 'community.roster',
        entity: 'community',
        entityId: c.id,
        orgId: c.host_org_id,
        details: { reason: req.reason, added: req.add, ended: req.end },
      },
      trx,
    );
  });
  return getCommunity(ctx, actor, c.id);
}

/**
 * Register (注册) for a school year (R3-W14: it holds for that year and the next): refused while the roster has
 * error findings, naming them; warnings pass. A registration still valid is not made again.
 */
export async function registerCommunity(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  req: RegisterCommunity,
): Promise<CommunityDetail> {
  const c = await loadForManage(ctx, actor, id);
  const today = todayOf(ctx);
  const start = await ctx.rules.schoolYearStart(c.org_path, today);
  const firstSchoolYear = req.firstSchoolYear ?? schoolYearOf(today, start);
  const current = await detailOf(ctx, actor, c);
  if (current.registration?.valid)
    throw new AppError('CONFLICT', `已注册，有效期至 ${current.registration.validUntil}`, {
      ruleId: 'R3-W14',
      validUntil: current.registration.validUntil,
    });
  const errors = current.findings.filter((f) => f.severity === 'error' && f.rule !== 'R3-W14');
  if (errors.length > 0)
    throw new AppError(
      'CONFLICT',
      `成员组成不符合要求，暂不能注册：${errors.map((f) => f.message).join('；')}`,
      {
        ruleId: errors[0]?.rule,
        rules: errors.map((f) => f.rule),
        findings: errors,
      },
    );
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockCommunity(c.county_id, c.id, trx);
    await ctx.repo.insertRegistration(
      {
        county_id: c.county_id,
        community_id: c.id,
        registered_on: today,
        first_school_year: firstSchoolYear,
        registered_by: actor.accountId,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.register',
        entity: 'community',
        entityId: c.id,
        orgId: c.host_org_id,
        details: { firstSchoolYear },
      },
      trx,
    );
  });
  return detailOf(ctx, actor, c);
}
