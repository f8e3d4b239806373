/**
 * Early warning (问题预警, R-002-12): a school or class is flagged when its indicator is below a threshold
 * (`EW-BELOW`), or when it fell from the last exam by more than a margin (`EW-DROP`). Indicators are comparable
 * across papers with different full marks: score rate (mean / full marks), pass rate, excellent rate, or the
 * standardised score of the group mean. Each warning carries the rule and the values that raised it.
 */
import type { GroupAnalysis } from './analysis';

export type WarningMetric = 'score_rate' | 'pass_rate' | 'excellent_rate' | 'standardised';

export interface WarningConfig {
  metric: WarningMetric;
  /** flag when the indicator is strictly below this value */
  below?: number;
  /** flag when previous − current is strictly greater than this margin */
  dropMargin?: number;
  /** groups with fewer students are not judged (too small to say anything) */
  minN?: number;
}

export interface EarlyWarning {
  rule: 'EW-BELOW' | 'EW-DROP';
  group: string;
  metric: WarningMetric;
  value: number;
  /** the threshold (EW-BELOW) or the previous value (EW-DROP) */
  reference: number;
  n: number;
  message: string;
}

export function indicator(g: GroupAnalysis, metric: WarningMetric, fullMarks: number): number | null {
  switch (metric) {
    case 'score_rate':
      return g.total.mean === null ? null : g.total.mean / fullMarks;
    case 'pass_rate':
      return g.total.passRate;
    case 'excellent_rate':
      return g.total.excellentRate;
    case 'standardised':
      return g.standardised;
  }
}

/**
 * @param previous the indicator of each group (by `name`) in the last exam, when there was one
 */
export function earlyWarnings(
  groups: readonly GroupAnalysis[],
  fullMarks: number,
  config: WarningConfig,
  previous?: ReadonlyMap<string, number>,
): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  for (const g of groups) {
    const n = g.total.n;
    if (n < (config.minN ?? 1)) continue;
    const v = indicator(g, config.metric, fullMarks);
    if (v === null) continue;
    if (config.below !== undefined && v < config.below)
      out.push({
        rule: 'EW-BELOW',
        group: g.name,
        metric: config.metric,
        value: v,
        reference: config.below,
        n,
        message: `${g.name} 的 ${config.metric} 为 ${v}，低于预警线 ${config.below}`,
      });
    const p = previous?.get(g.name);
    if (config.dropMargin !== undefined && p !== undefined && p - v > config.dropMargin)
      out.push({
        rule: 'EW-DROP',
        group: g.name,
        metric: config.metric,
        value: v,
        reference: p,
        n,
        message: `${g.name} 的 ${config.metric} 从 ${p} 降到 ${v}，降幅超过 ${config.dropMargin}`,
      });
  }
  return out;
}
