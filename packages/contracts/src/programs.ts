import { z } from 'zod';
import { NAME_LIMITS, plainTextSchema } from './identifiers';
import { pageQuerySchema } from './org';

/**
 * Training programmes: policy packs, programmes, the quota cascade (名额到校), nominations with
 * their eligibility checks, and integrity records (诚信档案). The policy-pack body is the `PolicyPack` of
 * packages/core/src/programs/policy-pack.ts; here it is checked only for its outline, and the server runs
 * core's `validatePack` on it.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const idString = z.string().regex(/^\d{1,18}$/, '编号应为数字');

/** 国培 / 省培 / 市培 / 县培 / 校本研修 / 工作室研修. */
export const PROGRAMME_LEVEL_CODES = [
  'national',
  'provincial',
  'city',
  'county',
  'school',
  'studio',
] as const;
export type ProgramLevelCode = (typeof PROGRAMME_LEVEL_CODES)[number];
export const programLevelSchema = z.enum(PROGRAMME_LEVEL_CODES);

export const PACK_STATUSES = ['draft', 'published'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

// ---------------------------------------------------------------------------------------------------------
// Policy packs

// ---- the optional class-operation, completion and KPI-target sections, checked for their shape here
// (a rule value with a number, or one of the readings); ranges and contradictions are validatePack's, which
// names the rule ----
const ruleValue = <T extends z.ZodType>(value: T) =>
  z.object({ value, ruleId: z.string().min(1), source: z.string().min(1), note: z.string().optional() });
const ruleNumber = ruleValue(z.number());

export const classOpsSectionSchema = z.object({
  dueSoonDays: ruleNumber,
  checkinRotationSeconds: ruleNumber,
  checkinGraceWindows: ruleNumber,
  checkinOpensDaysBefore: ruleNumber,
});

export const completionSectionSchema = z.object({
  minAttendancePct: ruleNumber,
  approvedLeave: ruleValue(z.enum(['present', 'excused', 'absent'])),
  outcomeDueDaysAfterEnd: ruleNumber,
  outcomePassScore: ruleNumber,
  videoOutcomes: ruleValue(z.array(z.string().max(100)).max(50)),
  partialHours: ruleValue(z.enum(['none', 'attended_share'])),
  certificateSeqDigits: ruleNumber,
});

/** KPI targets as shares 0…1 (the range is validatePack's PACK.SHARE_RANGE). */
export const kpiTargetsSectionSchema = z.object({
  registrationRate: ruleNumber.optional(),
  arrivalRate: ruleNumber.optional(),
  attendanceRate: ruleNumber.optional(),
  completionRate: ruleNumber.optional(),
});

/** The outline of a core `PolicyPack`; every other field passes through to `validatePack`. */
export const policyPackBodySchema = z.looseObject({
  id: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(PACK_STATUSES),
  title: plainTextSchema(NAME_LIMITS.title, '政策包名称'),
  source: z.looseObject({}),
  settings: z.looseObject({}),
  design: z.looseObject({}),
  deadlines: z.looseObject({}),
  funding: z.looseObject({}),
  integrityBan: z.looseObject({}),
  noOverlappingEnrolment: z.looseObject({}),
  // optional sections (packs saved before them still load; the server shows their defaults)
  classOps: classOpsSectionSchema.optional(),
  completion: completionSectionSchema.optional(),
  kpiTargets: kpiTargetsSectionSchema.optional(),
  projectTypes: z.array(
    z.looseObject({
      code: z.string(),
      name: z.string(),
      tracks: z.array(z.looseObject({ code: z.string() })),
    }),
  ),
});
export type PolicyPackBody = z.infer<typeof policyPackBodySchema>;

export const packSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  regionCode: z.string(),
  /** The org that owns the pack; null for a built-in pack (a template every region may use or clone). */
  regionOrgId: z.string().nullable(),
  regionOrgName: z.string().nullable(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(PACK_STATUSES),
  builtin: z.boolean(),
  derivedFrom: z.string().nullable(),
  projectTypes: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  /** Whether the caller may edit, publish or clone it into their region. */
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

export const packDetailSchema = packSummarySchema.extend({ pack: policyPackBodySchema });
export type PackDetail = z.infer<typeof packDetailSchema>;

export const packListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(PACK_STATUSES).optional(),
});
export type PackListQuery = z.infer<typeof packListQuerySchema>;

export const clonePackRequestSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The province or city the new draft belongs to; defaults to the caller's own. */
  regionOrgId: idString.optional(),
});
export type ClonePackRequest = z.infer<typeof clonePackRequestSchema>;

export const updatePackRequestSchema = z.object({ pack: policyPackBodySchema });
export type UpdatePackRequest = z.infer<typeof updatePackRequestSchema>;

/** One edit of a what-if preview: `path` as validatePack reports it ('projectTypes[4].tracks[0].eligibility.minTeachingYears'); a PolicyValue's `.value` is set. */
export const packChangeSchema = z.object({
  path: z.string().min(1).max(300),
  value: z.unknown(),
});
export type PackChange = z.infer<typeof packChangeSchema>;

export const packPreviewRequestSchema = z.object({
  projectTypeCode: z.string().min(1).max(64),
  trackCode: z.string().max(64).optional(),
  /** Restrict to this org's subtree (inside the caller's scope). */
  orgId: idString.optional(),
  changes: z.array(packChangeSchema).max(50).optional(),
});
export type PackPreviewRequest = z.infer<typeof packPreviewRequestSchema>;

export const previewCountsSchema = z.object({
  eligible: z.number().int(),
  /** Eligible once an override with a reason is recorded (only soft rules failed). */
  needsOverride: z.number().int(),
  ineligible: z.number().int(),
  /** Teachers failing each rule (a teacher may fail several). */
  failedByRule: z.array(z.object({ ruleId: z.string(), label: z.string(), failed: z.number().int() })),
});
export type PreviewCounts = z.infer<typeof previewCountsSchema>;

/** Eligible teachers of one unit (a county, or a school when the scope is one county) now and after the change. */
export const previewUnitSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  teachers: z.number().int(),
  eligible: z.number().int(),
  needsOverride: z.number().int(),
  /** Null when no `changes` were sent. */
  changedEligible: z.number().int().nullable(),
  changedNeedsOverride: z.number().int().nullable(),
});
export type PreviewUnit = z.infer<typeof previewUnitSchema>;

const previewOutcomeSchema = z.object({
  eligible: z.number().int(),
  needsOverride: z.number().int(),
  ineligible: z.number().int(),
});

export const packPreviewSchema = z.object({
  teachers: z.number().int(),
  referenceDate: z.string(),
  /** The changed pack's reference date when the changes moved it. */
  changedReferenceDate: z.string().nullable(),
  current: previewCountsSchema,
  /** Present when `changes` were sent. */
  changed: previewCountsSchema.nullable(),
  /** The same counts per county (per school when the scope lies in one county), in org-path order. */
  byUnit: z.array(previewUnitSchema),
  /** Per region key (the county of the teacher's school; a city or the province for schools above counties). */
  byCounty: z.array(
    z.object({
      countyId: z.string(),
      countyName: z.string(),
      teachers: z.number().int(),
      current: previewOutcomeSchema,
      changed: previewOutcomeSchema.nullable(),
    }),
  ),
  /** `grouped`: one evaluation per class of alike teachers; `per_teacher`: every teacher evaluated. */
  method: z.enum(['grouped', 'per_teacher']),
  /** Distinct classes evaluated (grouped). */
  groups: z.number().int(),
  elapsedMs: z.number(),
});
export type PackPreview = z.infer<typeof packPreviewSchema>;

/** A pack problem from core's validatePack, as returned in `error.details.problems`. */
export const packProblemSchema = z.object({
  code: z.string(),
  ruleId: z.string(),
  path: z.string(),
  message: z.string(),
});
export type PackProblemBody = z.infer<typeof packProblemSchema>;

// ---------------------------------------------------------------------------------------------------------
// Programmes

export const programmeSchema = z.object({
  id: z.string(),
  title: z.string(),
  packId: z.string(),
  projectTypeCode: z.string(),
  projectTypeName: z.string(),
  trackCode: z.string(),
  level: programLevelSchema,
  year: z.number().int(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  selectionDeadline: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  totalSeats: z.number().int(),
  /** Seats taken by selected nominations anywhere in the cascade. */
  usedSeats: z.number().int(),
  canManage: z.boolean(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: programLevelSchema.optional(),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuerySchema>;

export const createProgrammeRequestSchema = z.object({
  packId: z.string().min(1).max(64),
  projectTypeCode: z.string().min(1).max(64),
  /** The track of the project type nominations are for; its first track when absent. */
  trackCode: z.string().max(64).optional(),
  /** Defaults to the project type's level in the pack. */
  level: programLevelSchema.optional(),
  /** Defaults to the caller's own bureau. */
  ownerOrgId: idString.optional(),
  title: plainTextSchema(NAME_LIMITS.title, '项目名称'),
  selectionDeadline: isoDate,
  startDate: isoDate,
  endDate: isoDate,
  totalSeats: z.number().int().min(0).max(1_000_000),
});
export type CreateProgrammeRequest = z.infer<typeof createProgrammeRequestSchema>;

export const updateProgrammeRequestSchema = z.object({
  title: plainTextSchema(NAME_LIMITS.title, '项目名称').optional(),
  selectionDeadline: isoDate.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  totalSeats: z.number().int().min(0).max(1_000_000).optional(),
});
export type UpdateProgrammeRequest = z.infer<typeof updateProgrammeRequestSchema>;

// ---------------------------------------------------------------------------------------------------------
// Quota cascade (名额到校, R-004-17)

export const quotaNodeSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  /** The node whose seats these came from; null at the programme's owner. */
  parentOrgId: z.string().nullable(),
  seats: z.number().int(),
  /** Of `seats`, how many came from a reserved rural share. */
  ruralSeats: z.number().int(),
  /** Passed down to child nodes. */
  allocated: z.number().int(),
  /** Taken by selected nominations at this node. */
  used: z.number().int(),
  /** seats − allocated − used: can be passed down, nominated into, or pulled back. */
  unused: z.number().int(),
  waitlisted: z.number().int(),
});
export type QuotaNode = z.infer<typeof quotaNodeSchema>;

export const quotaTreeSchema = z.object({ programmeId: z.string(), nodes: z.array(quotaNodeSchema) });
export type QuotaTree = z.infer<typeof quotaTreeSchema>;

export const quotaSuggestQuerySchema = z.object({
  /** Seats to split; defaults to the node's unused seats. */
  seats: z.coerce.number().int().min(0).max(1_000_000).optional(),
  /** Of those, seats reserved for teachers of town and rural (乡镇) schools, split by their counts first. */
  reservedRural: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type QuotaSuggestQuery = z.infer<typeof quotaSuggestQuerySchema>;

export const quotaSuggestionSchema = z.object({
  orgId: z.string(),
  seats: z.number().int(),
  reservedRural: z.number().int(),
  /** 'eligible_location' when the track only admits teachers of certain school location types (R-004-72). */
  weightBasis: z.enum(['teachers', 'eligible_location']),
  children: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      orgKind: z.string(),
      teachers: z.number().int(),
      ruralTeachers: z.number().int(),
      seats: z.number().int(),
      ruralSeats: z.number().int(),
    }),
  ),
  allocated: z.number().int(),
  unallocated: z.number().int(),
  ruleId: z.string(),
});
export type QuotaSuggestion = z.infer<typeof quotaSuggestionSchema>;

export const allocateRequestSchema = z.object({
  allocations: z
    .array(
      z.object({
        orgId: idString,
        seats: z.number().int().min(0).max(1_000_000),
        ruralSeats: z.number().int().min(0).max(1_000_000).optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export type AllocateRequest = z.infer<typeof allocateRequestSchema>;

export const allocateResultSchema = quotaTreeSchema.extend({
  /** Non-blocking problems (R-004-17 seats left unallocated). */
  warnings: z.array(
    z.object({
      code: z.string(),
      ruleId: z.string(),
      message: z.string(),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type AllocateResult = z.infer<typeof allocateResultSchema>;

export const pullBackRequestSchema = z.object({
  /** How many unused seats to take back; all unused seats when absent. */
  seats: z.number().int().min(1).max(1_000_000).optional(),
});
export type PullBackRequest = z.infer<typeof pullBackRequestSchema>;

// ---------------------------------------------------------------------------------------------------------
// Nominations and eligibility

export const eligibilityCheckSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  passed: z.boolean(),
  soft: z.boolean(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  message: z.string(),
  override: z.object({ reason: z.string(), by: z.string().nullable() }).optional(),
});
export type EligibilityCheckBody = z.infer<typeof eligibilityCheckSchema>;

export const eligibilityResultSchema = z.object({
  projectTypeCode: z.string(),
  trackCode: z.string(),
  referenceDate: z.string(),
  eligible: z.boolean(),
  needsOverride: z.boolean(),
  checks: z.array(eligibilityCheckSchema),
  priorities: z.array(z.object({ ruleId: z.string(), code: z.string(), label: z.string() })),
});
export type EligibilityResultBody = z.infer<typeof eligibilityResultSchema>;

const candidateExtras = {
  /** Attestation codes the nominating unit confirms (health, target group …, R-004-57). */
  attestations: z.array(z.string().max(64)).max(20).optional(),
  /** Priority flags (R-004-67 …). */
  flags: z.array(z.string().max(64)).max(20).optional(),
  /** Reason for passing a failed soft rule ("原则上", e.g. age > 45, R-004-56); recorded with the nomination. */
  overrideReason: z.string().trim().min(2).max(500).optional(),
};

export const eligibilityRequestSchema = z.object({ teacherId: idString, ...candidateExtras });
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

/** `candidate` and `not_selected`: a competitive (差额, R-004-59) programme's shortlist before and after selection. */
export const NOMINATION_STATUSES = [
  'candidate',
  'selected',
  'not_selected',
  'waitlisted',
  'withdrawn',
  'replaced',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const nominateRequestSchema = z.object({
  teacherId: idString,
  /** The quota node whose seats are used; defaults to the teacher's school. */
  quotaOrgId: idString.optional(),
  /** When the seats are full: go on the waitlist instead of being refused. */
  waitlist: z.boolean().optional(),
  ...candidateExtras,
});
export type NominateRequest = z.infer<typeof nominateRequestSchema>;

export const nominationSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  quotaOrgId: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  /** 1-based place on the waitlist of the quota node, for waitlisted nominations. */
  waitlistPosition: z.number().int().nullable(),
  eligibility: eligibilityResultSchema,
  overrideReason: z.string().nullable(),
  reason: z.string().nullable(),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  createdAt: z.string(),
  /** When the selecting level decided a candidate's outcome (R-004-59). */
  decidedAt: z.string().nullable().optional(),
});
export type Nomination = z.infer<typeof nominationSchema>;

export const nominationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(NOMINATION_STATUSES).optional(),
  orgId: idString.optional(),
});
export type NominationListQuery = z.infer<typeof nominationListQuerySchema>;

export const withdrawRequestSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type WithdrawRequest = z.infer<typeof withdrawRequestSchema>;

export const withdrawResultSchema = z.object({
  withdrawn: nominationSchema,
  /** The waitlisted nomination that took the freed seat, if any. */
  promoted: nominationSchema.nullable(),
});
export type WithdrawResult = z.infer<typeof withdrawResultSchema>;

export const substituteRequestSchema = z.object({
  teacherId: idString,
  reason: z.string().trim().min(2).max(500),
  ...candidateExtras,
});
export type SubstituteRequest = z.infer<typeof substituteRequestSchema>;

export const substituteResultSchema = z.object({ replaced: nominationSchema, nomination: nominationSchema });
export type SubstituteResult = z.infer<typeof substituteResultSchema>;

// ---------------------------------------------------------------------------------------------------------
// Integrity records (诚信档案, R-004-20)

export const INTEGRITY_RECORD_KINDS = ['no_show', 'dismissed', 'not_completed'] as const;
export type IntegrityKindCode = (typeof INTEGRITY_RECORD_KINDS)[number];

export const integrityRecordSchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  kind: z.enum(INTEGRITY_RECORD_KINDS),
  recordDate: z.string(),
  programmeId: z.string().nullable(),
  evidence: z.string().nullable(),
  standing: z.boolean(),
  createdAt: z.string(),
  /** The last day of the bar (R-004-20): record date + the pack's years, anniversary reading applied. */
  barEndsOn: z.string(),
  appeal: z.object({
    status: z.enum(['none', 'pending', 'upheld', 'rejected']),
    reason: z.string().nullable(),
    appealedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
  }),
  /** Why a record no longer stands (appeal upheld …). */
  standingReason: z.string().nullable(),
});
export type IntegrityRecordBody = z.infer<typeof integrityRecordSchema>;

export const createIntegrityRecordSchema = z.object({
  teacherId: idString,
  kind: z.enum(INTEGRITY_RECORD_KINDS),
  recordDate: isoDate,
  programmeId: idString.optional(),
  evidence: z.string().trim().max(2000).optional(),
});
export type CreateIntegrityRecordRequest = z.infer<typeof createIntegrityRecordSchema>;

export const integrityListQuerySchema = pageQuerySchema.extend({ teacherId: idString.optional() });
export type IntegrityListQuery = z.infer<typeof integrityListQuerySchema>;

// ---------------------------------------------------------------------------------------------------------
// continued: shortlists, substitution requests, appeals, selection quality

/** The selecting level's final list of a competitive programme (R-004-59): the candidates it selects. */
export const confirmShortlistRequestSchema = z.object({
  /** Quota node whose candidates are decided; every candidate there not listed becomes not selected. */
  orgId: idString,
  selectedIds: z.array(idString).max(5000),
  reason: z.string().trim().max(500).optional(),
});
export type ConfirmShortlistRequest = z.infer<typeof confirmShortlistRequestSchema>;

export const shortlistResultSchema = z.object({
  orgId: z.string(),
  seats: z.number().int(),
  ruleId: z.string(),
  results: z.array(
    z.object({
      nominationId: z.string(),
      teacherId: z.string(),
      teacherName: z.string(),
      status: z.enum(['selected', 'not_selected']),
      ruleId: z.string(),
      message: z.string(),
    }),
  ),
});
export type ShortlistResult = z.infer<typeof shortlistResultSchema>;

export const SUBSTITUTION_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;

/** A 替训 request: the nominating unit asks, the level that allocated its seats decides. */
export const substitutionRequestSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  quotaOrgId: z.string(),
  approverOrgId: z.string(),
  nominationId: z.string(),
  replacedTeacherId: z.string(),
  replacedTeacherName: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  reason: z.string(),
  /** The replacement's eligibility at request time. */
  eligibility: eligibilityResultSchema,
  overrideReason: z.string().nullable(),
  status: z.enum(SUBSTITUTION_STATUSES),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  newNominationId: z.string().nullable(),
});
export type SubstitutionRequestBody = z.infer<typeof substitutionRequestSchema>;

export const substitutionListQuerySchema = pageQuerySchema.extend({
  status: z.enum(SUBSTITUTION_STATUSES).optional(),
});
export type SubstitutionListQuery = z.infer<typeof substitutionListQuerySchema>;

export const substitutionDecisionSchema = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
export type SubstitutionDecision = z.infer<typeof substitutionDecisionSchema>;

export const substitutionDecisionResultSchema = z.object({
  request: substitutionRequestSchema,
  /** On approval: the replaced nomination and the new one. */
  replaced: nominationSchema.nullable(),
  nomination: nominationSchema.nullable(),
});
export type SubstitutionDecisionResult = z.infer<typeof substitutionDecisionResultSchema>;

export const integrityAppealRequestSchema = z.object({ reason: z.string().trim().min(2).max(2000) });
export type IntegrityAppealRequest = z.infer<typeof integrityAppealRequestSchema>;

export const integrityAppealDecisionSchema = z.object({
  decision: z.enum(['upheld', 'rejected']),
  reason: z.string().trim().min(2).max(2000),
});
export type IntegrityAppealDecision = z.infer<typeof integrityAppealDecisionSchema>;

export const selectionQualityQuerySchema = z.object({
  level: z.enum(['city', 'county', 'school']).default('county'),
});
export type SelectionQualityQuery = z.infer<typeof selectionQualityQuerySchema>;

const deductionItemSchema = z.object({
  code: z.enum(['under_reported', 'missed', 'not_completed', 'ineligible']),
  label: z.string(),
  personTimes: z.number().int(),
  points: z.number(),
});

export const selectionQualityRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  /** Seats the unit holds for the programme (its own quota node, where it has one). */
  seats: z.number().int().nullable(),
  nominations: z.number().int(),
  selected: z.number().int(),
  candidates: z.number().int(),
  notSelected: z.number().int(),
  waitlisted: z.number().int(),
  withdrawn: z.number().int(),
  replaced: z.number().int(),
  /** Selected with a soft rule passed by a recorded override ("原则上", R-004-56). */
  overridden: z.number().int(),
  /** Nomination attempts refused as ineligible. */
  refusedAttempts: z.number().int(),
  noShows: z.number().int(),
  notCompleted: z.number().int(),
  /** Project-county deduction (R3-B03), for county rows. */
  deduction: z
    .object({
      ruleId: z.string(),
      maxPoints: z.number(),
      points: z.number(),
      score: z.number(),
      items: z.array(deductionItemSchema),
    })
    .nullable(),
});
export type SelectionQualityRow = z.infer<typeof selectionQualityRowSchema>;

export const selectionQualitySchema = z.object({
  programmeId: z.string(),
  level: z.enum(['city', 'county', 'school']),
  rows: z.array(selectionQualityRowSchema),
});
export type SelectionQuality = z.infer<typeof selectionQualitySchema>;
