import type { PolicyPack } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { ProgrammeRef } from '../programs';

/** A programme and the pack it was set up under (the programs module); undefined when unknown. Callers authorize. */
export interface Programmes {
  programmeWithPack(id: string): Promise<{ programme: ProgrammeRef; pack: PolicyPack } | undefined>;
}

/**
 * The programs module's shortlist candidates, inside the caller's transaction: a quota node's live candidates
 * locked (a school withdrawing one waits), and one candidate's outcome written with its reason.
 */
export interface Candidates {
  lock(programmeId: string, quotaOrgId: string, trx: Database): Promise<Array<{ id: string }>>;
  decide(
    countyId: string,
    id: string,
    status: 'selected' | 'not_selected',
    reason: string | null,
    decidedBy: string | null,
    trx: Database,
  ): Promise<void>;
}

/** The programs module's seat cascade: take `n` seats of a quota node at once; false (nothing taken) when fewer are free. */
export interface Seats {
  take(
    node: { regionId: string; programmeId: string; orgId: string },
    n: number,
    trx: Database,
  ): Promise<boolean>;
}
