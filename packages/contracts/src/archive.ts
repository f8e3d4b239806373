import { z } from 'zod';
import { hoursStandingSchema } from './hours';
import { OUTCOME_STATUSES } from './outcomes';
import { postingSchema } from './people';
import { INTEGRITY_KIND_CODES, NOMINATION_STATUSES, programLevelSchema } from './programs';
import { documentKindSchema } from './verification';

/**
 * A teacher's growth archive (教师成长档案, R3-T09): one page of what Yanxun holds about the teacher's development.
 * Identifiers stay out: the name, the unit and at most the ID number's last four (as the 学时证明 prints them, for
 * the teacher and for a role that may reveal the number; anyone else gets the list's mask); never the full ID number
 * or the phone.
 */
export const archiveTeacherSchema = z.object({
  id: z.string(),
  name: z.string(),
  schoolName: z.string(),
  countyName: z.string().nullable(),
  /**
   * The ID number's last four behind asterisks (**************123X), as on a 学时证明, for the teacher and a role
   * holding teacher.reveal_id; for anyone else the list's mask (4418*************X).
   */
  idMasked: z.string(),
  stage: z.string().nullable(),
  subject: z.string().nullable(),
  title: z.string().nullable(),
  backbone: z.string().nullable(),
  teachingYears: z.number().nullable(),
});

/** A programme the teacher took part in: the nomination, the class (期/班) and how it ended. */
export const archiveProgrammeSchema = z.object({
  programmeId: z.string(),
  programmeTitle: z.string(),
  year: z.number().int().nullable(),
  level: programLevelSchema.nullable(),
  /** The latest nomination's status; null when the teacher is enrolled without one on record. */
  nomination: z.enum(NOMINATION_STATUSES).nullable(),
  nominatedAt: z.string().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  attendance: z
    .object({
      sessions: z.number().int(),
      attended: z.number().int(),
      approvedLeave: z.number().int(),
    })
    .nullable(),
  /** The completion run's result (结业); null before a run. */
  completion: z
    .object({
      completed: z.boolean(),
      attendancePct: z.number(),
      hoursTenths: z.number().int(),
      evaluatedAt: z.string(),
    })
    .nullable(),
});
export type ArchiveProgramme = z.infer<typeof archiveProgrammeSchema>;

/** An outcome (成果) handed in, its latest version and the review's result. */
export const archiveOutcomeSchema = z.object({
  programmeTitle: z.string(),
  className: z.string(),
  label: z.string(),
  version: z.number().int(),
  status: z.enum(OUTCOME_STATUSES),
  score: z.number().nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type ArchiveOutcome = z.infer<typeof archiveOutcomeSchema>;

/** A 结业证书 and its verification code (made on the certificate's first print; null before). */
export const archiveCertificateSchema = z.object({
  certificateNo: z.string(),
  programmeTitle: z.string(),
  issuedAt: z.string(),
  revoked: z.boolean(),
  verificationCode: z.string().nullable(),
});
export type ArchiveCertificate = z.infer<typeof archiveCertificateSchema>;

/** An issued document (a 学时证明; certificates are listed with their certificate). */
export const archiveDocumentSchema = z.object({
  code: z.string(),
  kind: documentKindSchema,
  title: z.string(),
  hoursTenths: z.number().int(),
  issuer: z.string(),
  issuedOn: z.string(),
  revokedAt: z.string().nullable(),
});
export type ArchiveDocument = z.infer<typeof archiveDocumentSchema>;

/** An integrity record (诚信档案, R-004-20): what, when, whether it stands, the bar's end. */
export const archiveIntegritySchema = z.object({
  id: z.string(),
  kind: z.enum(INTEGRITY_KIND_CODES),
  recordDate: z.string(),
  programmeTitle: z.string().nullable(),
  standing: z.boolean(),
  barEndsOn: z.string(),
  appealStatus: z.enum(['none', 'pending', 'upheld', 'rejected']),
  standingReason: z.string().nullable(),
});
export type ArchiveIntegrity = z.infer<typeof archiveIntegritySchema>;

/** A role in a 工作室 (studio) or 工作坊 (workshop): recorded by the studios module (issue 13). */
export const archiveStudioRoleSchema = z.object({
  kind: z.enum(['studio', 'workshop']),
  name: z.string(),
  role: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export type ArchiveStudioRole = z.infer<typeof archiveStudioRoleSchema>;

/** A trainer (培训者) assignment or term: recorded by the trainer pool (issue 13). */
export const archiveTrainerRoleSchema = z.object({
  role: z.string(),
  orgName: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export type ArchiveTrainerRole = z.infer<typeof archiveTrainerRoleSchema>;

/** An honour (荣誉) or selection: recorded by the evaluation module (issue 14). */
export const archiveHonourSchema = z.object({
  title: z.string(),
  level: z.string().nullable(),
  awardedOn: z.string(),
  issuer: z.string().nullable(),
});
export type ArchiveHonour = z.infer<typeof archiveHonourSchema>;

/** An evaluation (考核/评价) result: recorded by the evaluation module (issue 14). */
export const archiveEvaluationSchema = z.object({
  title: z.string(),
  period: z.string(),
  result: z.string(),
  evaluatedOn: z.string(),
});
export type ArchiveEvaluation = z.infer<typeof archiveEvaluationSchema>;

export const teacherArchiveSchema = z.object({
  /** The day the archive was read (Asia/Shanghai). */
  asOf: z.string(),
  teacher: archiveTeacherSchema,
  /** 岗位职务 codes (code table rolesHeld: 教研员 …) and the postings history. */
  rolesHeld: z.array(z.string()),
  postings: z.array(postingSchema),
  programmes: z.array(archiveProgrammeSchema),
  hours: z.object({ totalTenths: z.number().int(), standing: hoursStandingSchema }),
  outcomes: z.array(archiveOutcomeSchema),
  certificates: z.array(archiveCertificateSchema),
  documents: z.array(archiveDocumentSchema),
  integrity: z.array(archiveIntegritySchema),
  // not recorded by Yanxun yet (issues 13 and 14): empty until those modules feed them
  studioRoles: z.array(archiveStudioRoleSchema),
  trainerRoles: z.array(archiveTrainerRoleSchema),
  honours: z.array(archiveHonourSchema),
  evaluations: z.array(archiveEvaluationSchema),
});
export type TeacherArchive = z.infer<typeof teacherArchiveSchema>;
