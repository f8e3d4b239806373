/** Programmes (培训项目) and their quota cascade (名额到校, R-004-17). */
import { PROGRAM_LEVEL_CODES } from '@yanxun/core/programs/policy-pack';
import { z } from 'zod';
import { NAME_LIMITS, plainTextSchema } from '../identifiers';
import { pageQuerySchema } from '../org';
import { idString, isoDate } from './fields';

/** 国培 / 省培 / 市培 / 县培 / 校本研修 / 工作室研修; core's policy-pack.ts (ProgramLevelCode is its ProgramLevel). */
export {
  PROGRAM_LEVEL_CODES,
  type ProgramLevel,
  type ProgramLevel as ProgramLevelCode,
} from '@yanxun/core/programs/policy-pack';
export const programLevelSchema = z.enum(PROGRAM_LEVEL_CODES);

export const programmeSchema = z.object({
  id: z.string(),
  title: z.string(),
  packId: z.string(),
  /** The pack's title (its id only if the pack cannot be read) */
  packTitle: z.string(),
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
  /** Seats taken by selected nominations anywhere in the cascade (已入选). */
  usedSeats: z.number().int(),
  /**
   * Nominations waiting for the 差额遴选 (status candidate) anywhere in the cascade: nominated, but they take a seat
   * only once selected and the shortlist confirmed, so a competitive programme can show 20 nominated and 0 seats used.
   */
  candidates: z.number().int(),
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
  /** This node and every node under it (core's rollUpQuotas): selected nominations, what is left, waitlisted. */
  usedInSubtree: z.number().int(),
  unusedInSubtree: z.number().int(),
  waitlistedInSubtree: z.number().int(),
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
