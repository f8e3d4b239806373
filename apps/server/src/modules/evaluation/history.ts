/**
 * Year-over-year (历年对比, Y-EVAL-HISTORY): a subject's results in earlier years' published campaigns of the same
 * rubric lineage (the same built-in, or the same saved rubric in any version) owned in the campaign owner's
 * subtree, each scored by core as its own campaign scored it (its rubric snapshot, normalisation, moderation).
 * Sections are matched by id, else by title; a section of that year with no match in this rubric has no change.
 */
import type { ScorecardHistory } from '@yanxun/contracts';
import type { Normalisation, Rubric, RubricScore } from '@yanxun/core';
import { groupBy } from '../../shared/group-by';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import { rubricFromJson } from './rubrics';
import { subjectResult } from './sheets';

/** A subject's result in an earlier campaign, before it is compared with this one. */
export interface PastResult {
  campaignId: string;
  campaignName: string;
  year: number;
  score: number;
  max: number;
  percent: number;
  band: { code: string; label: string };
  sections: { id: string; title: string; score: number }[];
}

/** The earlier results of every subject given (one read for all), by the subject's unit (org or community id). */
export async function pastResultsOf(
  ctx: EvaluationContext,
  c: CampaignRow,
  subjects: readonly Pick<SubjectRow, 'ref_id'>[],
): Promise<Map<string, PastResult[]>> {
  const rows = await ctx.repo.pastResults(c, [...new Set(subjects.map((s) => s.ref_id))]);
  const rubrics = new Map<string, Rubric>();
  const out: (PastResult & { refId: string })[] = [];
  for (const { subject, campaign, raters } of rows) {
    let rubric = rubrics.get(campaign.id);
    if (!rubric) {
      rubric = rubricFromJson(campaign.rubric);
      rubrics.set(campaign.id, rubric);
    }
    const result = subjectResult(rubric, campaign.normalisation as Normalisation, subject, raters);
    if (!result) continue;
    const s = result.score;
    out.push({
      refId: subject.ref_id,
      campaignId: campaign.id,
      campaignName: campaign.name,
      year: campaign.year,
      score: s.score,
      max: s.max,
      percent: s.percent,
      band: { code: s.band.code, label: s.band.label },
      sections: s.sections.map((x) => ({ id: x.id, title: x.title, score: x.score })),
    });
  }
  return new Map(
    [...groupBy(out, (r) => r.refId)].map(([ref, list]) => [ref, list.map(({ refId: _, ...r }) => r)]),
  );
}

const diff = (a: number, b: number) => Math.round((a - b) * 100) / 100;

/** The earlier results against this one: the total's change and each matching section's. */
export function compareHistory(
  now: Pick<RubricScore, 'score' | 'sections'>,
  past: readonly PastResult[],
): ScorecardHistory[] {
  return past.map((p) => ({
    ...p,
    change: diff(now.score, p.score),
    sections: p.sections.map((s) => {
      const same = now.sections.find((x) => x.id === s.id) ?? now.sections.find((x) => x.title === s.title);
      return { ...s, change: same ? diff(same.score, s.score) : null };
    }),
  }));
}
