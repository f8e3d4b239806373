/** `evaluation_raters`, `evaluation_evidence`, `evaluation_appeals`: this module's own tables only. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type { EvaluationAppealsTable, EvaluationEvidenceTable, EvaluationRatersTable } from '../../db/types';

export type RaterRow = Selectable<EvaluationRatersTable>;
export type EvidenceRow = Selectable<EvaluationEvidenceTable>;
export type AppealRow = Selectable<EvaluationAppealsTable>;

export function createScoringRepository(db: Database) {
  return {
    async insertRaters(rows: Insertable<EvaluationRatersTable>[], trx: Database): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('evaluation_raters')
        .values(rows)
        .onConflict((oc) => oc.columns(['county_id', 'subject_id', 'account_id']).doNothing())
        .execute();
    },

    ratersOfCampaign(countyId: string, campaignId: string, trx: Database = db): Promise<RaterRow[]> {
      return trx
        .selectFrom('evaluation_raters')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('campaign_id', '=', campaignId)
        .orderBy('subject_id')
        .orderBy('position')
        .execute();
    },

    /** One subject's raters (the primary key's prefix), by position. */
    ratersOfSubject(countyId: string, subjectId: string): Promise<RaterRow[]> {
      return db
        .selectFrom('evaluation_raters')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('subject_id', '=', subjectId)
        .orderBy('position')
        .execute();
    },

    findRater(countyId: string, subjectId: string, accountId: string, trx: Database = db) {
      return trx
        .selectFrom('evaluation_raters')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('subject_id', '=', subjectId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
    },

    /** An account's assignments, newest campaign first. */
    tasksOf(accountId: string): Promise<RaterRow[]> {
      return db
        .selectFrom('evaluation_raters')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('campaign_id', 'desc')
        .orderBy('subject_id')
        .limit(2000)
        .execute();
    },

    async updateRater(r: RaterRow, set: Updateable<EvaluationRatersTable>, trx: Database): Promise<void> {
      await trx
        .updateTable('evaluation_raters')
        .set(set)
        .where('county_id', '=', r.county_id)
        .where('subject_id', '=', r.subject_id)
        .where('account_id', '=', r.account_id)
        .execute();
    },

    async insertEvidence(row: Insertable<EvaluationEvidenceTable>, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('evaluation_evidence')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    evidenceOf(countyId: string, subjectIds: string[], trx: Database = db): Promise<EvidenceRow[]> {
      if (subjectIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('evaluation_evidence')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('subject_id', 'in', subjectIds)
        .orderBy('id')
        .execute();
    },

    findEvidence(id: string): Promise<EvidenceRow | undefined> {
      return db.selectFrom('evaluation_evidence').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertAppeal(row: Insertable<EvaluationAppealsTable>, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('evaluation_appeals')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    appealsOf(countyId: string, campaignId: string, trx: Database = db): Promise<AppealRow[]> {
      return trx
        .selectFrom('evaluation_appeals')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('campaign_id', '=', campaignId)
        .orderBy('id')
        .execute();
    },

    findAppeal(id: string, trx: Database = db): Promise<AppealRow | undefined> {
      return trx.selectFrom('evaluation_appeals').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async updateAppeal(a: AppealRow, set: Updateable<EvaluationAppealsTable>, trx: Database): Promise<void> {
      await trx
        .updateTable('evaluation_appeals')
        .set(set)
        .where('county_id', '=', a.county_id)
        .where('id', '=', a.id)
        .execute();
    },
  };
}
