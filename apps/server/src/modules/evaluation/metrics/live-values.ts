/**
 * A subject's live values: each bound unit's reading with the suggested score, shown to raters with the numbers
 * behind it; they may depart from it with a reason (`adjustReason` on the sheet). Counted deductions give the unit's
 * score after core's deduction rule (R3-B03); a share gives the unit's points × share, one decimal, half up, unless
 * the rubric declares the metric on one numbered description of a holistic indicator rather than on the unit
 * (Y-EVAL-LIVE-PART: A3.4b within A3.4, A5.2c within A5.2): the seed gives that description no points of its own,
 * so the numbers are shown and the rater weighs them.
 */
import type { LiveValue } from '@yanxun/contracts';
import { type Rubric, rubricUnits, scoreUnits } from '@yanxun/core';
import type { CampaignRow, SubjectRow } from '../campaigns.repository';
import type { EvaluationContext } from '../context';
import type { MetricSubject } from '../ports';
import { bindingsOf } from '../sheets';

/** One decimal, half up, of a non-negative number of points. */
const tenthHalfUp = (x: number) => Math.floor(x * 10 + 0.5 + 1e-9) / 10;

/** True when the rubric declares the key on the unit only below its own node (a part, Y-EVAL-LIVE-PART). */
function partOnly(declared: { key: string; whole: boolean }[] | undefined, key: string): boolean {
  const mine = (declared ?? []).filter((m) => m.key === key);
  return mine.length > 0 && !mine.some((m) => m.whole);
}

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
    else if (reading.share !== undefined && !partOnly(unit.metrics, key))
      suggested = tenthHalfUp(unit.max * reading.share);
    out.push({
      unitId,
      metricKey: key,
      label: def.label,
      suggested,
      detail: reading.detail,
      deductions,
      ...(reading.facts ? { facts: reading.facts } : {}),
      ruleId: def.ruleId,
    });
  }
  return out;
}
