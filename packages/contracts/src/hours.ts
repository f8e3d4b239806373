import { HOUR_CATEGORIES, HOUR_SOURCES } from '@yanxun/core/hours/types';
import { z } from 'zod';

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
});
export type HoursEntry = z.infer<typeof hoursEntrySchema>;

export const teacherHoursSchema = z.object({
  teacherId: z.string(),
  /** The postings not reversed, summed (the ledger's balance). */
  totalTenths: z.number().int(),
  entries: z.array(hoursEntrySchema),
  canReverse: z.boolean(),
});
export type TeacherHours = z.infer<typeof teacherHoursSchema>;

export const reverseHoursSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type ReverseHoursRequest = z.infer<typeof reverseHoursSchema>;
