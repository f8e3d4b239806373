/**
 * On every read of a community: its titles by year (a workshop's 优秀工作坊, a studio's 优秀工作室) and, for a
 * workshop only, the members offered for backbone recommendation (R3-W15), by core's `backboneCandidates` (the
 * members who completed a registration cycle, R3-W14's two school years, of a workshop titled in a year of that
 * cycle). A studio's title offers nobody.
 */
import type { BackboneCandidate, CommunityTitle } from '@yanxun/contracts';
import { backboneCandidates, type CommunityKind, type MemberRole } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { can } from '../../shared/permissions';
import type { CommunityRow, MemberRow } from './communities.repository';
import { todayOf } from './community-access';
import type { CommunitiesContext } from './context';
import { titleOfKind } from './title-kinds';

export interface TitleView {
  titles: CommunityTitle[];
  backbone: BackboneCandidate[];
  canTitle: boolean;
}

/** The titles of a community and a workshop's backbone candidates (R3-W15) as of today; names from the roster. */
export async function titlesAndBackbone(
  ctx: CommunitiesContext,
  actor: Actor | null,
  c: CommunityRow,
  rows: MemberRow[],
  nameOf: (teacherId: string) => string,
): Promise<TitleView> {
  const canTitle = actor !== null && can(actor, 'community.title', c.org_path);
  const titles = await ctx.repo.titlesOf(c.county_id, c.id, titleOfKind(c.kind).title);
  const titled = titles.map((t) => ({ year: t.year, source: t.source as CommunityTitle['source'] }));
  if (c.kind !== 'workshop') return { titles: titled, backbone: [], canTitle };
  const today = todayOf(ctx);
  const [registrations, rules, start] = await Promise.all([
    ctx.repo.registrationsOf(c.county_id, c.id),
    ctx.rules.communityRules(c.org_path, today),
    ctx.rules.schoolYearStart(c.org_path, today),
  ]);
  const backbone = backboneCandidates({
    kind: c.kind as CommunityKind,
    registrations: registrations.map((r) => ({
      firstSchoolYear: r.first_school_year,
      registeredOn: r.registered_on,
    })),
    members: rows.map((m) => ({
      memberId: m.id,
      teacherId: m.teacher_id,
      name: nameOf(m.teacher_id),
      role: m.role as MemberRole,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
    titleYears: titles.map((t) => t.year),
    asOf: today,
    rules,
    schoolYearStart: start,
  });
  return { titles: titled, backbone, canTitle };
}
