import type { Database } from '../../db/database';

/**
 * Class enrolments (the classes module): a nomination that stops being selected (withdrawn, or replaced by
 * 替训) leaves every class it was placed in. Called inside the programs transaction that changed the
 * nomination, with that transaction; returns the ids of the classes left.
 */
export interface Enrolments {
  removeForNomination(trx: Database, countyId: string, nominationId: string): Promise<string[]>;
}

/**
 * The memberships a teacher holds that earn a priority in nominations (core `MEMBERSHIP_PRIORITY_CODES`:
 * 'workshop_member', R3-W12; 'trainer_pool_member', R3-P12), from the communities and trainers modules.
 */
export type MembershipsPort = (teacherId: string) => Promise<string[]>;
