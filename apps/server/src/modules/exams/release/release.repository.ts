/**
 * Data access of exam releases (exam_releases): the published public summary, the release to parents, and the
 * deployment's key of the access codes.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { appSecret } from '../../../db/app-secrets';
import type { Database } from '../../../db/database';
import type { DB } from '../../../db/types';

export type ReleaseRow = Pick<
  Selectable<DB['exam_releases']>,
  'exam_id' | 'public_summary' | 'public_version' | 'public_at' | 'parents_at'
>;

/** A published summary with its exam; `region` is the owner's name, `public_at` is set once published. */
export type PublicExamRow = Pick<
  Selectable<DB['exams']>,
  'id' | 'name' | 'semester' | 'stage' | 'subject' | 'grade' | 'kind' | 'exam_date'
> &
  Pick<Selectable<DB['exam_releases']>, 'public_summary'> & { region: string; public_at: Date };

export function createReleaseRepository(db: Database) {
  return {
    /** The deployment's key `name` (app_secrets), made on first use. */
    secret(name: string): Promise<Buffer> {
      return appSecret(db, name);
    },

    async examForRelease(id: string) {
      return db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(['e.id', 'e.owner_path', 'e.owner_org_id', 'e.data_version', 'o.kind as owner_kind'])
        .where('e.id', '=', id)
        .executeTakeFirst();
    },

    async findRelease(examId: string): Promise<ReleaseRow | undefined> {
      return db
        .selectFrom('exam_releases')
        .select(['exam_id', 'public_summary', 'public_version', 'public_at', 'parents_at'])
        .where('exam_id', '=', examId)
        .executeTakeFirst();
    },

    async setPublic(
      examId: string,
      summary: unknown | null,
      version: number | null,
      by: string,
      trx: Database = db,
    ): Promise<void> {
      const on = summary !== null;
      await trx
        .insertInto('exam_releases')
        .values({
          exam_id: examId,
          public_summary: on ? JSON.stringify(summary) : null,
          public_version: version,
          public_at: on ? sql<Date>`now()` : null,
          public_by: on ? by : null,
        })
        .onConflict((oc) =>
          oc.column('exam_id').doUpdateSet({
            public_summary: on ? JSON.stringify(summary) : null,
            public_version: version,
            public_at: on ? sql<Date>`now()` : null,
            public_by: on ? by : null,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },

    async setParents(examId: string, on: boolean, by: string, trx: Database = db): Promise<void> {
      await trx
        .insertInto('exam_releases')
        .values({ exam_id: examId, parents_at: on ? sql<Date>`now()` : null, parents_by: on ? by : null })
        .onConflict((oc) =>
          oc.column('exam_id').doUpdateSet({
            parents_at: on ? sql<Date>`now()` : null,
            parents_by: on ? by : null,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },

    /** Published summaries, newest first; the region is the exam owner's name (a bureau, never a school). */
    async listPublic(limit: number, examId?: string): Promise<PublicExamRow[]> {
      let q = db
        .selectFrom('exam_releases as r')
        .innerJoin('exams as e', 'e.id', 'r.exam_id')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select([
          'e.id',
          'e.name',
          'e.semester',
          'e.stage',
          'e.subject',
          'e.grade',
          'e.kind',
          'e.exam_date',
          'o.name as region',
          'r.public_summary',
          'r.public_at',
        ])
        .where('r.public_summary', 'is not', null)
        .where('o.kind', '!=', 'school');
      if (examId) q = q.where('e.id', '=', examId);
      return (await q
        .orderBy('r.public_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .execute()) as PublicExamRow[];
    },
  };
}
