import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrgsTable, ProgrammeProvidersTable } from '../../../db/types';

/** The programme's approved provider (one per programme), with the provider's name. */
export type ApprovedProviderRow = Pick<Selectable<ProgrammeProvidersTable>, 'provider_org_id' | 'plan_id'> & {
  provider_name: Selectable<OrgsTable>['name'];
};

/** The office's decisions on a plan version, and the approved providers (programme_providers). */
export function createReviewRepository(db: Database) {
  return {
    async markReviewed(
      planId: string,
      version: number,
      decision: 'returned' | 'approved',
      comment: string | null,
      by: string,
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('plan_versions')
        .set({
          decision,
          review_comment: comment,
          reviewed_by: by,
          reviewed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .execute();
      await trx
        .updateTable('plans')
        .set({ status: decision, updated_at: sql`now()` })
        .where('id', '=', planId)
        .execute();
    },

    async approvedProvider(
      programmeId: string,
      trx: Database = db,
    ): Promise<ApprovedProviderRow | undefined> {
      return trx
        .selectFrom('programme_providers as pp')
        .innerJoin('orgs as o', 'o.id', 'pp.provider_org_id')
        .select(['pp.provider_org_id', 'o.name as provider_name', 'pp.plan_id'])
        .where('pp.programme_id', '=', programmeId)
        .executeTakeFirst();
    },

    /** False when the programme already has an approved provider (the primary key holds). */
    async insertApprovedProvider(
      w: { programmeId: string; providerOrgId: string; planId: string; approvedBy: string },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .insertInto('programme_providers')
        .values({
          programme_id: w.programmeId,
          provider_org_id: w.providerOrgId,
          plan_id: w.planId,
          approved_by: w.approvedBy,
        })
        .onConflict((oc) => oc.column('programme_id').doNothing())
        .returning('programme_id')
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}
