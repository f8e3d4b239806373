/**
 * The rubric editor's share of the evaluation contracts: a rubric's version history, and core's `checkRubric`
 * on a rubric document, so the web shows the same findings as the server while the officer types (the server
 * runs the same check on save and refuses errors).
 */
import { checkRubric, declaredTotalOf } from '@yanxun/core/evaluation/check';
import type { Rubric } from '@yanxun/core/evaluation/types';
import { rubricUnits } from '@yanxun/core/evaluation/units';
import { z } from 'zod';
import type { RubricDocument, RubricFindingBody } from './evaluation';

/** The title a clone starts with: the owner's name in place of the region the title begins with (core's). */
export { cloneRubricTitle } from '@yanxun/core/evaluation/clone';

/** One saved version of an officer's rubric: who saved it and when, with its warnings count. */
export const rubricVersionSchema = z.object({
  ref: z.string(),
  version: z.number().int(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  warnings: z.number().int(),
});
export type RubricVersion = z.infer<typeof rubricVersionSchema>;

/** A document as core reads it (the schema's optional keys are core's optional keys: a cast at the edge). */
const asRubric = (doc: RubricDocument) => doc as Rubric;

/** Core's findings for a rubric document: errors refuse a save, warnings are kept and shown. */
export function checkRubricDocument(doc: RubricDocument): RubricFindingBody[] {
  return checkRubric(asRubric(doc));
}

/** The total the document declares (its stated total, else the sum of its 一级 indicators), if any. */
export function declaredTotalOfDocument(doc: RubricDocument): number | undefined {
  return declaredTotalOf(asRubric(doc));
}

/** The sum of the scored units' points (the maximum under `item_points`). */
export function itemTotalOfDocument(doc: RubricDocument): number {
  return Math.round(rubricUnits(asRubric(doc)).units.reduce((s, u) => s + u.max, 0) * 10) / 10;
}
