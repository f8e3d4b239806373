/**
 * The evaluation route tests' harness: a rater's full sheet, and a campaign taken from creation to its provisional
 * results with one rater's sheet per subject, sent with the route tests' client (`apiClient` in ./routes).
 * `runCampaign` asserts each step's status.
 */
import type { CampaignDetail } from '@yanxun/contracts';
import { expect } from 'vitest';
import type { apiClient } from './routes';

/** A rater's complete sheet: every unit at its maximum except the scores given. */
export const fullSheet = (units: CampaignDetail['units'], scores: Record<string, number> = {}) => ({
  units: Object.fromEntries(units.map((u) => [u.id, { score: scores[u.id] ?? u.max }])),
  vetoes: {},
});

export interface CampaignPlan {
  owner: string;
  ownerOrgId: string;
  name: string;
  year: number;
  rubricRef: string;
  /** subject unit ids (org or community) */
  subjects: string[];
  rater: string;
  /** the sheet's scores by subject unit id (units not named score their maximum) */
  scores?: Record<string, Record<string, number>>;
}

/**
 * A county-kind campaign created, one rater assigned to every subject, opened, scored with full sheets and its
 * provisional results released (status `appeal`, a one-day window). Returns the campaign detail.
 */
export async function runCampaign(
  req: ReturnType<typeof apiClient>['req'],
  p: CampaignPlan,
): Promise<CampaignDetail> {
  const created = await req('POST', '/evaluation/campaigns', p.owner, {
    ownerOrgId: p.ownerOrgId,
    name: p.name,
    year: p.year,
    subjectKind: 'county',
    rubricRef: p.rubricRef,
    normalisation: 'item_points',
    subjects: p.subjects,
    appealDays: 1,
  });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json() as CampaignDetail;
  const assigned = await req('POST', `/evaluation/campaigns/${c.id}/raters`, p.owner, {
    assignments: c.subjects.map((s) => ({ subjectId: s.id, usernames: [p.rater] })),
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  for (const to of ['open', 'scoring'])
    expect((await req('POST', `/evaluation/campaigns/${c.id}/advance`, p.owner, { to })).statusCode).toBe(
      200,
    );
  for (const s of c.subjects) {
    const sheet = fullSheet(c.units, p.scores?.[s.refId]);
    expect((await req('PUT', `/evaluation/tasks/${s.id}`, p.rater, sheet)).statusCode).toBe(200);
    expect((await req('POST', `/evaluation/tasks/${s.id}/submit`, p.rater)).statusCode).toBe(200);
  }
  const appeal = await req('POST', `/evaluation/campaigns/${c.id}/advance`, p.owner, { to: 'appeal' });
  expect(appeal.statusCode, appeal.body).toBe(200);
  return appeal.json() as CampaignDetail;
}
