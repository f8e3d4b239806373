/** Data access of indicator systems per 学段 × 学科 (exam_indicator_systems). */
import { sql } from 'kysely';
import type { Database } from '../../../db/database';

export function createIndicatorsRepository(db: Database) {
  return {
    async findIndicators(ownerOrgId: string, stage: string, subject: string) {
      return db
        .selectFrom('exam_indicator_systems')
        .selectAll()
        .where('owner_org_id', '=', ownerOrgId)
        .where('stage', '=', stage)
        .where('subject', '=', subject)
        .executeTakeFirst();
    },

    async listIndicators(ownerOrgId: string) {
      return db
        .selectFrom('exam_indicator_systems')
        .selectAll()
        .where('owner_org_id', '=', ownerOrgId)
        .orderBy('stage')
        .orderBy('subject')
        .execute();
    },

    async upsertIndicators(w: {
      ownerOrgId: string;
      ownerPath: string;
      stage: string;
      subject: string;
      indicators: unknown;
      updatedBy: string;
    }) {
      await db
        .insertInto('exam_indicator_systems')
        .values({
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          stage: w.stage,
          subject: w.subject,
          indicators: JSON.stringify(w.indicators),
          updated_by: w.updatedBy,
        })
        .onConflict((oc) =>
          oc.columns(['owner_org_id', 'stage', 'subject']).doUpdateSet({
            indicators: JSON.stringify(w.indicators),
            updated_by: w.updatedBy,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },
  };
}
