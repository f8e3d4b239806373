import type { AuditService } from '../../audit';
import type { NotificationsService } from '../../notifications';
import type { HourRulesPort } from '../ports';
import type { TotalsRepository } from '../totals.repository';
import type { ComplianceRepository } from './compliance.repository';
import type { ComplianceOrgsPort, RosterPort } from './ports';

export type { ComplianceOrg } from './ports';

/**
 * What every compliance use case is given: the totals (kept with every posting), the compliance SQL, the people
 * module's roster relation, org look-ups, notifications to teachers, the audit log, the rules in force and the clock.
 */
export interface ComplianceContext {
  totals: TotalsRepository;
  repo: ComplianceRepository;
  /** The teachers who owe continuing education under these subtrees (the people module decides who). */
  roster: RosterPort;
  orgs: ComplianceOrgsPort;
  notifications: Pick<NotificationsService, 'notifyTeachersOnce'>;
  audit: AuditService;
  /** the 学时 rules in force for a unit on a day */
  rulesFor: HourRulesPort;
  now: () => Date;
}
