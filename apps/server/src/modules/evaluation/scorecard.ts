/**
 * Scorecards: one subject's (its owner once a sheet is submitted; the subject itself from the provisional
 * results), and every scorecard of a campaign at once for its owner (each table read once: what an export reads).
 * Sections, units with raw / deductions / final / how / rules, the raters' spread (names to the owner, 专家1/2/3 to
 * the subject), evidence, live values, appeals, the earlier years' results (history.ts). Every total is core's
 * (sheets.ts).
 */
import type { LiveValue, Scorecard, ScorecardUnit, UnitHowFacts } from '@yanxun/contracts';
import {
  type ItemAggregate,
  NORMALISATION_LABELS,
  type Normalisation,
  type Rubric,
  scoreUnits,
  type UnitLine,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { groupBy } from '../../shared/group-by';
import { dateOf } from '../../shared/time';
import { loadCampaign, loadSubject, type SubjectAccess } from './campaign-access';
import { rubricOfCampaign } from './campaigns';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import { compareHistory, type PastResult, pastResultsOf } from './history';
import { liveValues } from './metrics';
import type { AppealRow, EvidenceRow, RaterRow } from './scoring.repository';
import { clearancesOf, entryOf, moderationsOf, selfScoresOf, sheetOf, subjectResult } from './sheets';
import { appealBody, evidenceBody, raterLabel } from './views';

const normOf = (c: CampaignRow) => c.normalisation as Normalisation;

/** A subject's scorecard: for its owner once a sheet is submitted; for the subject from the provisional results. */
export async function scorecard(ctx: EvaluationContext, actor: Actor, subjectId: string): Promise<Scorecard> {
  return scorecardFor(ctx, await loadSubject(ctx, actor, subjectId));
}

/** The scorecard of a subject loaded for the actor (the PDF's reading too). */
export async function scorecardFor(ctx: EvaluationContext, access: SubjectAccess): Promise<Scorecard> {
  const { subject, campaign: c, asOwner } = access;
  if (!asOwner && c.status !== 'appeal' && c.status !== 'published')
    throw new AppError('CONFLICT', '评价结果尚未公示', { status: c.status });
  return scorecardOf(ctx, c, subject, asOwner);
}

/** What a scorecard is built from besides the campaign and the subject (loaded once per subject or campaign). */
export interface ScorecardInputs {
  raters: RaterRow[];
  evidence: EvidenceRow[];
  appeals: AppealRow[];
  live: LiveValue[];
  /** raters' names, for the owner only */
  names: Map<string, string>;
  /** the subject's earlier results of the same rubric lineage (year-over-year), oldest first */
  history?: readonly PastResult[];
}

/** One subject's scorecard from its inputs (pure); undefined before any of its sheets is submitted. */
/** The numbers core's `how` of a unit is made of: the line and, with several raters, their mean. */
export function howFactsOf(line: UnitLine, item: ItemAggregate | undefined): UnitHowFacts {
  return {
    missing: line.missing,
    raw: line.raw ?? null,
    deductions: line.deductions.map((d) => ({
      reason: d.reason,
      label: d.label,
      count: d.count,
      points: d.points,
    })),
    deducted: line.deducted,
    floor: line.floor ?? null,
    score: line.score,
    max: line.max,
    raters: item
      ? {
          n: item.ratings.length,
          counted: item.ratings.length - item.dropped.length,
          trimmed: item.trimmed,
          mean: item.mean,
          meanRounded: item.meanRounded,
          range: item.range,
          sd: item.sd,
          outliers: item.outliers.map((o) => ({ rater: o.raterId, score: o.score })),
          moderation: item.moderation
            ? { value: item.moderation.value, reason: item.moderation.reason.trim() }
            : null,
        }
      : null,
  };
}

export function buildScorecard(
  c: CampaignRow,
  rubric: Rubric,
  subject: SubjectRow,
  asOwner: boolean,
  today: string,
  inputs: ScorecardInputs,
): Scorecard | undefined {
  const { evidence, appeals, live, names } = inputs;
  const result = subjectResult(rubric, normOf(c), subject, inputs.raters);
  if (!result) return undefined;
  const label = new Map(
    result.raters.map((r) => [r.account_id, raterLabel(r.position, names.get(r.account_id), asOwner)]),
  );
  const perRater = result.raters.map((r) => scoreUnits(rubric, entryOf(sheetOf(r))));
  const self = selfScoresOf(subject);
  const moderations = moderationsOf(subject);
  const units: ScorecardUnit[] = result.score.units.map((line) => {
    const item = result.aggregate.items.find((i) => i.unitId === line.unitId);
    const lines = perRater.flatMap((ls) => ls.filter((l) => l.unitId === line.unitId));
    const raws = lines.flatMap((l) => (l.raw === undefined ? [] : [l.raw]));
    const mean = (xs: number[]) =>
      xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
    const m = moderations[line.unitId];
    return {
      unitId: line.unitId,
      title: line.title,
      sectionId: line.sectionId,
      max: line.max,
      raw: mean(raws),
      deducted: mean(lines.map((l) => l.deducted)) ?? 0,
      final: line.score,
      how: item ? `${item.how}；${line.how}` : line.how,
      howFacts: howFactsOf(line, item),
      rules: [...new Set([...(item?.rules ?? []), ...line.rules, ...lines.flatMap((l) => l.rules)])],
      self: self[line.unitId] ?? null,
      ratings: (item?.ratings ?? []).map((r) => ({
        rater: label.get(r.raterId) ?? '专家',
        score: r.score,
        outlier: item?.outliers.some((o) => o.raterId === r.raterId) ?? false,
      })),
      mean: item ? Math.round(item.mean * 10) / 10 : null,
      range: item?.range ?? null,
      sd: item?.sd ?? null,
      moderated: m ? { value: m.value, reason: m.reason } : null,
      evidence: evidence.filter((e) => e.unit_id === line.unitId).map(evidenceBody),
      live: live.find((l) => l.unitId === line.unitId) ?? null,
    };
  });
  const unitTitle = new Map(units.map((u) => [u.unitId, u.title]));
  const clearances = clearancesOf(subject);
  return {
    campaignId: c.id,
    campaignName: c.name,
    year: c.year,
    status: c.status as Scorecard['status'],
    subjectId: subject.id,
    subjectName: subject.name,
    rubricTitle: rubric.title,
    normalisation: {
      value: result.score.normalisation.value,
      label: NORMALISATION_LABELS[result.score.normalisation.value],
      ruleId: result.score.normalisation.ruleId,
    },
    sections: result.score.sections.map((s) => ({
      id: s.id,
      title: s.title,
      declared: s.declared ?? null,
      itemMax: s.itemMax,
      score: s.score,
      counted: s.counted,
      how: s.how,
    })),
    units,
    score: result.score.score,
    max: result.score.max,
    percent: result.score.percent,
    band: { code: result.score.band.code, label: result.score.band.label },
    vetoes: result.score.vetoes.map((v) => ({
      id: v.id,
      label: v.label,
      triggered: v.triggered,
      cleared: clearances[v.id] !== undefined,
    })),
    how: result.score.how,
    rounding: result.score.rounding,
    raters: result.raters.length,
    appeals: appeals
      .filter((a) => a.subject_id === subject.id)
      .map((a) => appealBody(a, subject.name, unitTitle.get(a.unit_id) ?? a.unit_id)),
    appealClosesOn: c.appeal_closes_on,
    canAppeal:
      !asOwner && c.status === 'appeal' && c.appeal_closes_on !== null && today <= c.appeal_closes_on,
    ...(inputs.history ? { history: compareHistory(result.score, inputs.history) } : {}),
  };
}

/** One subject's scorecard, its inputs read for it alone. */
export async function scorecardOf(
  ctx: EvaluationContext,
  c: CampaignRow,
  subject: SubjectRow,
  asOwner: boolean,
): Promise<Scorecard> {
  const rubric = rubricOfCampaign(c);
  const raters = await ctx.repo.ratersOfSubject(c.county_id, subject.id);
  const [evidence, appeals, live, names, past] = await Promise.all([
    ctx.repo.evidenceOf(c.county_id, [subject.id]),
    ctx.repo.appealsOf(c.county_id, c.id),
    liveValues(ctx, c, rubric, subject),
    asOwner
      ? ctx.accounts.namesOf(raters.map((r) => r.account_id))
      : Promise.resolve(new Map<string, string>()),
    pastResultsOf(ctx, c, [subject]),
  ]);
  const card = buildScorecard(c, rubric, subject, asOwner, dateOf(ctx.now()), {
    raters,
    evidence,
    appeals,
    live,
    names,
    history: past.get(subject.ref_id) ?? [],
  });
  if (!card) throw new AppError('CONFLICT', '尚无专家提交评分', { status: c.status });
  return card;
}

/**
 * Every scorecard of a campaign for its owner (the subjects with a submitted sheet, in the subjects' order): each
 * table read once for the whole campaign, the live values per subject. What an export of the campaign reads.
 */
export async function campaignScorecards(
  ctx: EvaluationContext,
  actor: Actor,
  id: string,
): Promise<Scorecard[]> {
  return scorecardsOfCampaign(ctx, await loadCampaign(ctx, actor, id));
}

/** Every scorecard of a campaign its owner has loaded (the exports' reading). */
export async function scorecardsOfCampaign(ctx: EvaluationContext, c: CampaignRow): Promise<Scorecard[]> {
  const rubric = rubricOfCampaign(c);
  const subjects = await ctx.repo.subjectsOf(c);
  const [raters, evidence, appeals, past] = await Promise.all([
    ctx.repo.ratersOfCampaign(c.county_id, c.id),
    ctx.repo.evidenceOf(
      c.county_id,
      subjects.map((s) => s.id),
    ),
    ctx.repo.appealsOf(c.county_id, c.id),
    pastResultsOf(ctx, c, subjects),
  ]);
  const names = await ctx.accounts.namesOf([...new Set(raters.map((r) => r.account_id))]);
  const ratersOf = groupBy(raters, (r) => r.subject_id);
  const evidenceOf = groupBy(evidence, (e) => e.subject_id);
  const appealsOf = groupBy(appeals, (a) => a.subject_id);
  const today = dateOf(ctx.now());
  const out: Scorecard[] = [];
  for (const s of subjects) {
    const card = buildScorecard(c, rubric, s, true, today, {
      raters: ratersOf.get(s.id) ?? [],
      evidence: evidenceOf.get(s.id) ?? [],
      appeals: appealsOf.get(s.id) ?? [],
      live: await liveValues(ctx, c, rubric, s),
      names,
      history: past.get(s.ref_id) ?? [],
    });
    if (card) out.push(card);
  }
  return out;
}
