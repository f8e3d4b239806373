import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { HoursPort, OrgsPort, RulesPort, TeachersPort } from './ports';
import type { SchoolResearchRepository } from './school-research.repository';
import type { TrainingBudgetsRepository } from './training-budgets.repository';

/** What services.ts gives 校本研修: its database and repository, ports onto org, people, hours and the packs. */
export interface SchoolResearchDeps {
  db: Database;
  repo: SchoolResearchRepository;
  /** 学校教师培训经费 (R3-B09) */
  budgets: TrainingBudgetsRepository;
  orgs: OrgsPort;
  teachers: TeachersPort;
  hours: HoursPort;
  rules: RulesPort;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case is given, built once by createSchoolResearchService. */
export interface SchoolResearchContext extends Omit<SchoolResearchDeps, 'clock'> {
  now: () => Date;
}
