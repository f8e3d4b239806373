import {
  BACKBONE_LEVEL_CODES,
  type CodeEntry,
  EMPLOYMENT_STATUS_CODES,
  GENDER_CODES,
} from '@yanxun/core/codes';
import { z } from 'zod';
import { pageQuerySchema } from './org';

/**
 * The code lists of teachers come from core's code tables (packages/core/src/codes.ts): 骨干等级 (校级骨干 …
 * 特级教师), 在职状态 and 性别. The names and aliases of each code are served by GET /codes.
 */
export {
  BACKBONE_LEVEL_CODES,
  type BackboneLevel,
  type CodeEntry,
  EMPLOYMENT_STATUS_CODES,
  type EmploymentStatus,
  GENDER_CODES,
  type Gender,
} from '@yanxun/core/codes';

export const teacherListQuerySchema = pageQuerySchema.extend({
  orgId: z.string().optional(),
  q: z.string().max(64).optional(),
  stage: z.string().max(8).optional(),
  subject: z.string().max(8).optional(),
  title: z.string().max(8).optional(),
  backbone: z.enum(BACKBONE_LEVEL_CODES).optional(),
  status: z.enum(EMPLOYMENT_STATUS_CODES).optional(),
});
export type TeacherListQuery = z.infer<typeof teacherListQuerySchema>;

export const teacherRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDER_CODES),
  birthDate: z.string(),
  /** Always masked, 4418*************X: the full number only through the audited reveal */
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  countyName: z.string().nullable(),
  stage: z.string().nullable(),
  subject: z.string().nullable(),
  title: z.string().nullable(),
  backbone: z.enum(BACKBONE_LEVEL_CODES).nullable(),
  teachingStartDate: z.string().nullable(),
  status: z.enum(EMPLOYMENT_STATUS_CODES),
});
export type TeacherRow = z.infer<typeof teacherRowSchema>;

export const postingSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Posting = z.infer<typeof postingSchema>;

/**
 * A teacher's detail: ID number and phone masked, as in every list. The full values have their own audited
 * endpoints (`/teachers/:id/id-number`, `/teachers/:id/phone`), for roles holding teacher.reveal_id there.
 */
export const teacherDetailSchema = teacherRowSchema.extend({
  rolesHeld: z.array(z.string()),
  trainingYears: z.number().nullable(),
  teachingYears: z.number().nullable(),
  age: z.number(),
  postings: z.array(postingSchema),
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  canRevealIdNumber: z.boolean(),
  /** The same permission as the ID number; false when there is no phone. */
  canRevealPhone: z.boolean(),
});
export type TeacherDetail = z.infer<typeof teacherDetailSchema>;

export const transferRequestSchema = z.object({
  schoolId: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reason: z.string().max(200).optional(),
});
export type TransferRequest = z.infer<typeof transferRequestSchema>;

/** A code table entry as GET /codes serves it: core's `CodeEntry` without its aliases. */
export const codeEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
}) satisfies z.ZodType<CodeEntry>;
export const codeTablesSchema = z.record(z.string(), z.array(codeEntrySchema));
export type CodeTables = z.infer<typeof codeTablesSchema>;
