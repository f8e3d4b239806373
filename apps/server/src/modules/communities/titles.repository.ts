/** `community_titles` (优秀工作坊 / 优秀工作室 by year) and every registration of a community (its cycles). */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type { CommunityRegistrationsTable, CommunityTitlesTable } from '../../db/types';

export type TitleRow = Selectable<CommunityTitlesTable>;
export type TitleCode = 'excellent_workshop' | 'excellent_studio';

export function createTitlesRepository(db: Database) {
  return {
    titlesOf(countyId: string, communityId: string, title: TitleCode): Promise<TitleRow[]> {
      return db
        .selectFrom('community_titles')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .where('title', '=', title)
        .orderBy('year')
        .execute();
    },

    /**
     * Record or remove a title of a year; how many rows changed. A selection's record never takes over the bureau's
     * (the row stays 'bureau'), and a selection removes only what a selection recorded; the bureau does either.
     */
    async setTitle(
      row: {
        county_id: string;
        community_id: string;
        year: number;
        title: TitleCode;
        source: 'bureau' | 'selection';
        recorded_by: string | null;
        recorded_at: Date;
      },
      awarded: boolean,
      trx: Database,
    ): Promise<number> {
      if (!awarded) {
        let del = trx
          .deleteFrom('community_titles')
          .where('county_id', '=', row.county_id)
          .where('community_id', '=', row.community_id)
          .where('year', '=', row.year)
          .where('title', '=', row.title);
        if (row.source === 'selection') del = del.where('source', '=', 'selection');
        const r = await del.executeTakeFirst();
        return Number(r.numDeletedRows);
      }
      const r = await trx
        .insertInto('community_titles')
        .values(row)
        .onConflict((oc) => {
          const update = oc.columns(['county_id', 'community_id', 'year', 'title']).doUpdateSet({
            source: row.source,
            recorded_by: row.recorded_by,
            recorded_at: row.recorded_at,
          });
          return row.source === 'selection'
            ? update.where('community_titles.source', '=', 'selection')
            : update;
        })
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
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
