/**
 * A rater's sheet as stored (core's RubricEntry plus comments and the reasons for departing from a live value),
 * and a subject's final result: core's `aggregateRaters` over the submitted sheets with the owner's moderation
 * and veto clearances (Y-EVAL-RATERS, Y-EVAL-OUTLIER, Y-EVAL-MODERATION), then `scoreRubric` under the
 * campaign's normalisation with its band (Y-EVAL-NORMALISE, Y-EVAL-BANDS).
 */
import type { SaveSheet } from '@yanxun/contracts';
import {
  aggregateRaters,
  type Moderation,
  type Normalisation,
  type Rubric,
  type RubricEntry,
  type RubricScore,
  type SubjectAggregate,
  scoreRubric,
  type VetoClearance,
} from '@yanxun/core';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { RaterRow } from './scoring.repository';

export type Sheet = SaveSheet;

/** The stored sheet (an I/O edge: it was checked against the contract and core when saved). */
export function sheetOf(row: Pick<RaterRow, 'sheet'>): Sheet {
  const s = (row.sheet ?? {}) as Partial<Sheet>;
  return { units: s.units ?? {}, vetoes: s.vetoes ?? {}, ...(s.comment ? { comment: s.comment } : {}) };
}

/** The part of a sheet core scores. */
export function entryOf(sheet: Sheet): RubricEntry {
  return {
    units: Object.fromEntries(
      Object.entries(sheet.units).map(([id, u]) => [
        id,
        {
          ...(u.score === undefined ? {} : { score: u.score }),
          ...(u.deductions && u.deductions.length > 0 ? { deductions: u.deductions } : {}),
        },
      ]),
    ),
    vetoes: sheet.vetoes,
  };
}

export interface StoredModeration {
  value: number;
  reason: string;
  by: string;
  at: string;
}
export interface StoredClearance {
  reason: string;
  by: string;
  at: string;
}

export const moderationsOf = (s: Pick<SubjectRow, 'moderations'>) =>
  (s.moderations ?? {}) as Record<string, StoredModeration>;
export const clearancesOf = (s: Pick<SubjectRow, 'veto_clearances'>) =>
  (s.veto_clearances ?? {}) as Record<string, StoredClearance>;
export const selfScoresOf = (s: Pick<SubjectRow, 'self_scores'>) =>
  (s.self_scores ?? {}) as Record<string, number>;
export const bindingsOf = (c: Pick<CampaignRow, 'metric_bindings'>) =>
  (c.metric_bindings ?? {}) as Record<string, string>;

export interface SubjectResult {
  aggregate: SubjectAggregate;
  score: RubricScore;
  raters: RaterRow[];
}

/** The subject's result from its submitted sheets, or undefined before any sheet is submitted. */
export function subjectResult(
  rubric: Rubric,
  normalisation: Normalisation,
  subject: SubjectRow,
  raters: readonly RaterRow[],
): SubjectResult | undefined {
  const submitted = raters.filter((r) => r.submitted_at !== null);
  if (submitted.length === 0) return undefined;
  const moderations: Record<string, Moderation> = {};
  for (const [id, m] of Object.entries(moderationsOf(subject)))
    moderations[id] = { value: m.value, reason: m.reason, by: m.by };
  const vetoClearances: Record<string, VetoClearance> = {};
  for (const [id, v] of Object.entries(clearancesOf(subject)))
    vetoClearances[id] = { reason: v.reason, by: v.by };
  const aggregate = aggregateRaters(
    rubric,
    submitted.map((r) => ({ raterId: r.account_id, entry: entryOf(sheetOf(r)) })),
    { moderations, vetoClearances },
  );
  const score = scoreRubric(rubric, aggregate.entry, { normalisation });
  return { aggregate, score, raters: submitted };
}
