/**
 * Loading a school or county and checking the actor's scope, shared by the use cases: what the actor's roles
 * cannot do anywhere is 403 first; a node out of scope reads exactly like an unknown id (404); and only then a
 * node the actor reads but may not act on is 403 (shared/visibility.ts).
 */
import { type CommunityRules, checkSchoolPlan, schoolPlanDue, schoolYearOf } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { can, type Permission, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { SchoolResearchContext } from './context';
import type { OrgNode } from './ports';

export interface SchoolNode extends OrgNode {
  countyId: string;
}

/**
 * A school the actor may read (school_research.read in its subtree), else 404; then, when `act` is given, 403
 * unless the actor holds that permission there too.
 */
export async function loadSchool(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  act?: Permission,
): Promise<SchoolNode> {
  requirePermission(actor, act ?? 'school_research.read');
  const org = /^\d{1,19}$/.test(schoolId) ? await ctx.orgs.findById(schoolId) : undefined;
  const school = visibleOr404(
    org,
    (o) => o.kind === 'school' && o.county_id !== null && can(actor, 'school_research.read', o.path),
    '学校',
  );
  if (act) requirePermission(actor, act, school.path);
  return { ...school, countyId: school.county_id ?? school.id };
}

/** A county the actor may act on with `act` (the 进修学校 sits on its county; a bureau above it), else 404 / 403. */
export async function loadCounty(
  ctx: SchoolResearchContext,
  actor: Actor,
  countyId: string,
  act: Permission,
): Promise<OrgNode> {
  requirePermission(actor, act);
  const org = /^\d{1,19}$/.test(countyId) ? await ctx.orgs.findById(countyId) : undefined;
  const county = visibleOr404(
    org,
    (o) => o.kind === 'county' && can(actor, 'school_research.read', o.path),
    '区县',
  );
  requirePermission(actor, act, county.path);
  return county;
}

export interface YearRules {
  schoolYear: string;
  firstSchoolDay: string;
  yearMinTenths: number;
  community: CommunityRules;
}

/** The rules in force for a school and the school year (today's when none is given). */
export async function yearRules(
  ctx: SchoolResearchContext,
  orgPath: string,
  schoolYear: string | undefined,
): Promise<YearRules> {
  const today = dateOf(ctx.now());
  const r = await ctx.rules.rulesIn(orgPath, today);
  const year = schoolYear ?? schoolYearOf(today, r.schoolYearStart);
  return {
    schoolYear: year,
    // the school year opens on its start day (开学, e.g. 09-01): the reading of R3-S03's "开学"
    firstSchoolDay: `${year.slice(0, 4)}-${r.schoolYearStart}`,
    yearMinTenths: r.yearMinTenths,
    community: r.community,
  };
}

/** R3-S03: the due date, and the finding of a plan first submitted on `firstSubmittedOn` (or not yet). */
export function planStanding(r: YearRules, firstSubmittedOn: string | null, today: string) {
  const due = schoolPlanDue(r.firstSchoolDay, r.community);
  const [f] = checkSchoolPlan(firstSubmittedOn, r.firstSchoolDay, today, r.community);
  return {
    due: {
      firstSchoolDay: r.firstSchoolDay,
      lastDay: due.lastDay,
      beforeWeek: r.community.schoolBased.planDueBeforeWeek.value,
      rule: due.rule,
    },
    finding: f
      ? {
          ...(f.code === undefined ? {} : { code: f.code }),
          rule: f.rule,
          message: f.message,
          values: f.values,
        }
      : null,
  };
}
