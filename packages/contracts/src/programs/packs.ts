/**
 * Policy packs: the outline of core's `PolicyPack` (checked here for its shape; the server runs core's
 * `validatePack` on it), pack summaries, cloning and editing, and the what-if preview of a change.
 */
import { z } from 'zod';
import { NAME_LIMITS, plainTextSchema } from '../identifiers';
import { idString, isoDate } from './fields';

export const PACK_STATUSES = ['draft', 'published'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

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

// ---- the pack's document: title, issuing body, document name and number, date (editable on a draft) ----
export const PACK_META_LIMITS = { issuer: 100, document: 200, documentNumber: 50 } as const;
const issuerSchema = plainTextSchema(PACK_META_LIMITS.issuer, '发文单位');
const documentSchema = plainTextSchema(PACK_META_LIMITS.document, '依据文件');
const documentNumberSchema = plainTextSchema(PACK_META_LIMITS.documentNumber, '文号');

/** A document rule values come from (core `SourceDocument`). */
const sourceDocumentSchema = z.looseObject({
  document: z.string(),
  documentNumber: z.string().optional(),
  issuer: z.string(),
  signedOn: isoDate.optional(),
});

/** core `PackSource`: the region's own document, and the one its values were adopted from, if another region's. */
export const packSourceSchema = z.looseObject({
  document: documentSchema,
  documentNumber: documentNumberSchema.optional(),
  issuer: issuerSchema,
  signedOn: isoDate.optional(),
  adoptedFrom: sourceDocumentSchema.extend({ year: z.number().int() }).optional(),
});
export type PackSourceBody = z.infer<typeof packSourceSchema>;

/** The outline of a core `PolicyPack`; every other field passes through to `validatePack`. */
export const policyPackBodySchema = z.looseObject({
  id: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(PACK_STATUSES),
  title: plainTextSchema(NAME_LIMITS.title, '政策包名称'),
  source: packSourceSchema,
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

const cloneYear = z.number().int().min(2000).max(2100);

export const clonePackRequestSchema = z.object({
  year: cloneYear,
  /** The province or city the new draft belongs to; defaults to the caller's own. */
  regionOrgId: idString.optional(),
  /** The new pack's title, issuing body, document, number and date; the defaults of GET …/clone-defaults otherwise. */
  title: plainTextSchema(NAME_LIMITS.title, '政策包名称').optional(),
  issuer: issuerSchema.optional(),
  document: documentSchema.optional(),
  documentNumber: documentNumberSchema.optional(),
  signedOn: isoDate.optional(),
});
export type ClonePackRequest = z.infer<typeof clonePackRequestSchema>;

export const cloneDefaultsQuerySchema = z.object({
  year: z.coerce.number().pipe(cloneYear),
  regionOrgId: idString.optional(),
});
export type PackCloneDefaultsQuery = z.infer<typeof cloneDefaultsQuerySchema>;

/** What a clone for a year starts with in the caller's region: the region, and the title, issuer and document. */
export const cloneDefaultsSchema = z.object({
  regionOrgId: z.string(),
  regionName: z.string(),
  title: z.string(),
  issuer: z.string(),
  document: z.string(),
  /** The other region's document the values will be adopted from (null when the pack is the region's own). */
  adoptsFrom: z.object({ issuer: z.string(), document: z.string(), year: z.number().int() }).nullable(),
});
export type PackCloneDefaults = z.infer<typeof cloneDefaultsSchema>;

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

/** Where a rule ID comes from (core's rule-sources.ts), for the officers' ⓘ beside a reason. */
export const ruleSourceSchema = z.object({
  ruleId: z.string(),
  source: z.string(),
  where: z.string(),
  note: z.string().optional(),
});
export type RuleSourceOut = z.infer<typeof ruleSourceSchema>;
