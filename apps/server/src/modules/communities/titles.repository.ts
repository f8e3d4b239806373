/** `community_titles` (R3-W15's 优秀工作坊 by year) and every registration of a community (its cycles). */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type { CommunityRegistrationsTable, CommunityTitlesTable } from '../../db/types';

export type TitleRow = Selectable<CommunityTitlesTable>;

export function createTitlesRepository(db: Database) {
  return {
    titlesOf(countyId: string, communityId: string): Promise<TitleRow[]> {
      return db
        .selectFrom('community_titles')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .orderBy('year')
        .execute();
    },

    async setTitle(
      row: {
        county_id: string;
        community_id: string;
        year: number;
        source: string;
        recorded_by: string | null;
        recorded_at: Date;
      },
      awarded: boolean,
      trx: Database,
    ): Promise<void> {
      if (!awarded) {
        await trx
          .deleteFrom('community_titles')
          .where('county_id', '=', row.county_id)
          .where('community_id', '=', row.community_id)
          .where('year', '=', row.year)
          .where('title', '=', 'excellent_workshop')
          .execute();
        return;
      }
      await trx
        .insertInto('community_titles')
        .values({ ...row, title: 'excellent_workshop' })
        .onConflict((oc) =>
          oc.columns(['county_id', 'community_id', 'year', 'title']).doUpdateSet({
            source: row.source,
            recorded_by: row.recorded_by,
            recorded_at: row.recorded_at,
          }),
        )
        .execute();
    },

    registrationsOf(
      countyId: string,
      communityId: string,
    ): Promise<Selectable<CommunityRegistrationsTable>[]> {
      return db
        .selectFrom('community_registrations')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .orderBy('registered_on')
        .orderBy('id')
        .execute();
    },
  };
}
