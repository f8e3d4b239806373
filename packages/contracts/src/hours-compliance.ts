import { z } from 'zod';
import { hourCategorySchema } from './hours';

/** Which teachers a compliance list shows: behind on the cycle, on the school year, either, one category, or all. */
export const COMPLIANCE_FILTERS = ['any', 'cycle', 'year', 'category', 'all'] as const;
export const complianceFilterSchema = z.enum(COMPLIANCE_FILTERS);
export type ComplianceFilter = z.infer<typeof complianceFilterSchema>;

export const complianceQuerySchema = z.object({
  /** The unit reported on; the actor's own unit when absent. */
  orgId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const complianceTeachersQuerySchema = complianceQuerySchema.extend({
  behind: complianceFilterSchema.default('any'),
  /** With `behind=category`: the category whose yearly minimum the teacher is behind on. */
  category: hourCategorySchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ComplianceTeachersQuery = z.infer<typeof complianceTeachersQuerySchema>;

/** What a teacher group must have by the report's day (the default group has `group` ''). */
export const complianceGroupSchema = z.object({
  group: z.string(),
  name: z.string(),
  targetTenths: z.number().int(),
  targetRuleId: z.string(),
  expectedTenths: z.number().int(),
  yearMinTenths: z.number().int().nullable(),
  yearMinRuleId: z.string().nullable(),
  yearPaceTenths: z.number().int(),
});

export const complianceCategorySchema = z.object({
  category: hourCategorySchema,
  label: z.string(),
  requiredTenths: z.number().int(),
  paceTenths: z.number().int(),
  ruleId: z.string(),
});

/** One unit's counts: teachers, on track for the cycle, behind, the sum of their shortfalls, the year's pace. */
export const complianceRowSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  kind: z.string(),
  teachers: z.number().int(),
  onTrack: z.number().int(),
  behind: z.number().int(),
  /** Σ (expected − counted) over the teachers behind, tenths. */
  shortTenths: z.number().int(),
  yearOnPace: z.number().int(),
  yearBehind: z.number().int(),
  /** Per category with a yearly minimum: teachers behind its pace. */
  categories: z.array(z.object({ category: hourCategorySchema, behind: z.number().int() })),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

export const hoursComplianceSchema = z.object({
  asOf: z.string(),
  schoolYear: z.string(),
  inCycle: z.boolean(),
  cycleSchoolYears: z.array(z.string()),
  elapsedYears: z.number().int(),
  groups: z.array(complianceGroupSchema),
  categories: z.array(complianceCategorySchema),
  onTrackRuleId: z.string(),
  paceRuleId: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  total: complianceRowSchema,
  /** The unit's children (a school: itself), most behind first. */
  units: z.array(complianceRowSchema),
});
export type HoursCompliance = z.infer<typeof hoursComplianceSchema>;

export const complianceTeacherSchema = z.object({
  teacherId: z.string(),
  name: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  /** '教研员' or ''. */
  groupName: z.string(),
  cycleCountedTenths: z.number().int(),
  expectedTenths: z.number().int(),
  shortOfExpectedTenths: z.number().int(),
  targetTenths: z.number().int(),
  onTrack: z.boolean(),
  yearCountedTenths: z.number().int(),
  yearPaceTenths: z.number().int(),
  yearOnPace: z.boolean(),
  categories: z.array(
    z.object({ category: hourCategorySchema, countedTenths: z.number().int(), paceTenths: z.number().int() }),
  ),
  /** The school year the message speaks of (the web words the message from the values). */
  schoolYear: z.string().optional(),
  /** Plain Chinese: where the teacher stands and by how much they are behind. */
  message: z.string(),
});
export type ComplianceTeacher = z.infer<typeof complianceTeacherSchema>;

export const complianceTeachersSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(complianceTeacherSchema),
});
export type ComplianceTeachers = z.infer<typeof complianceTeachersSchema>;

export const complianceRemindSchema = z.object({
  orgId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  behind: complianceFilterSchema.exclude(['all']).default('any'),
  category: hourCategorySchema.optional(),
});
export type ComplianceRemindRequest = z.infer<typeof complianceRemindSchema>;

export const complianceRemindResultSchema = z.object({
  /** Teachers told now. */
  sent: z.number().int(),
  /** Teachers behind who were told within the reminder interval already. */
  skipped: z.number().int(),
  intervalDays: z.number().int(),
  ruleId: z.string(),
});
export type ComplianceRemindResult = z.infer<typeof complianceRemindResultSchema>;
