/**
 * A community's school-year plan: its concentrated sessions, checked by core's `checkWorkshopPlan` (R3-W06 rotation
 * over the core members' schools, R3-W08 a session each teaching month and ≥ 7, R3-W09 live lessons and 议课/讲座,
 * R3-W10 a reading forum). A plan with findings is saved (it is a plan); the findings come back with it.
 */
import type { PlanInput, PlanView } from '@yanxun/contracts';
import { checkWorkshopPlan, schoolYearStartYear } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import type { CommunityRow } from './communities.repository';
import { findingBody, loadCommunity, loadForRecord, rosterOf, rulesFor, todayOf } from './community-access';
import type { CommunitiesContext } from './context';

function requireSchoolYear(schoolYear: string): void {
  const first = schoolYearStartYear(schoolYear);
  if (first === undefined || first < 2000 || first > 2100)
    throw new AppError('VALIDATION_FAILED', '学年格式应为 2026-2027', { field: 'schoolYear' });
}

/** The schools of the current host and core members (today's schools): activities rotate among them (R3-W06). */
export async function coreSchoolsOf(ctx: CommunitiesContext, c: CommunityRow): Promise<string[]> {
  const rows = await ctx.repo.membersOf(c.county_id, [c.id]);
  const roster = await rosterOf(ctx, c, rows, await rulesFor(ctx, c));
  const coreRoles = c.kind === 'workshop' ? ['host', 'core'] : ['host', 'core', 'formal'];
  return [...new Set(roster.current.filter((m) => coreRoles.includes(m.role)).map((m) => m.schoolId))];
}

async function planView(ctx: CommunitiesContext, c: CommunityRow, schoolYear: string): Promise<PlanView> {
  const rows = await ctx.repo.planOf(c.county_id, c.id, schoolYear);
  const names = new Map(
    (await ctx.orgs.findByIds([...new Set(rows.map((r) => r.host_school_id))])).map((o) => [o.id, o.name]),
  );
  const sessions = rows.map((r) => ({
    id: r.id,
    date: r.planned_on,
    kind: r.kind as 'session' | 'reading_forum',
    liveLessons: r.live_lessons,
    discussions: r.discussions,
    hostSchoolId: r.host_school_id,
    hostSchoolName: names.get(r.host_school_id) ?? '',
  }));
  const findings =
    c.kind === 'workshop'
      ? checkWorkshopPlan(
          { schoolYear, sessions, coreSchoolIds: await coreSchoolsOf(ctx, c) },
          await rulesFor(ctx, c),
          await ctx.rules.schoolYearStart(c.org_path, todayOf(ctx)),
        ).map(findingBody)
      : [];
  return { schoolYear, sessions, findings };
}

export async function getPlan(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  schoolYear: string,
): Promise<PlanView> {
  requireSchoolYear(schoolYear);
  return planView(ctx, await loadCommunity(ctx, actor, id), schoolYear);
}

/** Save the school year's plan whole (its managers or its host); audited. */
export async function savePlan(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  schoolYear: string,
  req: PlanInput,
): Promise<PlanView> {
  requireSchoolYear(schoolYear);
  const c = await loadForRecord(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockCommunity(c.county_id, c.id, trx);
    await ctx.repo.replacePlan(
      c.county_id,
      c.id,
      schoolYear,
      req.sessions.map((s) => ({
        planned_on: s.date,
        kind: s.kind,
        live_lessons: s.liveLessons,
        discussions: s.discussions,
        host_school_id: s.hostSchoolId,
      })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.plan',
        entity: 'community',
        entityId: c.id,
        orgId: c.host_org_id,
        details: { schoolYear, sessions: req.sessions.length },
      },
      trx,
    );
  });
  return planView(ctx, c, schoolYear);
}
