import { HOUR_CATEGORIES, HOUR_SOURCES } from '@yanxun/core/hours/types';
import { z } from 'zod';

/** How a school year is written for people ('2026-2027' → '2026—2027 学年'): core's, so the web and server agree. */
export {
  type SchoolYearLang,
  schoolYearLabel,
  schoolYearListLabel,
  schoolYearSpanLabel,
} from '@yanxun/core/hours/types';

/** What a 学时 credit is for (集中培训, 网络研修, 跟岗/返岗实践, 校本研修, 工作坊, 工作室, 教研, 自主研修, 其他): core's list. */
export const hourCategorySchema = z.enum(HOUR_CATEGORIES);
export type HourCategoryCode = z.infer<typeof hourCategorySchema>;

/** Where a credit comes from: a completion, an approved claim, another platform, xAPI, an activity, an adjustment. */
export const hourSourceSchema = z.enum(HOUR_SOURCES);
export type HourSourceCode = z.infer<typeof hourSourceSchema>;

/**
 * A posting of the 学时 ledger as people read it: the credit, and whether a reversal entry has cancelled it (the
 * ledger itself is append-only: the reversal is an entry of its own, shown here with the posting it cancels).
 */
export const hoursEntrySchema = z.object({
  id: z.string(),
  programmeId: z.string().nullable(),
  programmeTitle: z.string().nullable(),
  classId: z.string().nullable(),
  hoursTenths: z.number().int(),
  category: hourCategorySchema,
  schoolYear: z.string(),
  occurredOn: z.string(),
  source: hourSourceSchema,
  ruleId: z.string(),
  postedAt: z.string(),
  reversedAt: z.string().nullable(),
  reverseReason: z.string().nullable(),
  /** What of it counts under the rules (caps per day and school year); 0 once reversed. */
  countedTenths: z.number().int(),
  /** The part over a cap: how much, why in words, and the rule (for officers). */
  notCounted: z
    .object({
      tenths: z.number().int(),
      message: z.string(),
      ruleId: z.string(),
      values: z.record(z.string(), z.union([z.number(), z.string()])),
      /** Every reason (core's LedgerReasonCode: DAY_CAP, YEAR_CAP …) with its values, for the web to word. */
      reasons: z
        .array(
          z.object({
            code: z.string(),
            ruleId: z.string(),
            values: z.record(z.string(), z.union([z.number(), z.string()])),
          }),
        )
        .optional(),
    })
    .nullable(),
});
export type HoursEntry = z.infer<typeof hoursEntrySchema>;

/** A requirement of the rules and where the teacher stands (a school year's minimum, the cycle's total). */
export const hoursRequirementSchema = z.object({
  code: z.enum(['CATEGORY_YEAR_MIN', 'YEAR_MIN', 'CYCLE_TOTAL']),
  ruleId: z.string(),
  schoolYear: z.string().nullable(),
  category: hourCategorySchema.nullable(),
  requiredTenths: z.number().int(),
  countedTenths: z.number().int(),
  met: z.boolean(),
  status: z.enum(['met', 'not_met', 'in_progress']),
  behindTenths: z.number().int(),
  /** YEAR_MIN of a group with its own minimum (教研员): the group's name. */
  groupName: z.string().optional(),
  message: z.string(),
});
export type HoursRequirement = z.infer<typeof hoursRequirementSchema>;

/** The balance explained: the continuing-education cycle, each requirement, and the totals by school year. */
export const hoursStandingSchema = z.object({
  asOf: z.string(),
  cycle: z.object({
    schoolYears: z.array(z.string()),
    firstDay: z.string(),
    lastDay: z.string(),
    targetTenths: z.number().int(),
    targetRuleId: z.string(),
    countedTenths: z.number().int(),
    behindTenths: z.number().int(),
    expectedTenths: z.number().int(),
    onTrack: z.boolean(),
    onTrackRuleId: z.string(),
    shortOfExpectedTenths: z.number().int(),
    /** School years of the cycle already over: the sentence's "已过 N 个学年". */
    elapsedYears: z.number().int().optional(),
    message: z.string(),
  }),
  requirements: z.array(hoursRequirementSchema),
  years: z.array(
    z.object({
      schoolYear: z.string(),
      countedTenths: z.number().int(),
      notCountedTenths: z.number().int(),
      categories: z.array(
        z.object({
          category: hourCategorySchema,
          countedTenths: z.number().int(),
          notCountedTenths: z.number().int(),
        }),
      ),
    }),
  ),
});
export type HoursStanding = z.infer<typeof hoursStandingSchema>;

export const teacherHoursSchema = z.object({
  teacherId: z.string(),
  /** The ledger's balance: what counts of the postings not reversed, under the rules. */
  totalTenths: z.number().int(),
  entries: z.array(hoursEntrySchema),
  standing: hoursStandingSchema,
  canReverse: z.boolean(),
});
export type TeacherHours = z.infer<typeof teacherHoursSchema>;

export const reverseHoursSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type ReverseHoursRequest = z.infer<typeof reverseHoursSchema>;
