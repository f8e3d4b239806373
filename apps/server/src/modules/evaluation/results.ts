/**
 * Results: the owner's campaign page (subjects × evidence × rater progress, provisional totals), moderation of a
 * unit or a veto with a reason (Y-EVAL-MODERATION), decisions on appeals and the campaign's ranking (the
 * scorecards are scorecard.ts's). Every total is core's: `aggregateRaters` then `scoreRubric` (sheets.ts).
 */
import type { CampaignDetail, DecideAppeal, Moderate, RankingRow } from '@yanxun/contracts';
import { checkEntry, checkRubric, type Normalisation, rubricUnits } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { groupBy } from '../../shared/group-by';
import { isId } from '../../shared/ids';
import { loadCampaign, loadThroughCampaign, wrongStatus } from './campaign-access';
import { blockersOf, rubricOfCampaign, summaryOf } from './campaigns';
import type { CampaignRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import { unitsOf } from './rubrics';
import { clearancesOf, moderationsOf, subjectResult } from './sheets';
import { appealBody, raterLabel } from './views';

const normOf = (c: CampaignRow) => c.normalisation as Normalisation;

export async function campaignDetail(
  ctx: EvaluationContext,
  actor: Actor,
  id: string,
): Promise<CampaignDetail> {
  const c = await loadCampaign(ctx, actor, id);
  const rubric = rubricOfCampaign(c);
  const units = unitsOf(rubric);
  const [subjects, raters, appeals] = await Promise.all([
    ctx.repo.subjectsOf(c),
    ctx.repo.ratersOfCampaign(c.county_id, c.id),
    ctx.repo.appealsOf(c.county_id, c.id),
  ]);
  const evidence = await ctx.repo.evidenceOf(
    c.county_id,
    subjects.map((s) => s.id),
  );
  const names = await ctx.accounts.namesOf([...new Set(raters.map((r) => r.account_id))]);
  const [summary] = await summaryOf(ctx, [{ ...c, subject_count: subjects.length }]);
  if (!summary) throw notFound('评价活动');
  const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
  const unitTitle = new Map(units.map((u) => [u.id, u.title]));
  const ratersBySubject = groupBy(raters, (r) => r.subject_id);
  const evidenceBySubject = groupBy(evidence, (e) => e.subject_id);
  return {
    ...summary,
    units,
    warnings: checkRubric(rubric).filter((f) => f.severity === 'warning'),
    metricBindings: c.metric_bindings as Record<string, string>,
    metrics: ctx.metrics.definitions,
    subjects: subjects.map((s) => {
      const mine = ratersBySubject.get(s.id) ?? [];
      const result = subjectResult(rubric, normOf(c), s, mine);
      return {
        id: s.id,
        refId: s.ref_id,
        name: s.name,
        evidenceUnits: new Set((evidenceBySubject.get(s.id) ?? []).map((e) => e.unit_id)).size,
        units: units.length,
        selfScored: s.self_at !== null,
        raters: mine.map((r) => ({
          accountId: r.account_id,
          label: raterLabel(r.position, names.get(r.account_id), true),
          submitted: r.submitted_at !== null,
          savedAt: r.saved_at?.toISOString() ?? null,
        })),
        pendingAppeals: appeals.filter((a) => a.subject_id === s.id && a.status === 'pending').length,
        provisional: result
          ? { score: result.score.score, max: result.score.max, band: result.score.band.label }
          : null,
        outlierUnits: result
          ? result.aggregate.items.filter((i) => i.outliers.length > 0).map((i) => i.unitId)
          : [],
        widestRange: result ? Math.max(...result.aggregate.items.map((i) => i.range)) : null,
      };
    }),
    appeals: appeals.map((a) =>
      appealBody(a, subjectName.get(a.subject_id) ?? '', unitTitle.get(a.unit_id) ?? a.unit_id),
    ),
    blockers: await blockersOf(ctx, c),
  };
}

/** A score for a unit checked by core (range, tenths), refused with the unit, the value and the maximum. */
function assertUnitScore(c: CampaignRow, unitId: string, value: number) {
  const problems = checkEntry(
    rubricOfCampaign(c),
    { units: { [unitId]: { score: value } } },
    { missing: 'zero' },
  );
  const first = problems[0];
  if (first)
    throw new AppError('VALIDATION_FAILED', first.message, {
      ruleId: 'Y-EVAL-CHECK',
      field: unitId,
      unitId,
      ...first.values,
    });
}

export async function moderate(ctx: EvaluationContext, actor: Actor, subjectId: string, input: Moderate) {
  const { row: subject, campaign: c } = await loadThroughCampaign(
    ctx,
    actor,
    isId(subjectId) ? await ctx.repo.findSubject(subjectId) : undefined,
    '评价对象',
  );
  if (c.status !== 'scoring' && c.status !== 'appeal') throw wrongStatus(c, '不能合议改分');
  const now = ctx.now();
  const rubric = rubricOfCampaign(c);
  await ctx.db.transaction().execute(async (trx) => {
    const s = (await ctx.repo.lockSubject(subject, trx)) ?? subject;
    if ('unitId' in input) {
      assertUnitScore(c, input.unitId, input.value);
      const moderations = {
        ...moderationsOf(s),
        [input.unitId]: {
          value: input.value,
          reason: input.reason.trim(),
          by: actor.accountId,
          at: now.toISOString(),
        },
      };
      await ctx.repo.updateSubject(s, { moderations: JSON.stringify(moderations) }, trx);
    } else {
      if (!rubricUnits(rubric).vetoes.some((v) => v.id === input.vetoId))
        throw new AppError('VALIDATION_FAILED', `评价标准中没有否决项 ${input.vetoId}`, { field: 'vetoId' });
      const clearances = {
        ...clearancesOf(s),
        [input.vetoId]: { reason: input.reason.trim(), by: actor.accountId, at: now.toISOString() },
      };
      await ctx.repo.updateSubject(s, { veto_clearances: JSON.stringify(clearances) }, trx);
    }
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.moderate',
        entity: 'evaluation_subject',
        entityId: s.id,
        orgId: c.owner_org_id,
        details: { ...input, ruleId: 'Y-EVAL-MODERATION' },
      },
      trx,
    );
  });
}

export async function decideAppeal(
  ctx: EvaluationContext,
  actor: Actor,
  appealId: string,
  input: DecideAppeal,
) {
  const { row: appeal, campaign: c } = await loadThroughCampaign(
    ctx,
    actor,
    isId(appealId) ? await ctx.repo.findAppeal(appealId) : undefined,
    '申诉',
  );
  if (c.status !== 'appeal') throw wrongStatus(c, '不能处理申诉');
  if (input.decision === 'uphold') {
    if (input.newScore === undefined)
      throw new AppError('VALIDATION_FAILED', '申诉成立须给出改定的分数', { field: 'newScore' });
    assertUnitScore(c, appeal.unit_id, input.newScore);
  }
  const subject = await ctx.repo.findSubject(appeal.subject_id);
  if (!subject) throw notFound('评价对象');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const a = await ctx.repo.findAppeal(appeal.id, trx);
    if (a?.status !== 'pending') throw new AppError('CONFLICT', '该申诉已处理', { status: a?.status });
    const upheld = input.decision === 'uphold' && input.newScore !== undefined;
    await ctx.repo.updateAppeal(
      a,
      {
        status: upheld ? 'upheld' : 'dismissed',
        new_score: upheld ? Math.round((input.newScore ?? 0) * 10) : null,
        decision_reason: input.reason.trim(),
        decided_by: actor.accountId,
        decided_at: now,
      },
      trx,
    );
    if (upheld) {
      const s = (await ctx.repo.lockSubject(subject, trx)) ?? subject;
      const moderations = {
        ...moderationsOf(s),
        [a.unit_id]: {
          value: input.newScore ?? 0,
          reason: `申诉成立：${input.reason.trim()}`,
          by: actor.accountId,
          at: now.toISOString(),
        },
      };
      await ctx.repo.updateSubject(s, { moderations: JSON.stringify(moderations) }, trx);
    }
    await ctx.audit.record(
      actor,
      {
        action: `evaluation.appeal.${input.decision}`,
        entity: 'evaluation_appeal',
        entityId: a.id,
        orgId: c.owner_org_id,
        details: {
          subjectId: a.subject_id,
          unitId: a.unit_id,
          newScore: input.newScore ?? null,
          reason: input.reason,
        },
      },
      trx,
    );
  });
}

/** The campaign's subjects by total (ties share a rank), those with a result. */
export async function ranking(ctx: EvaluationContext, actor: Actor, id: string): Promise<RankingRow[]> {
  const c = await loadCampaign(ctx, actor, id);
  const rubric = rubricOfCampaign(c);
  const [subjects, raters] = await Promise.all([
    ctx.repo.subjectsOf(c),
    ctx.repo.ratersOfCampaign(c.county_id, c.id),
  ]);
  const bySubject = groupBy(raters, (r) => r.subject_id);
  const norm = normOf(c);
  const rows = subjects.flatMap((s) => {
    const r = subjectResult(rubric, norm, s, bySubject.get(s.id) ?? []);
    return r
      ? [
          {
            subjectId: s.id,
            subjectName: s.name,
            score: r.score.score,
            max: r.score.max,
            percent: r.score.percent,
            band: r.score.band.label,
          },
        ]
      : [];
  });
  return ranked(rows);
}

/** Rows by percent, then score, then name; ties share the rank of the first of them (1, 2, 2, 4). */
export function ranked<T extends { subjectName: string; score: number; percent: number }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...rows].sort(
    (a, b) => b.percent - a.percent || b.score - a.score || (a.subjectName < b.subjectName ? -1 : 1),
  );
  let rank = 0;
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.percent !== r.percent || prev.score !== r.score) rank = i + 1;
    return { rank, ...r };
  });
}
