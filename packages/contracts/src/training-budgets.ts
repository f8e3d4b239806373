/**
 * 学校教师培训经费 (R3-B09, S003 附件 5 标准 12): a school's annual record of its public-funds budget, its teachers'
 * training budget and what was used on the teachers' training, in integer fen, per budget (calendar) year. The
 * checks (5 %, 90 %) are core's `checkTrainingBudget`: these schemas check shapes and sizes only.
 */
import { z } from 'zod';
import { communityFindingSchema } from './communities';

/** 1 亿元: more than any school's annual public-funds budget; a larger number is a typing error. */
export const TRAINING_BUDGET_MAX_FEN = 10_000_000_000;

const fen = (min: number) =>
  z
    .number({ message: '金额应为数字（分）' })
    .int('金额应为整数（分）')
    .min(min, min > 0 ? '金额应大于 0' : '金额不能为负数')
    .max(TRAINING_BUDGET_MAX_FEN, '金额超过 1 亿元，请核对');

export const trainingBudgetYearSchema = z.coerce
  .number()
  .int('年度应为整数')
  .min(2000, '年度应在 2000～2100 之间')
  .max(2100, '年度应在 2000～2100 之间');

/** What the school enters (and the county corrects) for one budget year. */
export const trainingBudgetInputSchema = z
  .object({
    /** 年度公用经费预算总额 */
    publicFundsFen: fen(1),
    /** 教师培训经费预算 */
    budgetFen: fen(0),
    /** 已使用: spent on the teachers' training; above the budget when topped up during the year */
    usedFen: fen(0),
    note: z.string().trim().max(500, '备注不超过 500 字').nullish(),
  })
  .refine((r) => r.budgetFen <= r.publicFundsFen, {
    message: '教师培训经费不能超过公用经费预算总额',
    path: ['budgetFen'],
  });
export type TrainingBudgetInput = z.infer<typeof trainingBudgetInputSchema>;

export const trainingBudgetSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  year: z.number().int(),
  publicFundsFen: z.number().int(),
  budgetFen: z.number().int(),
  usedFen: z.number().int(),
  note: z.string().nullable(),
  /** budget ÷ public funds, used ÷ budget (null when nothing was budgeted) */
  budgetShare: z.number(),
  useShare: z.number().nullable(),
  budgetMet: z.boolean(),
  useMet: z.boolean(),
  /** the pack's values in force (0.05, 0.9) and their rule */
  shareMin: z.number(),
  useMin: z.number(),
  rule: z.string(),
  findings: z.array(communityFindingSchema),
  updatedAt: z.string(),
});
export type TrainingBudget = z.infer<typeof trainingBudgetSchema>;

/** A school's year: its record (or none yet) and whether the reader may enter or correct it. */
export const schoolTrainingBudgetSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  year: z.number().int(),
  record: trainingBudgetSchema.nullable(),
  canEdit: z.boolean(),
  shareMin: z.number(),
  useMin: z.number(),
});
export type SchoolTrainingBudget = z.infer<typeof schoolTrainingBudgetSchema>;

export const trainingBudgetListSchema = z.object({
  year: z.number().int(),
  items: z.array(trainingBudgetSchema),
  /** records meeting both conditions */
  metBoth: z.number().int(),
});
export type TrainingBudgetList = z.infer<typeof trainingBudgetListSchema>;
