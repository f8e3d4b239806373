import type { Database } from '../../db/database';

/**
 * Class enrolments (the classes module): a nomination that stops being selected (withdrawn, or replaced by
 * 替训) leaves every class it was placed in. Called inside the programs transaction that changed the
 * nomination, with that transaction; returns the ids of the classes left.
 */
export interface Enrolments {
  removeForNomination(trx: Database, countyId: string, nominationId: string): Promise<string[]>;
}
