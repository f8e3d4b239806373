import { RATE_GAPS } from '@yanxun/core/programs/kpi';
import { z } from 'zod';

/**
 * KPIs and reports (R-004-27, R3-B02, R3-B03): per programme and per city, county or
 * school in the caller's scope. Definitions: docs/POLICIES.md § "KPIs (reports)".
 */

const idString = z.string().regex(/^\d{1,18}$/, '编号应为数字');

export const KPI_LEVELS = ['city', 'county', 'school'] as const;
export type KpiLevel = (typeof KPI_LEVELS)[number];

export const kpiQuerySchema = z.object({
  level: z.enum(KPI_LEVELS).default('county'),
  /** Drill-down: only units under this org (a city when listing counties, a county when listing schools). */
  parentOrgId: idString.optional(),
});
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

export const KPI_CODES = ['registrationRate', 'arrivalRate', 'attendanceRate', 'completionRate'] as const;
export type KpiCode = (typeof KPI_CODES)[number];

/**
 * why a rate is "—": nothing to divide by, no completion (结业) run has judged anyone yet, or the
 * count is not in this report (core's kpi.ts).
 */
export { RATE_GAPS, type RateGap } from '@yanxun/core/programs/kpi';

/** A rate with what it is made of; `rate` is null when the denominator is 0 or the count is not known yet. */
export const kpiRateSchema = z.object({
  numerator: z.number().int().nullable(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
  /** why `rate` is null (shown as "—" with a tooltip); null when there is a rate. */
  reason: z.enum(RATE_GAPS).nullable(),
});
export type KpiRate = z.infer<typeof kpiRateSchema>;

export const kpiRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  /** Whether the unit has units of the next level below it (city → county → school). */
  drillable: z.boolean(),
  seats: z.number().int().nullable(),
  nominations: z.number().int(),
  selected: z.number().int(),
  enrolled: z.number().int(),
  registered: z.number().int(),
  arrived: z.number().int(),
  sessionsExpected: z.number().int(),
  sessionsAttended: z.number().int(),
  /** Completions (结业); null until the completion module reports them. */
  completed: z.number().int().nullable(),
  /** trainees a completion run has judged (completed or not); null when not reported. 结业率 = completed ÷ assessed. */
  assessed: z.number().int().nullable(),
  registrationRate: kpiRateSchema,
  arrivalRate: kpiRateSchema,
  attendanceRate: kpiRateSchema,
  completionRate: kpiRateSchema,
  /** Selection quality: nomination attempts refused as ineligible, selected by a recorded override. */
  refusedAttempts: z.number().int(),
  overridden: z.number().int(),
  noShows: z.number().int(),
  notCompleted: z.number().int(),
  /** R3-B03 project-county deduction, for county rows. */
  deductionPoints: z.number().nullable(),
  deductionScore: z.number().nullable(),
});
export type KpiRow = z.infer<typeof kpiRowSchema>;

export const kpiTargetSchema = z.object({
  kpi: z.enum(KPI_CODES),
  /** 0…1 */
  value: z.number(),
  ruleId: z.string(),
  note: z.string(),
});
export type KpiTarget = z.infer<typeof kpiTargetSchema>;

export const kpiReportSchema = z.object({
  programmeId: z.string(),
  programmeTitle: z.string(),
  level: z.enum(KPI_LEVELS),
  parent: z.object({ orgId: z.string(), orgName: z.string(), orgKind: z.string() }).nullable(),
  /** Sessions on or before this day (Asia/Shanghai) count as held. */
  asOf: z.string(),
  /** Whether completions are reported yet (the 结业 count is "—" until then). */
  completionAvailable: z.boolean(),
  deductionRuleId: z.string(),
  targets: z.array(kpiTargetSchema),
  rows: z.array(kpiRowSchema),
  /** The same numbers over all rows. */
  total: kpiRowSchema,
});
export type KpiReport = z.infer<typeof kpiReportSchema>;

// ---- 培训总览, the cross-programme overview of a programme year in the officer's scope ----

export const PROGRAMME_LEVELS = ['national', 'provincial', 'city', 'county', 'school', 'studio'] as const;

export const overviewQuerySchema = z.object({
  /** The programme year; defaults to the latest year with a programme in scope. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

/** Figures of programmes (one programme or a level's sum), limited to the officer's org subtree. */
const overviewFiguresSchema = z.object({
  /** Seats held in the officer's scope (the topmost quota nodes inside it; the programme's total for its owner). */
  seats: z.number().int(),
  /** Seats taken by selected nominations in the scope. */
  seatsUsed: z.number().int(),
  enrolled: z.number().int(),
  arrived: z.number().int(),
  assessed: z.number().int(),
  completed: z.number().int(),
  arrivalRate: kpiRateSchema,
  completionRate: kpiRateSchema,
  /** 学时 posted to teachers in the scope (not reversed), in tenths. */
  hoursTenths: z.number().int(),
  /** Budget from the pack's standards (R-004-22…24), fen; null when the officer may not read the budget. */
  budgetFen: z.number().int().nullable(),
  /** Spending recorded, fen; null as the budget. */
  spentFen: z.number().int().nullable(),
  /** Classes and overdue deadline items (R-004-09…15); null for programmes owned above the officer. */
  classes: z.number().int().nullable(),
  overdueDeadlines: z.number().int().nullable(),
});

export const overviewProgrammeSchema = overviewFiguresSchema.extend({
  id: z.string(),
  title: z.string(),
  level: z.enum(PROGRAMME_LEVELS),
  ownerOrgName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** Owned inside the officer's scope (programme-wide figures) or above it (only the scope's share). */
  ownedInScope: z.boolean(),
  overdueRules: z.array(z.string()),
});
export type OverviewProgramme = z.infer<typeof overviewProgrammeSchema>;

export const overviewLevelSchema = overviewFiguresSchema.extend({
  level: z.enum(PROGRAMME_LEVELS),
  programmes: z.number().int(),
});
export type OverviewLevel = z.infer<typeof overviewLevelSchema>;

export const trainingOverviewSchema = z.object({
  year: z.number().int().nullable(),
  /** Years with a programme in scope, newest first. */
  years: z.array(z.number().int()),
  asOf: z.string(),
  /** The officer's scope roots (org names), for the heading. */
  scope: z.array(z.string()),
  levels: z.array(overviewLevelSchema),
  programmes: z.array(overviewProgrammeSchema),
  total: overviewLevelSchema.omit({ level: true }),
});
export type TrainingOverview = z.infer<typeof trainingOverviewSchema>;
