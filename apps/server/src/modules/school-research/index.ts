/** 校本研修's public face: its service, routes and repository, and the ports services.ts wires. */
export type { SchoolResearchDeps } from './context';
export type { HoursPort, OrgsPort, RulesPort, TeachersPort } from './ports';
export { recordCreditKey } from './records';
export { createSchoolResearchRepository, type SchoolResearchRepository } from './school-research.repository';
export { schoolResearchRoutes } from './school-research.routes';
export { createSchoolResearchService, type SchoolResearchService } from './school-research.service';
export { createTrainingBudgetsRepository } from './training-budgets.repository';
