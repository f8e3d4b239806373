/** Selection quality per unit of a programme, with the project-county deduction (R3-B03). */
import { z } from 'zod';

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
