/**
 * KPI arithmetic of the report (R-004-27, R3-B02). Definitions: docs/POLICIES.md § KPIs.
 */
import { type KpiTargets, type PolicyPack, pv } from './policy-pack';

/**
 * R3-B02 "确保选送率、参训率、结业率均达到 100%": the target lines used when a pack carries none of its own.
 * 参训率 is read as the arrival rate (报到率); 选送率 is the seats filled, shown by R3-B03's 少报.
 */
export const PROJECT_COUNTY_KPI_TARGETS: KpiTargets = {
  arrivalRate: pv(1, 'R3-B02', 'S003:L375-377', '解读：参训率按报到率（报到 ÷ 编班）计'),
  completionRate: pv(1, 'R3-B02', 'S003:L375-377', '结业率 100%'),
};

/** The pack's KPI targets, else the R3-B02 defaults. */
export function kpiTargetsOf(pack: Pick<PolicyPack, 'kpiTargets'>): KpiTargets {
  return pack.kpiTargets ?? PROJECT_COUNTY_KPI_TARGETS;
}

/**
 * why a rate has no value (shown as "—" with this reason, never as 0 %):
 * - `no_denominator`: nothing to divide by (no trainee enrolled, no session held yet);
 * - `no_completion_run`: trainees are enrolled but no completion (结业) run has judged any of them yet;
 * - `not_reported`: the count is not available in this report.
 */
export const RATE_GAPS = ['no_denominator', 'no_completion_run', 'not_reported'] as const;
export type RateGap = (typeof RATE_GAPS)[number];

export interface Rate {
  numerator: number | null;
  denominator: number;
  /** numerator ÷ denominator rounded to 4 decimals; null when the denominator is 0 or the numerator unknown. */
  rate: number | null;
  /** why `rate` is null; null when there is a rate. */
  reason: RateGap | null;
}

/** A rate of two counts; an unknown numerator (null) or an empty denominator gives no rate, never 0 or 100%. */
export function kpiRate(numerator: number | null, denominator: number): Rate {
  if (numerator === null) return { numerator, denominator, rate: null, reason: 'not_reported' };
  if (denominator <= 0) return { numerator, denominator, rate: null, reason: 'no_denominator' };
  return {
    numerator,
    denominator,
    rate: Math.round((numerator / denominator) * 10_000) / 10_000,
    reason: null,
  };
}

/**
 * 结业率 = completed ÷ trainees a completion run has judged (`assessed`). Trainees whose class has not
 * been run yet are not in the denominator (they have neither passed nor failed); with nobody judged there is
 * no rate: `no_completion_run` when trainees are enrolled, `no_denominator` when none are. Unknown counts
 * (null) → `not_reported`.
 */
export function completionRate(completed: number | null, assessed: number | null, enrolled: number): Rate {
  if (completed === null || assessed === null) {
    return { numerator: completed, denominator: assessed ?? 0, rate: null, reason: 'not_reported' };
  }
  if (assessed <= 0) {
    return {
      numerator: completed,
      denominator: 0,
      rate: null,
      reason: enrolled > 0 ? 'no_completion_run' : 'no_denominator',
    };
  }
  return kpiRate(completed, assessed);
}
