import { BUDGET_CATEGORY_CODES } from '@yanxun/core/programs/funding';
import { PLAN_STAFF_ROLE_CODES, type TrainingPlan } from '@yanxun/core/programs/plan-checks';
import { PLAN_MODE_CODES } from '@yanxun/core/programs/policy-pack';
import { z } from 'zod';
import { NAME_LIMITS, plainTextSchema } from './identifiers';

/**
 * Providers' training plans (培训方案 / 申报书) and programme money. The plan body is core's `TrainingPlan`
 * (packages/core/src/programs/plan-checks.ts; the schema satisfies it); the server runs core's `checkPlan` on it.
 * Money is in fen (integers), 学时 in tenths.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const idString = z.string().regex(/^\d{1,18}$/, '编号应为数字');

/** 首席专家 / 学科班主任 / 生活班主任 (R-004-07); core's plan-checks.ts. */
export { PLAN_STAFF_ROLE_CODES, type PlanStaffRole } from '@yanxun/core/programs/plan-checks';
/** 集中培训 / 网络研修 / 跟岗实践 / 返岗实践 / 工作坊 (R-004-31); core's policy-pack.ts. */
export { PLAN_MODE_CODES, type PlanMode } from '@yanxun/core/programs/policy-pack';

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The three funding standards a budget line or spending entry belongs to (R-004-22 … R-004-24); core's funding.ts. */
export { BUDGET_CATEGORY_CODES, type BudgetCategory } from '@yanxun/core/programs/funding';

export const planModuleSchema = z.object({
  title: plainTextSchema(100, '模块名称', 0),
  mode: z.enum(PLAN_MODE_CODES),
  days: z.number().int().min(0).max(1000).optional(),
  hoursTenths: z.number().int().min(0).max(100_000).optional(),
  practical: z.boolean(),
  asynchronous: z.boolean().optional(),
  compulsoryTopic: plainTextSchema(100, '必修专题', 0).optional(),
});
export type PlanModuleBody = z.infer<typeof planModuleSchema>;

export const planStaffSchema = z.object({
  role: z.enum(PLAN_STAFF_ROLE_CODES),
  name: plainTextSchema(NAME_LIMITS.person, '姓名', 0),
  title: plainTextSchema(50, '职称', 0).optional(),
  organisation: plainTextSchema(NAME_LIMITS.org, '单位名称', 0).optional(),
});
export type PlanStaffBody = z.infer<typeof planStaffSchema>;

/** A draft may be incomplete: completeness is what the checks on submit are for. */
export const trainingPlanSchema = z.object({
  theme: plainTextSchema(NAME_LIMITS.title, '培训主题', 0),
  classCount: z.number().int().min(0).max(100),
  modules: z.array(planModuleSchema).max(200),
  staff: z.array(planStaffSchema).max(100),
}) satisfies z.ZodType<TrainingPlan>;
export type TrainingPlanBody = z.infer<typeof trainingPlanSchema>;

export const planCheckSchema = z.object({
  code: z.string(),
  ruleId: z.string(),
  label: z.string(),
  passed: z.boolean(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  message: z.string(),
});
export type PlanCheckBody = z.infer<typeof planCheckSchema>;

export const planCheckResultSchema = z.object({
  passed: z.boolean(),
  checks: z.array(planCheckSchema),
  totals: z.object({
    centralizedDays: z.number(),
    onlineHoursTenths: z.number(),
    practiceDays: z.number(),
    practicalSharePermille: z.number(),
  }),
});
export type PlanCheckResultBody = z.infer<typeof planCheckResultSchema>;

/** What the pack asks of a plan for this programme, for the editor. */
export const planRequirementsSchema = z.object({
  projectTypeName: z.string(),
  trackName: z.string(),
  deadline: z.string(),
  deadlineRuleId: z.string(),
  topics: z.array(z.string()),
  topicsRuleId: z.string(),
  modes: z.array(
    z.object({
      code: z.enum(PLAN_MODE_CODES),
      name: z.string(),
      unit: z.enum(['days', 'hours']),
      countsAs: z.enum(['centralized', 'online', 'practice']),
      practicalByDefault: z.boolean(),
    }),
  ),
  centralizedDays: z.number(),
  onlineHoursTenths: z.number(),
  totalsAreMinimum: z.boolean(),
  practicalShareMinPct: z.number(),
  practicalRuleId: z.string(),
  chiefExperts: z.number(),
  subjectClassTeachersPerClass: z.number(),
  lifeClassTeachersPerClass: z.number(),
  staffingRuleId: z.string(),
});
export type PlanRequirements = z.infer<typeof planRequirementsSchema>;

export const fileMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FileMeta = z.infer<typeof fileMetaSchema>;

export const planVersionSchema = z.object({
  version: z.number(),
  body: trainingPlanSchema,
  file: fileMetaSchema.nullable(),
  checkResult: planCheckResultSchema.nullable(),
  submittedAt: z.string().nullable(),
  decision: z.enum(['returned', 'approved']).nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string(),
  ownerOrgName: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  status: z.enum(PLAN_STATUSES),
  currentVersion: z.number(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planDetailSchema = planSummarySchema.extend({
  /** Newest first. */
  versions: z.array(planVersionSchema),
  requirements: planRequirementsSchema,
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planListQuerySchema = z.object({
  programmeId: idString.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

export const createPlanRequestSchema = z.object({
  /** The provider org; defaults to the one the user works for. */
  providerOrgId: idString.optional(),
  body: trainingPlanSchema,
});
export type CreatePlanRequest = z.infer<typeof createPlanRequestSchema>;

export const updatePlanRequestSchema = z.object({ body: trainingPlanSchema });
export type UpdatePlanRequest = z.infer<typeof updatePlanRequestSchema>;

export const reviewPlanRequestSchema = z.object({ comment: z.string().max(2000).optional() });
export type ReviewPlanRequest = z.infer<typeof reviewPlanRequestSchema>;

/** A programme a provider may apply to, with its own plan if it has one. */
export const openProgrammeSchema = z.object({
  id: z.string(),
  title: z.string(),
  projectTypeName: z.string(),
  level: z.string(),
  year: z.number(),
  ownerOrgName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  totalSeats: z.number(),
  deadline: z.string(),
  planId: z.string().nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  approvedProviderName: z.string().nullable(),
});
export type OpenProgramme = z.infer<typeof openProgrammeSchema>;

// ---------------------------------------------------------------------------------------------------------
// Money

export const budgetLineSchema = z.object({
  category: z.enum(BUDGET_CATEGORY_CODES),
  ruleId: z.string(),
  label: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitFen: z.number().int(),
  people: z.number().int(),
  amountFen: z.number().int(),
});

export const spendingEntrySchema = z.object({
  id: z.string(),
  category: z.enum(BUDGET_CATEGORY_CODES),
  amountFen: z.number().int(),
  spentOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type SpendingEntryBody = z.infer<typeof spendingEntrySchema>;

export const budgetReportSchema = z.object({
  programmeId: z.string(),
  programmeTitle: z.string(),
  seats: z.number().int(),
  studios: z.number().int(),
  lines: z.array(budgetLineSchema),
  totalFen: z.number().int(),
  comparison: z.object({
    categories: z.array(
      z.object({
        category: z.enum(BUDGET_CATEGORY_CODES),
        ruleIds: z.array(z.string()),
        budgetFen: z.number().int(),
        actualFen: z.number().int(),
        varianceFen: z.number().int(),
        usedBasisPoints: z.number().int().nullable(),
        overBudget: z.boolean(),
      }),
    ),
    budgetFen: z.number().int(),
    actualFen: z.number().int(),
    varianceFen: z.number().int(),
    overBudget: z.boolean(),
    ruleId: z.string(),
  }),
  spending: z.array(spendingEntrySchema),
  canWrite: z.boolean(),
});
export type BudgetReport = z.infer<typeof budgetReportSchema>;

export const createSpendingRequestSchema = z
  .object({
    category: z.enum(BUDGET_CATEGORY_CODES),
    /** Fen; negative reverses an earlier entry and then needs a note. */
    amountFen: z
      .number()
      .int()
      .min(-100_000_000_000)
      .max(100_000_000_000)
      .refine((n) => n !== 0, '金额不能为 0'),
    spentOn: isoDate,
    note: z.string().max(200).optional(),
  })
  .refine((r) => r.amountFen > 0 || (r.note ?? '').trim() !== '', {
    message: '冲减（负数）须写明原因',
    path: ['note'],
  });
export type CreateSpendingRequest = z.infer<typeof createSpendingRequestSchema>;
