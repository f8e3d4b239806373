/**
 * Loading a selection and its body: the owner reads with `evaluation.read` and acts with `evaluation.manage` on
 * the owner org's subtree; any other selection reads exactly like an unknown id (404), like a campaign.
 */
import {
  SELECTION_CATEGORY_RULES,
  type SelectionCategory,
  type SelectionDetail,
  type SelectionSummary,
} from '@yanxun/contracts';
import { formatVerificationCode } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { EvaluationContext } from './context';
import { rubricFromJson } from './rubrics';
import type { CandidateRow, SelectionRow, SelectionsRepository } from './selections.repository';

export interface SelectionsContext extends EvaluationContext {
  selections: SelectionsRepository;
}

export const ruleOf = (s: Pick<SelectionRow, 'category'>) =>
  SELECTION_CATEGORY_RULES[s.category as SelectionCategory];

/** The first rule ID a refusal of this selection names. */
export const ruleIdOf = (s: Pick<SelectionRow, 'category'>) => ruleOf(s).ruleIds[0] ?? 'R3-G18';

export const bandsOf = (s: Pick<SelectionRow, 'eligible_bands'>) => s.eligible_bands as string[];

export async function loadSelection(
  ctx: SelectionsContext,
  actor: Actor,
  id: string,
  permission: 'evaluation.read' | 'evaluation.manage' = 'evaluation.read',
): Promise<SelectionRow> {
  requirePermission(actor, permission);
  const s = visibleOr404(
    isId(id) ? await ctx.selections.findSelection(id) : undefined,
    (row) => can(actor, 'evaluation.read', row.org_path) || can(actor, permission, row.org_path),
    '评优评先',
  );
  if (permission === 'evaluation.manage') requirePermission(actor, permission, s.org_path);
  return s;
}

/** The rule a community's title of this category comes from: 优秀工作坊 R3-W15, 优秀工作室 R3-G18. */
export const titleRuleIdOf = (s: Pick<SelectionRow, 'category'>) =>
  ruleOf(s).subjectKind === 'workshop' ? 'R3-W15' : 'R3-G18';

/** A step refused because the selection is published, with its rule. */
export function alreadyPublished(s: SelectionRow): AppError {
  return new AppError('CONFLICT', `「${s.name}」已发布，不能再修改`, {
    status: s.status,
    ruleId: ruleIdOf(s),
  });
}

export async function summariesOf(ctx: SelectionsContext, rows: SelectionRow[]): Promise<SelectionSummary[]> {
  const [orgs, counts] = await Promise.all([
    ctx.orgs.findByIds([...new Set(rows.map((r) => r.owner_org_id))]),
    ctx.selections.countsOf(rows),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const campaigns = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.campaign_id ? [r.campaign_id] : [])))) {
    const c = await ctx.repo.findCampaign(id);
    if (c) campaigns.set(id, c.name);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    year: r.year,
    category: r.category as SelectionCategory,
    categoryLabel: ruleOf(r).label,
    ruleIds: ruleOf(r).ruleIds,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: orgName.get(r.owner_org_id) ?? '',
    campaignId: r.campaign_id,
    campaignName: r.campaign_id ? (campaigns.get(r.campaign_id) ?? null) : null,
    eligibleBands: bandsOf(r),
    maxAwards: r.max_awards,
    status: r.status as SelectionSummary['status'],
    candidates: counts.get(r.id)?.candidates ?? 0,
    selected: counts.get(r.id)?.selected ?? 0,
    publishedAt: r.published_at?.toISOString() ?? null,
  }));
}

export const candidateBody = (c: CandidateRow): SelectionDetail['candidateList'][number] => ({
  id: c.id,
  holderKind: c.holder_kind as 'org' | 'community' | 'teacher',
  holderId: c.holder_id,
  name: c.name,
  unitName: c.unit_name,
  rank: c.rank,
  score: c.score,
  max: c.max_score,
  percent: c.percent,
  band: c.band_code,
  bandLabel: c.band_label,
  eligible: c.eligible,
  selected: c.selected,
  reason: c.reason,
});

export async function selectionDetail(
  ctx: SelectionsContext,
  actor: Actor,
  id: string,
): Promise<SelectionDetail> {
  const s = await loadSelection(ctx, actor, id);
  const [[summary], candidates, honours, campaign] = await Promise.all([
    summariesOf(ctx, [s]),
    ctx.selections.candidatesOf(s),
    ctx.selections.honoursOf(s),
    s.campaign_id ? ctx.repo.findCampaign(s.campaign_id) : undefined,
  ]);
  if (!summary) throw new Error('selection summary: none');
  const revokers = await ctx.accounts.namesOf([
    ...new Set(honours.flatMap((h) => (h.revoked_by ? [h.revoked_by] : []))),
  ]);
  const bands = campaign ? rubricFromJson(campaign.rubric).bands.value : [];
  return {
    ...summary,
    candidateList: candidates.map(candidateBody),
    honours: honours.map((h) => ({
      id: h.id,
      candidateId: h.candidate_id,
      holderName: h.holder_name,
      title: h.title,
      certificateNo: h.certificate_no,
      code: formatVerificationCode(h.code),
      issuedOn: h.issued_on,
      revokedAt: h.revoked_at?.toISOString() ?? null,
      revokedOn: h.revoked_at ? dateOf(h.revoked_at) : null,
      revokedByName: h.revoked_by ? (revokers.get(h.revoked_by) ?? null) : null,
      revokeReason: h.revoke_reason,
    })),
    bands: [...bands]
      .sort((a, b) => b.minPercent - a.minPercent)
      .map((b) => ({ code: b.code, label: b.label })),
    canManage: can(actor, 'evaluation.manage', s.org_path),
  };
}
