/**
 * KPI arithmetic of the report (issue 3 item 10; R-004-27, R3-B02). Definitions: docs/POLICIES.md § KPIs.
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

export interface Rate {
  numerator: number | null;
  denominator: number;
  /** numerator ÷ denominator rounded to 4 decimals; null when the denominator is 0 or the numerator unknown. */
  rate: number | null;
}

/** A rate of two counts; an unknown numerator (null) or an empty denominator gives no rate, never 0 or 100%. */
export function kpiRate(numerator: number | null, denominator: number): Rate {
  if (numerator === null || denominator <= 0) return { numerator, denominator, rate: null };
  return { numerator, denominator, rate: Math.round((numerator / denominator) * 10_000) / 10_000 };
}
