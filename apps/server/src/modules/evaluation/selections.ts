/**
 * Annual selections (评优评先, R3-G18, R3-S06…S08): a bureau or 进修学校 draws a selection from a published campaign's
 * ranking (the candidates with score and band, frozen as drawn; the eligible bands and the most awards are the
 * selection's policy, core's `preselect` pre-checks), or nominates teachers of its subtree for 先进个人 with a
 * reason; the officer adjusts the pre-check with a reason while it is a draft. Publishing is selection-publish.ts.
 */
import {
  type CreateSelection,
  type DecideSelection,
  type NominateIndividual,
  SELECTION_CATEGORY_RULES,
  type SelectionDetail,
  type SelectionSummary,
} from '@yanxun/contracts';
import { preselect, selectionProblems } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { requirePermission } from '../../shared/permissions';
import { loadCampaign, regionOf, STATUS_LABELS } from './campaign-access';
import { rubricOfCampaign } from './campaigns';
import { ranking } from './results';
import { ownerFor } from './rubrics';
import {
  alreadyPublished,
  bandsOf,
  loadSelection,
  ruleIdOf,
  ruleOf,
  type SelectionsContext,
  selectionDetail,
  summariesOf,
} from './selection-access';
import type { CandidateRow, SelectionRow } from './selections.repository';

export async function listSelections(ctx: SelectionsContext, actor: Actor): Promise<SelectionSummary[]> {
  const roots = requirePermission(actor, 'evaluation.read');
  return summariesOf(ctx, await ctx.selections.listSelections(roots));
}

/** The campaign's ranking as candidates: each subject with its rank, score and band code (from the rubric). */
async function rankedCandidates(ctx: SelectionsContext, actor: Actor, campaignId: string) {
  const c = await loadCampaign(ctx, actor, campaignId);
  const bands = rubricOfCampaign(c).bands.value;
  const rows = await ranking(ctx, actor, c.id);
  const subjects = new Map((await ctx.repo.subjectsOf(c)).map((s) => [s.id, s]));
  return {
    campaign: c,
    rows: rows.flatMap((r) => {
      const s = subjects.get(r.subjectId);
      const band = bands.find((b) => b.label === r.band);
      return s
        ? [{ ...r, refId: s.ref_id, orgPath: s.org_path, band: band?.code ?? '', bandLabel: r.band }]
        : [];
    }),
  };
}

export async function createSelection(
  ctx: SelectionsContext,
  actor: Actor,
  input: CreateSelection,
): Promise<SelectionDetail> {
  requirePermission(actor, 'evaluation.manage');
  const owner = await ownerFor(ctx, actor, input.ownerOrgId);
  const rule = SELECTION_CATEGORY_RULES[input.category];
  const ruleId = rule.ruleIds[0] ?? 'R3-G18';
  const policy = { eligibleBands: input.eligibleBands, maxAwards: input.maxAwards };
  let drawn: Awaited<ReturnType<typeof rankedCandidates>> | undefined;
  if (rule.subjectKind === null) {
    if (input.campaignId)
      throw new AppError('VALIDATION_FAILED', `${rule.label}由本单位提名并说明理由，不从评价活动产生`, {
        field: 'campaignId',
        ruleId,
      });
  } else {
    if (!input.campaignId)
      throw new AppError('VALIDATION_FAILED', `${rule.label}从已发布的评价活动结果中评选，请选择评价活动`, {
        field: 'campaignId',
        ruleId,
      });
    const c = await loadCampaign(ctx, actor, input.campaignId);
    if (c.status !== 'published')
      throw new AppError(
        'CONFLICT',
        `评价活动「${c.name}」当前为「${STATUS_LABELS[c.status] ?? c.status}」阶段，结果发布后才能据此评选${rule.label}`,
        { field: 'campaignId', status: c.status, ruleId },
      );
    if (c.subject_kind !== rule.subjectKind)
      throw new AppError('VALIDATION_FAILED', `评价活动「${c.name}」的评价对象不是${rule.label}的参评对象`, {
        field: 'campaignId',
        subjectKind: c.subject_kind,
        ruleId,
      });
    if (c.year !== input.year)
      throw new AppError(
        'VALIDATION_FAILED',
        `评价活动「${c.name}」是 ${c.year} 年度的，与评选年度 ${input.year} 不符`,
        {
          field: 'year',
          campaignYear: c.year,
          ruleId,
        },
      );
    drawn = await rankedCandidates(ctx, actor, c.id);
  }
  const now = ctx.now();
  const countyId = regionOf(owner);
  const holderKind = rule.subjectKind === 'workshop' || rule.subjectKind === 'studio' ? 'community' : 'org';
  const id = await ctx.db.transaction().execute(async (trx) => {
    const selectionId = await ctx.selections.insertSelection(
      {
        county_id: countyId,
        owner_org_id: owner.id,
        org_path: owner.path,
        year: input.year,
        category: input.category,
        name: input.name ?? `${input.year}年度${rule.label}评选`,
        campaign_id: drawn?.campaign.id ?? null,
        eligible_bands: JSON.stringify(input.eligibleBands),
        max_awards: input.maxAwards,
        status: 'draft',
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    const picked = preselect(drawn?.rows ?? [], policy);
    await ctx.selections.insertCandidates(
      picked.map(({ candidate: r, eligible, preselected }) => ({
        county_id: countyId,
        selection_id: selectionId,
        holder_kind: holderKind,
        holder_id: r.refId,
        name: r.subjectName,
        org_path: r.orgPath,
        subject_id: r.subjectId,
        rank: r.rank,
        score: r.score,
        max_score: r.max,
        percent: r.percent,
        band_code: r.band,
        band_label: r.bandLabel,
        eligible,
        selected: preselected,
        decided_by: actor.accountId,
        decided_at: now,
      })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.selection.create',
        entity: 'evaluation_selection',
        entityId: selectionId,
        orgId: owner.id,
        details: {
          category: input.category,
          campaignId: drawn?.campaign.id ?? null,
          policy,
          candidates: picked.length,
          preselected: picked.filter((p) => p.preselected).length,
          ruleIds: rule.ruleIds,
        },
      },
      trx,
    );
    return selectionId;
  });
  return selectionDetail(ctx, actor, id);
}

/** What core's preselect would check for each candidate under the selection's policy (the default decision). */
function defaultsOf(s: SelectionRow, candidates: CandidateRow[]): Map<string, boolean> {
  if (!s.campaign_id) return new Map(candidates.map((c) => [c.id, true]));
  const policy = { eligibleBands: bandsOf(s), maxAwards: s.max_awards };
  const ranked = candidates.map((c) => ({
    id: c.id,
    rank: c.rank ?? Number.MAX_SAFE_INTEGER,
    band: c.band_code ?? '',
  }));
  return new Map(preselect(ranked, policy).map((p) => [p.candidate.id, p.preselected]));
}

/** The policy's refusal of these selected candidates (the eligible bands, the most awards), or nothing. */
export function assertPolicy(s: SelectionRow, selected: CandidateRow[]) {
  const problems = selectionProblems(
    selected.map((c) => ({ name: c.name, eligible: c.eligible, bandLabel: c.band_label })),
    { eligibleBands: bandsOf(s), maxAwards: s.max_awards },
  );
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), {
      ruleId: ruleIdOf(s),
      problems: problems.map((p) => ({ code: p.code, ...p.values })),
      eligibleBands: bandsOf(s),
      maxAwards: s.max_awards,
    });
}

export async function decideSelection(
  ctx: SelectionsContext,
  actor: Actor,
  id: string,
  input: DecideSelection,
): Promise<SelectionDetail> {
  const loaded = await loadSelection(ctx, actor, id, 'evaluation.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = (await ctx.selections.lockSelection(loaded, trx)) ?? loaded;
    if (s.status !== 'draft') throw alreadyPublished(s);
    const candidates = await ctx.selections.candidatesOf(s, trx);
    const defaults = defaultsOf(s, candidates);
    const next = new Map(candidates.map((c) => [c.id, c]));
    for (const d of input.decisions) {
      const c = next.get(d.candidateId);
      if (!c) throw notFound('候选对象');
      if (d.selected !== defaults.get(c.id) && !d.reason)
        throw new AppError(
          'VALIDATION_FAILED',
          `${d.selected ? '选入' : '不选'}「${c.name}」与按规则预选的结果不同，请说明理由`,
          { field: 'reason', candidateId: c.id, ruleId: ruleIdOf(s) },
        );
      next.set(c.id, { ...c, selected: d.selected, reason: d.reason ?? null });
    }
    assertPolicy(
      s,
      [...next.values()].filter((c) => c.selected),
    );
    for (const d of input.decisions)
      await ctx.selections.decide(
        s.county_id,
        d.candidateId,
        { selected: d.selected, reason: d.reason ?? null, by: actor.accountId, at: now },
        trx,
      );
    await audit(ctx, actor, s, 'evaluation.selection.decide', { decisions: input.decisions }, trx);
  });
  return selectionDetail(ctx, actor, id);
}

/** 先进个人 (R3-S06, R3-S08): a teacher of the owner's subtree, nominated with a reason, selected. */
export async function nominateIndividual(
  ctx: SelectionsContext,
  actor: Actor,
  id: string,
  input: NominateIndividual,
): Promise<SelectionDetail> {
  const loaded = await loadSelection(ctx, actor, id, 'evaluation.manage');
  const rule = ruleOf(loaded);
  if (rule.subjectKind !== null)
    throw new AppError('VALIDATION_FAILED', `${rule.label}从评价活动结果中评选，不接受个人提名`, {
      ruleId: ruleIdOf(loaded),
    });
  const [t] = isId(input.teacherId) ? await ctx.selection.teachers.factsOf([input.teacherId]) : [];
  if (!t?.orgPath.startsWith(loaded.org_path))
    throw new AppError('VALIDATION_FAILED', '该教师不存在或不在本单位管辖范围内，不能提名为先进个人', {
      field: 'teacherId',
      ruleId: 'R3-S06',
    });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = (await ctx.selections.lockSelection(loaded, trx)) ?? loaded;
    if (s.status !== 'draft') throw alreadyPublished(s);
    const candidates = await ctx.selections.candidatesOf(s, trx);
    if (candidates.some((c) => c.holder_kind === 'teacher' && c.holder_id === t.id))
      throw new AppError('CONFLICT', `${t.name}已被提名`, { teacherId: t.id, ruleId: 'R3-S06' });
    const row = {
      county_id: s.county_id,
      selection_id: s.id,
      holder_kind: 'teacher',
      holder_id: t.id,
      name: t.name,
      org_path: t.orgPath,
      unit_name: t.schoolName,
      eligible: true,
      selected: true,
      reason: input.reason,
      decided_by: actor.accountId,
      decided_at: now,
    };
    assertPolicy(s, [
      ...candidates.filter((c) => c.selected),
      {
        ...row,
        id: '',
        subject_id: null,
        rank: null,
        score: null,
        max_score: null,
        percent: null,
        band_code: null,
        band_label: null,
      },
    ]);
    await ctx.selections.insertCandidates([row], trx);
    await audit(
      ctx,
      actor,
      s,
      'evaluation.selection.nominate',
      { teacherId: t.id, reason: input.reason, ruleIds: rule.ruleIds },
      trx,
    );
  });
  return selectionDetail(ctx, actor, id);
}

export function audit(
  ctx: SelectionsContext,
  actor: Actor,
  s: SelectionRow,
  action: string,
  details: Record<string, unknown>,
  trx: Database,
) {
  return ctx.audit.record(
    actor,
    { action, entity: 'evaluation_selection', entityId: s.id, orgId: s.owner_org_id, details },
    trx,
  );
}
