/**
 * A subject's year-over-year comparison on its scorecard (同一评价对象的历年对比): its results in earlier published
 * campaigns of the same rubric lineage (the same rubric, any version) owned in the campaign owner's subtree.
 */
import { z } from 'zod';

export const scorecardHistorySchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  year: z.number().int(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  band: z.object({ code: z.string(), label: z.string() }),
  /** this scorecard's total minus that year's (positive: improved since) */
  change: z.number(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      score: z.number(),
      /** this scorecard's score of the same section minus that year's; null when no section matches */
      change: z.number().nullable(),
    }),
  ),
});
export type ScorecardHistory = z.infer<typeof scorecardHistorySchema>;
