/** `community_activity_files`: the files module's files linked to an activity (the bytes stay there). */
import type { Database } from '../../db/database';

export interface ActivityFileLink {
  activity_id: string;
  file_id: string;
}

export function createActivityFilesRepository(db: Database) {
  return {
    /** The files of these activities, oldest first. */
    filesOf(countyId: string, activityIds: string[], trx: Database = db): Promise<ActivityFileLink[]> {
      if (activityIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('community_activity_files')
        .select(['activity_id', 'file_id'])
        .where('county_id', '=', countyId)
        .where('activity_id', 'in', activityIds)
        .orderBy('added_at')
        .orderBy('file_id')
        .execute();
    },

    async linkFile(
      row: { county_id: string; activity_id: string; file_id: string; added_by: string; added_at: Date },
      trx: Database,
    ): Promise<void> {
      await trx.insertInto('community_activity_files').values(row).execute();
    },

    /** Unlink a file; whether there was one. */
    async unlinkFile(countyId: string, activityId: string, fileId: string, trx: Database): Promise<boolean> {
      const r = await trx
        .deleteFrom('community_activity_files')
        .where('county_id', '=', countyId)
        .where('activity_id', '=', activityId)
        .where('file_id', '=', fileId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Hold the activity's row until the transaction ends (one file count at a time). */
    async lockActivity(countyId: string, activityId: string, trx: Database): Promise<void> {
      await trx
        .selectFrom('community_activities')
        .select('id')
        .where('county_id', '=', countyId)
        .where('id', '=', activityId)
        .forUpdate()
        .execute();
    },
  };
}
