import { z } from 'zod';

/**
 * The numbers behind a unit's `how`, for the page to word it in the reader's language: the line (the score or the
 * full points, each deduction with its reason, the floor) and, with several raters, their mean as core's
 * aggregateItem takes it (trimmed, its spread, the outliers, a moderation).
 */
export const unitHowFactsSchema = z.object({
  missing: z.boolean(),
  raw: z.number().nullable(),
  deductions: z.array(
    z.object({ reason: z.string(), label: z.string(), count: z.number(), points: z.number() }),
  ),
  deducted: z.number(),
  floor: z.number().nullable(),
  score: z.number(),
  max: z.number(),
  raters: z
    .object({
      n: z.number().int(),
      counted: z.number().int(),
      trimmed: z.boolean(),
      mean: z.number(),
      meanRounded: z.number(),
      range: z.number(),
      sd: z.number(),
      outliers: z.array(z.object({ rater: z.string(), score: z.number() })),
      moderation: z.object({ value: z.number(), reason: z.string() }).nullable(),
    })
    .nullable(),
});
export type UnitHowFacts = z.infer<typeof unitHowFactsSchema>;
