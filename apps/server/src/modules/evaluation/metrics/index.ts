/**
 * Live items (issue 14 item 3): the registry of metric keys a rubric unit may be bound to (`definitions.ts`), their
 * readings from the rest of Yanxun (`readings.ts`) and the values shown to raters (`live-values.ts`).
 */
import type { MetricsPort } from '../ports';
import { METRIC_DEFINITIONS, type MetricSources } from './definitions';
import { readMetric } from './readings';

export {
  METRIC_DEFINITIONS,
  type MetricSources,
  type SchoolTrainingBudget,
  type SelectionCounts,
  type StudioLed,
  type TrainerTeam,
} from './definitions';
export { liveValues } from './live-values';

export function createMetricsRegistry(sources: MetricSources): MetricsPort {
  return {
    definitions: METRIC_DEFINITIONS,
    read: (key, subject, year) => readMetric(sources, key, subject, year),
  };
}
