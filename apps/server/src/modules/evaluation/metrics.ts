/**
 * Live items (issue 14 item 3): a registry of metric keys a rubric unit may be bound to, read from the rest of
 * Yanxun through narrow sources wired in services.ts, and the value shown to raters as a suggested score with the
 * numbers behind it. Raters may depart from it with a reason (`adjustReason` on the sheet).
 *
 * - `selection_quality_deduction` (R3-B03, county subjects): 少报, 缺培, 未结业 and 不符合遴选条件 person-times
 *   over the year's programmes reaching the county, as the KPI pages' selection-quality report counts them;
 *   the suggestion is the unit's score after core's deduction (−1 per person-time, floored at 0).
 * - `workshop_activities` (R3-G17, workshop/studio subjects): activities held against sessions planned in the
 *   calendar year, from the communities module's monthly review counts; the suggestion is the unit's points ×
 *   held ÷ planned (at most 1), one decimal, half up.
 */
import type { LiveValue, MetricDefinition } from '@yanxun/contracts';
import { type Rubric, rubricUnits, scoreUnits } from '@yanxun/core';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import type { MetricReading, MetricSubject, MetricsPort } from './ports';
import { bindingsOf } from './sheets';

export interface SelectionCounts {
  programmes: number;
  underReported: number;
  missed: number;
  notCompleted: number;
  ineligible: number;
}

/** What the registry reads, wired in services.ts from the modules that hold the data. */
export interface MetricSources {
  /** R3-B03 person-times of a county over the programmes of a year that reach it. */
  selectionCounts(county: { id: string; path: string }, year: number): Promise<SelectionCounts>;
  /** A studio's or workshop's sessions planned and activities held in [from, to). */
  communityActivities(
    communityId: string,
    from: string,
    to: string,
  ): Promise<{ planned: number; held: number }>;
}

export const METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'selection_quality_deduction',
    label: '遴选质量扣分（少报、缺培、未结业、不符合遴选条件）',
    subjectKinds: ['county'],
    ruleId: 'R3-B03',
  },
  {
    key: 'workshop_activities',
    label: '年度研修活动开展（已开展 ÷ 计划）',
    subjectKinds: ['workshop', 'studio'],
    ruleId: 'R3-G17',
  },
];

export function createMetricsRegistry(sources: MetricSources): MetricsPort {
  return {
    definitions: METRIC_DEFINITIONS,
    async read(key: string, subject: MetricSubject, year: number): Promise<MetricReading | undefined> {
      if (key === 'selection_quality_deduction' && subject.kind === 'county') {
        const c = await sources.selectionCounts({ id: subject.refId, path: subject.orgPath }, year);
        const total = c.underReported + c.missed + c.notCompleted + c.ineligible;
        return {
          detail: `${total} 人次：少报 ${c.underReported}、缺培 ${c.missed}、未结业 ${c.notCompleted}、不符合遴选条件 ${c.ineligible}（${year} 年 ${c.programmes} 个培训项目）`,
          deductions: [
            { reason: 'under_reported', count: c.underReported },
            { reason: 'missed_training', count: c.missed },
            { reason: 'not_completed', count: c.notCompleted },
            { reason: 'ineligible', count: c.ineligible },
          ],
        };
      }
      if (key === 'workshop_activities' && (subject.kind === 'workshop' || subject.kind === 'studio')) {
        const a = await sources.communityActivities(subject.refId, `${year}-01-01`, `${year + 1}-01-01`);
        const share = a.planned > 0 ? Math.min(1, a.held / a.planned) : a.held > 0 ? 1 : 0;
        return { detail: `${year} 年计划研修活动 ${a.planned} 次，已开展 ${a.held} 次`, share };
      }
      return undefined;
    },
  };
}

/** One decimal, half up, of a non-negative number of points. */
const tenthHalfUp = (x: number) => Math.floor(x * 10 + 0.5 + 1e-9) / 10;

/** The live values of a subject's bound units, each with its suggested score. */
export async function liveValues(
  ctx: EvaluationContext,
  campaign: CampaignRow,
  rubric: Rubric,
  subject: SubjectRow,
): Promise<LiveValue[]> {
  const units = rubricUnits(rubric).units;
  const subjectRef: MetricSubject = {
    kind: campaign.subject_kind as MetricSubject['kind'],
    refId: subject.ref_id,
    orgPath: subject.org_path,
  };
  const out: LiveValue[] = [];
  for (const [unitId, key] of Object.entries(bindingsOf(campaign))) {
    const unit = units.find((u) => u.id === unitId);
    const def = ctx.metrics.definitions.find((d) => d.key === key);
    if (!unit || !def) continue;
    const reading = await ctx.metrics.read(key, subjectRef, campaign.year);
    if (!reading) continue;
    const known = new Set(unit.deduction?.reasons.map((r) => r.code) ?? []);
    const deductions = (reading.deductions ?? []).filter((d) => d.count > 0 && known.has(d.reason));
    let suggested: number | null = null;
    if (reading.deductions && unit.deduction)
      suggested =
        scoreUnits(
          rubric,
          { units: { [unit.id]: deductions.length > 0 ? { deductions } : { score: unit.max } } },
          {
            missing: 'zero',
          },
        ).find((l) => l.unitId === unit.id)?.score ?? null;
    else if (reading.share !== undefined) suggested = tenthHalfUp(unit.max * reading.share);
    out.push({
      unitId,
      metricKey: key,
      label: def.label,
      suggested,
      detail: reading.detail,
      deductions,
      ruleId: def.ruleId,
    });
  }
  return out;
}
