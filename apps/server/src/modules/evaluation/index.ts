/**
 * The evaluation module (评价): rubrics, campaigns, evidence, raters, moderation, appeals, scorecards. services.ts
 * builds it with its ports (orgs, communities, accounts, files, the live metrics registry) and registers its routes.
 */

export type { EvaluationDeps } from './context';
export { createEvaluationRepository, type EvaluationRepository } from './evaluation.repository';
export { evaluationRoutes } from './evaluation.routes';
export { createEvaluationService, type EvaluationService } from './evaluation.service';
export {
  createMetricsRegistry,
  METRIC_DEFINITIONS,
  type MetricSources,
  type SelectionCounts,
} from './metrics';
export type { AccountsPort, CommunitiesPort, MetricsPort, OrgsPort } from './ports';
export { NO_SELECTION_PORTS, type SelectionPorts } from './selections.ports';
