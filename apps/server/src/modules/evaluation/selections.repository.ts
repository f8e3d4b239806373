/**
 * `evaluation_selections`, `evaluation_selection_candidates`, `evaluation_honours` (migration 0031; revocation 0032)
 * only.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type {
  EvaluationHonoursTable,
  EvaluationSelectionCandidatesTable,
  EvaluationSelectionsTable,
} from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

export type SelectionRow = Selectable<EvaluationSelectionsTable>;
export type CandidateRow = Selectable<EvaluationSelectionCandidatesTable>;
export type HonourRow = Selectable<EvaluationHonoursTable>;

export function createSelectionsRepository(db: Database) {
  return {
    async insertSelection(row: Insertable<EvaluationSelectionsTable>, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('evaluation_selections')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    findSelection(id: string, trx: Database = db): Promise<SelectionRow | undefined> {
      return trx.selectFrom('evaluation_selections').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The row locked for a step (publish, decisions), within the caller's transaction. */
    lockSelection(
      s: Pick<SelectionRow, 'county_id' | 'id'>,
      trx: Database,
    ): Promise<SelectionRow | undefined> {
      return trx
        .selectFrom('evaluation_selections')
        .selectAll()
        .where('county_id', '=', s.county_id)
        .where('id', '=', s.id)
        .forUpdate()
        .executeTakeFirst();
    },

    listSelections(roots: string[]): Promise<SelectionRow[]> {
      if (roots.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('evaluation_selections')
        .selectAll()
        .where((eb) => inSubtrees(eb, 'org_path', roots))
        .orderBy('year', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
    },

    async publishSelection(s: SelectionRow, by: string, at: Date, trx: Database): Promise<void> {
      await trx
        .updateTable('evaluation_selections')
        .set({ status: 'published', published_by: by, published_at: at, updated_at: at })
        .where('county_id', '=', s.county_id)
        .where('id', '=', s.id)
        .execute();
    },

    async insertCandidates(rows: Insertable<EvaluationSelectionCandidatesTable>[], trx: Database) {
      if (rows.length > 0) await trx.insertInto('evaluation_selection_candidates').values(rows).execute();
    },

    candidatesOf(s: Pick<SelectionRow, 'county_id' | 'id'>, trx: Database = db): Promise<CandidateRow[]> {
      return trx
        .selectFrom('evaluation_selection_candidates')
        .selectAll()
        .where('county_id', '=', s.county_id)
        .where('selection_id', '=', s.id)
        .orderBy('rank')
        .orderBy('id')
        .execute();
    },

    /** Counts of candidates and selected ones per selection. */
    async countsOf(rows: SelectionRow[]): Promise<Map<string, { candidates: number; selected: number }>> {
      if (rows.length === 0) return new Map();
      const r = await db
        .selectFrom('evaluation_selection_candidates')
        .select((eb) => [
          'selection_id',
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('id').filterWhere('selected', '=', true).as('k'),
        ])
        .where('county_id', 'in', [...new Set(rows.map((s) => s.county_id))])
        .where(
          'selection_id',
          'in',
          rows.map((s) => s.id),
        )
        .groupBy('selection_id')
        .execute();
      return new Map(r.map((x) => [x.selection_id, { candidates: Number(x.n), selected: Number(x.k) }]));
    },

    async decide(
      countyId: string,
      candidateId: string,
      d: { selected: boolean; reason: string | null; by: string; at: Date },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('evaluation_selection_candidates')
        .set({ selected: d.selected, reason: d.reason, decided_by: d.by, decided_at: d.at })
        .where('county_id', '=', countyId)
        .where('id', '=', candidateId)
        .execute();
    },

    async insertHonours(rows: Insertable<EvaluationHonoursTable>[], trx: Database): Promise<void> {
      if (rows.length > 0) await trx.insertInto('evaluation_honours').values(rows).execute();
    },

    honoursOf(s: Pick<SelectionRow, 'county_id' | 'id'>, trx: Database = db): Promise<HonourRow[]> {
      return trx
        .selectFrom('evaluation_honours')
        .selectAll()
        .where('county_id', '=', s.county_id)
        .where('selection_id', '=', s.id)
        .orderBy('certificate_no')
        .execute();
    },

    /** An honour by its code alone (the public verification page; unique in practice across counties). */
    honourByCode(code: string): Promise<HonourRow | undefined> {
      return db.selectFrom('evaluation_honours').selectAll().where('code', '=', code).executeTakeFirst();
    },

    /** The standing honours held by these holders (a teacher, the communities a teacher was a member of). */
    honoursOfHolders(holders: { kind: 'teacher' | 'community' | 'org'; id: string }[]): Promise<HonourRow[]> {
      if (holders.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('evaluation_honours')
        .selectAll()
        .where((eb) =>
          eb.or(holders.map((h) => eb.and([eb('holder_kind', '=', h.kind), eb('holder_id', '=', h.id)]))),
        )
        .where('revoked_at', 'is', null)
        .orderBy('issued_on', 'desc')
        .orderBy('id')
        .execute();
    },

    /** Mark a standing honour revoked; false when it was revoked already (by another request). */
    async revokeHonour(
      h: Pick<HonourRow, 'county_id' | 'id'>,
      r: { by: string; at: Date; reason: string },
      trx: Database,
    ): Promise<boolean> {
      const res = await trx
        .updateTable('evaluation_honours')
        .set({ revoked_at: r.at, revoked_by: r.by, revoke_reason: r.reason })
        .where('county_id', '=', h.county_id)
        .where('id', '=', h.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /**
     * How many other standing honours of these categories the holder has for the year (any owner's selection): a
     * community's title stays while another award still grants it.
     */
    async otherStandingAwards(
      h: Pick<HonourRow, 'id' | 'holder_kind' | 'holder_id' | 'year'>,
      categories: string[],
    ): Promise<number> {
      const r = await db
        .selectFrom('evaluation_honours as h')
        .innerJoin('evaluation_selections as s', (j) =>
          j.onRef('s.county_id', '=', 'h.county_id').onRef('s.id', '=', 'h.selection_id'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('h.holder_kind', '=', h.holder_kind)
        .where('h.holder_id', '=', h.holder_id)
        .where('h.year', '=', h.year)
        .where('h.revoked_at', 'is', null)
        .where('h.id', '<>', h.id)
        .where('s.category', 'in', categories)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

export type SelectionsRepository = ReturnType<typeof createSelectionsRepository>;
