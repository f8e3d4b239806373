import { z } from 'zod';

/**
 * KPIs and reports (issue 3 item 10; R-004-27, R3-B02, R3-B03): per programme and per city, county or
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

/** A rate with what it is made of; `rate` is null when the denominator is 0 or the count is not known yet. */
export const kpiRateSchema = z.object({
  numerator: z.number().int().nullable(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
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
