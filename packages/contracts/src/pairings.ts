/**
 * 帮扶结对 (pairings): a 教师发展学校 with the weak schools it helps (R3-B05), a 校本研修示范校 with the schools it
 * leads (R3-B06), a 市级名师工作室 with a 镇级教师工作坊 (R3-G20); school years from–to and joint activities. The
 * checks are core's (`checkPairedSchools`, `checkTwoWayPair`): every read returns their findings with the rule and
 * the numbers, so a dev school with 0 or 4 partners is shown flagged, never hidden.
 */
import { z } from 'zod';
import { communityFindingSchema } from './communities';

export const PAIRING_KINDS = ['dev_school', 'demo_school', 'studio_workshop'] as const;
export const pairingKindSchema = z.enum(PAIRING_KINDS);
export type PairingKind = z.infer<typeof pairingKindSchema>;
export const PAIRING_KIND_LABELS: Record<PairingKind, string> = {
  dev_school: '教师发展学校帮扶薄弱学校',
  demo_school: '校本研修示范校引领学校',
  studio_workshop: '市名师工作室与镇工作坊协作',
};

const id = z.string().regex(/^\d{1,18}$/, '应为编号');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const schoolYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/, '学年格式应为 2026-2027')
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, '学年的后一年应比前一年大 1');

export const pairingInputSchema = z
  .object({
    kind: pairingKindSchema,
    /** the 教师发展学校 / 示范校 (a school id), or the 市级 studio (a community id) */
    leadId: id,
    /** the schools helped, or the workshops (community ids); 0 or more than 3 schools are kept and flagged */
    partnerIds: z.array(id).max(10, '结对对象最多 10 个').default([]),
    fromYear: schoolYear,
    toYear: schoolYear,
    note: z.string().trim().max(500).optional(),
  })
  .refine((p) => p.toYear >= p.fromYear, { message: '结束学年不能早于开始学年', path: ['toYear'] });
export type PairingInput = z.input<typeof pairingInputSchema>;

export const pairingUpdateSchema = z
  .object({
    partnerIds: z.array(id).max(10, '结对对象最多 10 个'),
    fromYear: schoolYear,
    toYear: schoolYear,
    note: z.string().trim().max(500).optional(),
  })
  .refine((p) => p.toYear >= p.fromYear, { message: '结束学年不能早于开始学年', path: ['toYear'] });
export type PairingUpdate = z.infer<typeof pairingUpdateSchema>;

export const pairingActivityInputSchema = z.object({
  heldOn: isoDate,
  title: z.string().trim().min(2).max(200),
  place: z.string().trim().min(1).max(200),
  participants: z.number().int().min(0).max(100000),
  notes: z.string().trim().max(1000).optional(),
});
export type PairingActivityInput = z.infer<typeof pairingActivityInputSchema>;

export const pairingPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** a community's level and kind (studio_workshop), else null */
  level: z.string().nullable(),
  kind: z.string().nullable(),
});
export type PairingParty = z.infer<typeof pairingPartySchema>;

export const pairingActivitySchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  title: z.string(),
  place: z.string(),
  participants: z.number(),
  notes: z.string().nullable(),
});
export type PairingActivity = z.infer<typeof pairingActivitySchema>;

export const pairingSchema = z.object({
  id: z.string(),
  kind: pairingKindSchema,
  lead: pairingPartySchema,
  partners: z.array(pairingPartySchema),
  fromYear: z.string(),
  toYear: z.string(),
  note: z.string().nullable(),
  findings: z.array(communityFindingSchema),
  activityCount: z.number(),
  lastActivityOn: z.string().nullable(),
  /** what the signed-in actor may do with it */
  canManage: z.boolean(),
  canRecord: z.boolean(),
});
export type Pairing = z.infer<typeof pairingSchema>;

export const pairingDetailSchema = pairingSchema.extend({ activities: z.array(pairingActivitySchema) });
export type PairingDetail = z.infer<typeof pairingDetailSchema>;

export const pairingListQuerySchema = z.object({ kind: pairingKindSchema.optional() });
export type PairingListQuery = z.infer<typeof pairingListQuerySchema>;
export const pairingListSchema = z.object({ items: z.array(pairingSchema) });
export type PairingList = z.infer<typeof pairingListSchema>;

/** The checks of a pairing being written (POST /pairings/check): shown live in the form, nothing kept. */
export const pairingCheckSchema = z.object({ findings: z.array(communityFindingSchema) });
export type PairingCheck = z.infer<typeof pairingCheckSchema>;

/** GET /pairings/stats: the school year (default: the current one in the deployment's time zone). */
export const pairingStatsQuerySchema = z.object({ schoolYear: schoolYear.optional() });
export type PairingStatsQuery = z.infer<typeof pairingStatsQuerySchema>;

/** One county's pairings in a school year (or the total row). */
export const pairingStatsCountsSchema = z.object({
  /** pairings active that school year (from_year ≤ year ≤ to_year), by kind and in all */
  active: z.object({
    dev_school: z.number(),
    demo_school: z.number(),
    studio_workshop: z.number(),
    total: z.number(),
  }),
  /** distinct schools and workshops helped by the active pairings */
  partnersHelped: z.number(),
  /** active pairings with a finding, as the list shows them (R3-B05/B06: not 1–3 schools; R3-G20) */
  flagged: z.number(),
  /** joint activities held in the school year (1 Sep – 31 Aug, by held_on) and their participants */
  activities: z.number(),
  participants: z.number(),
  /** active pairings with no activity held in the school year */
  idle: z.number(),
});
export type PairingStatsCounts = z.infer<typeof pairingStatsCountsSchema>;

export const pairingStatsRowSchema = pairingStatsCountsSchema.extend({
  /** the county (or the region whose own units lead pairings, e.g. a city's 市直 schools) */
  regionId: z.string(),
  name: z.string(),
});
export type PairingStatsRow = z.infer<typeof pairingStatsRowSchema>;

export const pairingStatsSchema = z.object({
  schoolYear: z.string(),
  /** the school year's first and last day */
  from: z.string(),
  to: z.string(),
  rows: z.array(pairingStatsRowSchema),
  total: pairingStatsCountsSchema,
});
export type PairingStats = z.infer<typeof pairingStatsSchema>;
