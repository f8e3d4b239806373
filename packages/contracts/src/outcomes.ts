import { z } from 'zod';
import { teacherHoursSchema } from './hours';
import { fileMetaSchema } from './plans';

/**
 * Outcomes and completion: trainees' outcome submissions (versions, review with a score or
 * return), completion (结业) runs per class with each rule's result, certificates and the per-teacher hours
 * record. 学时 in tenths (`hoursTenths`: 1500 = 150 学时).
 */

const idString = z.string().regex(/^\d{1,18}$/);

export const OUTCOME_STATUSES = ['submitted', 'returned', 'accepted'] as const;
export type OutcomeStatusCode = (typeof OUTCOME_STATUSES)[number];

/** What may be handed in for a requirement: documents, and for a recording also an MP4 or a link. */
export const OUTCOME_FORMATS = ['pdf', 'docx', 'mp4', 'link'] as const;

export const outcomeRequirementSchema = z.object({
  key: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  part: z.string().nullable(),
  label: z.string(),
  video: z.boolean(),
  /** Formats accepted for this requirement (config allow-list ∩ what the requirement takes). */
  accepts: z.array(z.enum(OUTCOME_FORMATS)),
  ruleId: z.string(),
});
export type OutcomeRequirementOut = z.infer<typeof outcomeRequirementSchema>;

export const outcomeSubmissionSchema = z.object({
  id: z.string(),
  classId: z.string(),
  className: z.string(),
  programmeId: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  schoolName: z.string(),
  requirement: z.string(),
  label: z.string(),
  version: z.number().int(),
  file: fileMetaSchema.nullable(),
  link: z.string().nullable(),
  note: z.string(),
  status: z.enum(OUTCOME_STATUSES),
  score: z.number().int().nullable(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type OutcomeSubmission = z.infer<typeof outcomeSubmissionSchema>;

/** A link instead of a file (a recording on a video platform); multipart uploads carry the file instead. */
export const submitOutcomeLinkSchema = z.object({
  link: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/[^\s]+$/, '请填写 https:// 开头的视频链接'),
  note: z.string().trim().max(500).optional(),
});
export type SubmitOutcomeLink = z.infer<typeof submitOutcomeLinkSchema>;

export const reviewOutcomeSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accept'),
    score: z.number().int().min(0).max(100),
    comment: z.string().trim().max(1000).optional(),
  }),
  z.object({ action: z.literal('return'), comment: z.string().trim().min(1).max(1000) }),
]);
export type ReviewOutcomeRequest = z.infer<typeof reviewOutcomeSchema>;

export const outcomeQueueQuerySchema = z.object({
  classId: idString,
  status: z.enum(OUTCOME_STATUSES).optional(),
});
export type OutcomeQueueQuery = z.infer<typeof outcomeQueueQuerySchema>;

export const completionCheckSchema = z.object({
  ruleId: z.string(),
  code: z.enum(['attendance', 'outcomes']),
  passed: z.boolean(),
  message: z.string(),
  values: z.record(z.string(), z.unknown()),
});
export type CompletionCheckOut = z.infer<typeof completionCheckSchema>;

export const certificateSchema = z.object({
  certificateNo: z.string(),
  issuedAt: z.string(),
  revoked: z.boolean(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const completionRowSchema = z.object({
  teacherId: z.string(),
  teacherName: z.string(),
  schoolName: z.string(),
  completed: z.boolean(),
  attendancePct: z.number(),
  checks: z.array(completionCheckSchema),
  hoursTenths: z.number().int(),
  certificate: certificateSchema.nullable(),
  evaluatedAt: z.string(),
  /** A 'not_completed' integrity record exists for this programme. */
  integrityRecorded: z.boolean(),
});
export type CompletionRow = z.infer<typeof completionRowSchema>;

export const classCompletionSchema = z.object({
  classId: z.string(),
  className: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string(),
  endDate: z.string(),
  /** Whether a run is possible today (from the class's end date on; Y-004-COMPLETION-RUN). */
  canRun: z.boolean(),
  canRecordIntegrity: z.boolean(),
  runOpensOn: z.string(),
  fullHoursTenths: z.number().int(),
  rows: z.array(completionRowSchema),
});
export type ClassCompletion = z.infer<typeof classCompletionSchema>;

export const completionRunResultSchema = classCompletionSchema.extend({
  evaluated: z.number().int(),
  completed: z.number().int(),
  certificatesIssued: z.number().int(),
  hoursPosted: z.number().int(),
});
export type CompletionRunResult = z.infer<typeof completionRunResultSchema>;

export const recordNotCompletedSchema = z.object({ evidence: z.string().trim().max(2000).optional() });
export type RecordNotCompletedRequest = z.infer<typeof recordNotCompletedSchema>;

export const myTrainingRequirementSchema = outcomeRequirementSchema.extend({
  current: outcomeSubmissionSchema.nullable(),
  versions: z.array(outcomeSubmissionSchema),
});

export const myTrainingItemSchema = z.object({
  programmeId: z.string(),
  programmeTitle: z.string(),
  classId: z.string(),
  className: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
  attendance: z.object({
    sessions: z.number().int(),
    attended: z.number().int(),
    approvedLeave: z.number().int(),
  }),
  outcomeWindow: z.object({
    open: z.boolean(),
    opensOn: z.string(),
    dueDate: z.string(),
    ruleId: z.string(),
  }),
  outcomeSets: z.array(
    z.object({ ruleId: z.string(), mode: z.enum(['all', 'any']), note: z.string().optional() }),
  ),
  requirements: z.array(myTrainingRequirementSchema),
  completion: completionRowSchema.nullable(),
});
export type MyTrainingItem = z.infer<typeof myTrainingItemSchema>;

export const myTrainingSchema = z.object({
  teacherId: z.string().nullable(),
  items: z.array(myTrainingItemSchema),
  hours: teacherHoursSchema.nullable(),
});
export type MyTraining = z.infer<typeof myTrainingSchema>;
