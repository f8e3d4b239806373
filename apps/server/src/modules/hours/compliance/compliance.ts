/**
 * 学时 compliance (issue 12 item 6): for a unit in the actor's scope, who is on track for the cycle and on pace for
 * the school year, who is behind and by how much, by category, per child unit; and the teachers behind, a page at
 * a time. Read from hour_totals (kept in the statement of every posting), so never staler than the last posting.
 */
import type {
  ComplianceFilter,
  ComplianceQuery,
  ComplianceRow,
  ComplianceTeacher,
  ComplianceTeachers,
  ComplianceTeachersQuery,
  HoursCompliance,
} from '@yanxun/contracts';
import {
  type ComplianceThresholds,
  categoryCompliance,
  complianceMessage,
  complianceThresholds,
  DEFAULT_HOUR_RULES,
  dayCapsOf,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { type Permission, requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { sameCaps } from '../totals.repository';
import type { StandingRow, UnitCountsRow } from './compliance.repository';
import type { ComplianceContext, ComplianceOrg } from './context';

const collator = new Intl.Collator('zh-CN');

/**
 * Sums the ledger again when the totals were built under other day caps than those in force (or never built).
 * Once per rules change; the server also calls it on start. The day caps are the top region's (the oldest top
 * of the org tree, for an installation with several), the same for every unit (Y-HOURS-PACK-IN-FORCE).
 */
export async function ensureTotals(ctx: ComplianceContext): Promise<boolean> {
  const [top] = await ctx.orgs.topPaths();
  const rules = top ? await ctx.rulesFor(top, dateOf(ctx.now())) : DEFAULT_HOUR_RULES;
  const caps = dayCapsOf(rules);
  const basis = await ctx.totals.basis();
  if (basis.builtAt && sameCaps(basis.dayCaps, caps)) return false;
  return ctx.totals.rebuild(caps, ctx.now());
}

/** The unit asked for (the actor's own when none), if the actor holds `permission` over it; else not found. */
export async function unitOf(
  ctx: ComplianceContext,
  actor: Actor,
  permission: Permission,
  orgId: string | undefined,
): Promise<ComplianceOrg> {
  const scope = requirePermission(actor, permission);
  const org = orgId
    ? await ctx.orgs.findById(orgId)
    : (await ctx.orgs.findByIds(scope.map((p) => p.split('/').filter(Boolean).at(-1) ?? ''))).sort(
        (a, b) => a.path.length - b.path.length,
      )[0];
  if (!org || !scope.some((root) => org.path.startsWith(root))) throw notFound('单位');
  return org;
}

/**
 * The thresholds of today (Asia/Shanghai) under the rules in force for the unit, after making sure the totals are
 * built under the day caps in force.
 */
export async function thresholdsOfToday(
  ctx: ComplianceContext,
  org: ComplianceOrg,
): Promise<ComplianceThresholds> {
  await ensureTotals(ctx);
  const today = dateOf(ctx.now());
  return complianceThresholds(await ctx.rulesFor(org.path, today), today);
}

function toRow(r: UnitCountsRow, org: ComplianceOrg, t: ComplianceThresholds): ComplianceRow {
  return {
    orgId: org.id,
    name: org.name,
    kind: org.kind,
    teachers: r.teachers,
    onTrack: r.on_track,
    behind: r.teachers - r.on_track,
    shortTenths: r.short,
    yearOnPace: r.year_on_pace,
    yearBehind: r.teachers - r.year_on_pace,
    categories: t.categories.map((c, i) => ({ category: c.category, behind: r.cats_behind[i] ?? 0 })),
  };
}

const idOfPath = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

/** The unit's counts and its children's, most behind (by share) first. */
export async function complianceReport(
  ctx: ComplianceContext,
  actor: Actor,
  query: ComplianceQuery,
): Promise<HoursCompliance> {
  const unit = await unitOf(ctx, actor, 'hours.read', query.orgId);
  const t = await thresholdsOfToday(ctx, unit);
  const rows = await ctx.repo.unitCounts(ctx.roster([unit.path]), t, unit.path);
  const children = rows.filter((r) => r.unit !== null);
  const orgs = new Map(
    (await ctx.orgs.findByIds(children.map((r) => idOfPath(r.unit ?? '')))).map((o) => [o.path, o]),
  );
  const empty: UnitCountsRow = {
    unit: null,
    teachers: 0,
    on_track: 0,
    short: 0,
    year_on_pace: 0,
    cats_behind: [],
  };
  const total = rows.find((r) => r.unit === null) ?? empty;
  const share = (r: ComplianceRow) => (r.teachers === 0 ? 0 : r.behind / r.teachers);
  const units = children
    .map((r) =>
      toRow(r, orgs.get(r.unit ?? '') ?? { ...unit, id: idOfPath(r.unit ?? ''), path: r.unit ?? '' }, t),
    )
    .sort((a, b) => share(b) - share(a) || collator.compare(a.name, b.name));
  return {
    asOf: t.asOf,
    schoolYear: t.schoolYear,
    inCycle: t.inCycle,
    cycleSchoolYears: t.cycleSchoolYears,
    elapsedYears: t.elapsedYears,
    groups: t.groups,
    categories: t.categories,
    onTrackRuleId: t.onTrackRuleId,
    paceRuleId: t.paceRuleId,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    total: toRow(total, unit, t),
    units,
  };
}

/** A row of the query as the contract's teacher, with the plain-Chinese message. */
export function toTeacher(r: StandingRow, t: ComplianceThresholds, schoolName: string): ComplianceTeacher {
  const g = t.groups.find((x) => x.group === r.grp);
  const categories = t.categories.map((c, i) => categoryCompliance(c, r.cats[i] ?? 0));
  const standing = {
    group: r.grp,
    cycleCountedTenths: r.cycle_counted,
    expectedTenths: r.expected,
    targetTenths: r.target,
    onTrack: r.on_track,
    shortOfExpectedTenths: r.short,
    cycleLeftTenths: Math.max(0, r.target - r.cycle_counted),
    yearCountedTenths: r.year_counted,
    yearMinTenths: g?.yearMinTenths ?? null,
    yearPaceTenths: r.year_pace,
    yearOnPace: r.year_on_pace,
    categories,
  };
  return {
    teacherId: r.id,
    name: r.name,
    schoolId: r.school_id,
    schoolName,
    groupName: g?.name ?? '',
    cycleCountedTenths: r.cycle_counted,
    expectedTenths: r.expected,
    shortOfExpectedTenths: r.short,
    targetTenths: r.target,
    onTrack: r.on_track,
    yearCountedTenths: r.year_counted,
    yearPaceTenths: r.year_pace,
    yearOnPace: r.year_on_pace,
    categories: categories.map((c) => ({
      category: c.category,
      countedTenths: c.countedTenths,
      paceTenths: c.paceTenths,
    })),
    schoolYear: t.schoolYear,
    message: complianceMessage(standing, t.schoolYear),
  };
}

/** Schools' names of these rows. */
export async function schoolNames(ctx: ComplianceContext, rows: StandingRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.school_id))];
  return new Map((await ctx.orgs.findByIds(ids)).map((o) => [o.id, o.name]));
}

/** The teachers of the unit that `behind` keeps, most behind first, a page at a time. */
export async function complianceTeachers(
  ctx: ComplianceContext,
  actor: Actor,
  query: ComplianceTeachersQuery,
): Promise<ComplianceTeachers> {
  const unit = await unitOf(ctx, actor, 'hours.read', query.orgId);
  const t = await thresholdsOfToday(ctx, unit);
  const { total, rows } = await ctx.repo.teachers(ctx.roster([unit.path]), t, {
    behind: query.behind as ComplianceFilter,
    category: query.category,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const names = await schoolNames(ctx, rows);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => toTeacher(r, t, names.get(r.school_id) ?? '')),
  };
}
