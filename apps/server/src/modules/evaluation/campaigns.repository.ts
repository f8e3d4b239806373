/** `evaluation_rubrics`, `evaluation_campaigns`, `evaluation_subjects`: this module's own tables only. */
import type { Expression, ExpressionBuilder, Insertable, Selectable, SqlBool, Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type {
  DB,
  EvaluationCampaignsTable,
  EvaluationRubricsTable,
  EvaluationSubjectsTable,
} from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

export type RubricRow = Selectable<EvaluationRubricsTable>;
export type CampaignRow = Selectable<EvaluationCampaignsTable>;
export type SubjectRow = Selectable<EvaluationSubjectsTable>;

type RubricsWhere = (eb: ExpressionBuilder<DB & { r: EvaluationRubricsTable }, 'r'>) => Expression<SqlBool>;

export function createCampaignsRepository(db: Database) {
  /** The newest version of every rubric `where` admits, newest first (at most 500). */
  const newestRubrics = (where: RubricsWhere): Promise<RubricRow[]> =>
    db
      .selectFrom('evaluation_rubrics as r')
      .selectAll('r')
      .where(where)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('evaluation_rubrics as n')
              .select('n.id')
              .whereRef('n.county_id', '=', 'r.county_id')
              .whereRef('n.rubric_id', '=', 'r.rubric_id')
              .whereRef('n.version', '>', 'r.version'),
          ),
        ),
      )
      .orderBy('r.created_at', 'desc')
      .limit(500)
      .execute();
  return {
    async insertRubric(
      row: Omit<Insertable<EvaluationRubricsTable>, 'rubric_id'> & { rubric_id?: string },
      trx: Database,
    ) {
      const r = await trx
        .insertInto('evaluation_rubrics')
        .values({ ...row, rubric_id: row.rubric_id ?? 0 })
        .returning(['county_id', 'id', 'rubric_id'])
        .executeTakeFirstOrThrow();
      // a new rubric is known by its first version's id
      if (row.rubric_id === undefined)
        await trx
          .updateTable('evaluation_rubrics')
          .set({ rubric_id: r.id })
          .where('county_id', '=', r.county_id)
          .where('id', '=', r.id)
          .execute();
      return r.id;
    },

    findRubric(id: string, trx: Database = db): Promise<RubricRow | undefined> {
      return trx.selectFrom('evaluation_rubrics').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findRubricVersion(rubricId: string, version: number): Promise<RubricRow | undefined> {
      return db
        .selectFrom('evaluation_rubrics')
        .selectAll()
        .where('rubric_id', '=', rubricId)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    /** Every version of one rubric, newest first. */
    listRubricVersions(countyId: string, rubricId: string): Promise<RubricRow[]> {
      return db
        .selectFrom('evaluation_rubrics')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('rubric_id', '=', rubricId)
        .orderBy('version', 'desc')
        .limit(500)
        .execute();
    },

    async maxVersion(countyId: string, rubricId: string, trx: Database): Promise<number> {
      const r = await trx
        .selectFrom('evaluation_rubrics')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('county_id', '=', countyId)
        .where('rubric_id', '=', rubricId)
        .executeTakeFirst();
      return Number(r?.v ?? 0);
    },

    /** The newest version of every rubric owned inside the roots. */
    listRubrics(roots: string[]): Promise<RubricRow[]> {
      if (roots.length === 0) return Promise.resolve([]);
      return newestRubrics((eb) => inSubtrees(eb, 'r.org_path', roots));
    },

    /** The newest version of every rubric owned exactly at these nodes. */
    listRubricsAt(paths: string[]): Promise<RubricRow[]> {
      if (paths.length === 0) return Promise.resolve([]);
      return newestRubrics((eb) => eb('r.org_path', 'in', paths));
    },

    async insertCampaign(row: Insertable<EvaluationCampaignsTable>, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('evaluation_campaigns')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    findCampaign(id: string, trx: Database = db): Promise<CampaignRow | undefined> {
      return trx.selectFrom('evaluation_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The campaign's row locked for a step (status changes, appeals against the window). */
    lockCampaign(c: CampaignRow, trx: Database): Promise<CampaignRow | undefined> {
      return trx
        .selectFrom('evaluation_campaigns')
        .selectAll()
        .where('county_id', '=', c.county_id)
        .where('id', '=', c.id)
        .forUpdate()
        .executeTakeFirst();
    },

    findCampaigns(ids: string[]): Promise<CampaignRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('evaluation_campaigns').selectAll().where('id', 'in', ids).execute();
    },

    listCampaigns(roots: string[]): Promise<(CampaignRow & { subject_count: number })[]> {
      if (roots.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('evaluation_campaigns as c')
        .selectAll('c')
        .select((eb) =>
          eb
            .selectFrom('evaluation_subjects as s')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('s.county_id', '=', 'c.county_id')
            .whereRef('s.campaign_id', '=', 'c.id')
            .as('subject_count'),
        )
        .where((eb) => inSubtrees(eb, 'c.org_path', roots))
        .orderBy('c.year', 'desc')
        .orderBy('c.id', 'desc')
        .limit(500)
        .execute() as Promise<(CampaignRow & { subject_count: number })[]>;
    },

    async updateCampaign(c: CampaignRow, set: Updateable<EvaluationCampaignsTable>, trx: Database) {
      await trx
        .updateTable('evaluation_campaigns')
        .set(set)
        .where('county_id', '=', c.county_id)
        .where('id', '=', c.id)
        .execute();
    },

    async insertSubjects(rows: Insertable<EvaluationSubjectsTable>[], trx: Database): Promise<void> {
      if (rows.length > 0) await trx.insertInto('evaluation_subjects').values(rows).execute();
    },

    subjectsOf(c: Pick<CampaignRow, 'county_id' | 'id'>, trx: Database = db): Promise<SubjectRow[]> {
      return trx
        .selectFrom('evaluation_subjects')
        .selectAll()
        .where('county_id', '=', c.county_id)
        .where('campaign_id', '=', c.id)
        .orderBy('org_path')
        .orderBy('id')
        .execute();
    },

    findSubject(id: string, trx: Database = db): Promise<SubjectRow | undefined> {
      return trx.selectFrom('evaluation_subjects').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findSubjects(ids: string[]): Promise<SubjectRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('evaluation_subjects').selectAll().where('id', 'in', ids).execute();
    },

    /** Subjects whose own unit is one of these org nodes (the subject's users). */
    subjectsAt(paths: string[]): Promise<SubjectRow[]> {
      if (paths.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('evaluation_subjects')
        .selectAll()
        .where('org_path', 'in', paths)
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
    },

    async updateSubject(s: SubjectRow, set: Updateable<EvaluationSubjectsTable>, trx: Database) {
      await trx
        .updateTable('evaluation_subjects')
        .set(set)
        .where('county_id', '=', s.county_id)
        .where('id', '=', s.id)
        .execute();
    },

    lockSubject(s: SubjectRow, trx: Database): Promise<SubjectRow | undefined> {
      return trx
        .selectFrom('evaluation_subjects')
        .selectAll()
        .where('county_id', '=', s.county_id)
        .where('id', '=', s.id)
        .forUpdate()
        .executeTakeFirst();
    },
  };
}
