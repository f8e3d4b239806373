/**
 * The SQL of 学校教师培训经费 (R3-B09) over its own table, school_training_budgets (migration 0033). Amounts come back
 * as numbers of fen (bigint in the table, safe far below 2^53). Each write takes the caller's transaction.
 */
import type { Database } from '../../db/database';
import { inSubtrees } from '../../shared/subtree';

export interface TrainingBudgetRow {
  county_id: string;
  school_id: string;
  year: number;
  org_path: string;
  public_funds_fen: number;
  budget_fen: number;
  used_fen: number;
  note: string | null;
  updated_at: Date;
}

/** A record as written: the row's values, with who wrote it and when (the row's updated_at). */
export type TrainingBudgetWrite = Omit<TrainingBudgetRow, 'updated_at'> & { by: string | null; at: Date };

const COLUMNS = [
  'county_id',
  'school_id',
  'year',
  'org_path',
  'public_funds_fen',
  'budget_fen',
  'used_fen',
  'note',
  'updated_at',
] as const;

type Raw = Omit<TrainingBudgetRow, 'public_funds_fen' | 'budget_fen' | 'used_fen'> & {
  public_funds_fen: string;
  budget_fen: string;
  used_fen: string;
};

const toRow = (r: Raw): TrainingBudgetRow => ({
  ...r,
  public_funds_fen: Number(r.public_funds_fen),
  budget_fen: Number(r.budget_fen),
  used_fen: Number(r.used_fen),
});

export function createTrainingBudgetsRepository(db: Database) {
  return {
    /** One school's record of a year; `forUpdate` locks it inside the caller's transaction. */
    async budgetOf(
      countyId: string,
      schoolId: string,
      year: number,
      trx: Database = db,
      forUpdate = false,
    ): Promise<TrainingBudgetRow | undefined> {
      let q = trx
        .selectFrom('school_training_budgets')
        .select(COLUMNS)
        .where('county_id', '=', countyId)
        .where('school_id', '=', schoolId)
        .where('year', '=', year);
      if (forUpdate) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r ? toRow(r) : undefined;
    },

    /** The records of a year under these subtrees, by path. */
    async budgetsUnder(roots: string[], year: number): Promise<TrainingBudgetRow[]> {
      if (roots.length === 0) return [];
      const rows = await db
        .selectFrom('school_training_budgets')
        .select(COLUMNS)
        .where('year', '=', year)
        .where((eb) => inSubtrees(eb, 'org_path', roots))
        .orderBy('org_path')
        .orderBy('school_id')
        .execute();
      return rows.map(toRow);
    },

    /** Enter the year's record, or correct it (the first entry's who and when are kept). */
    async upsert(w: TrainingBudgetWrite, trx: Database): Promise<void> {
      await trx
        .insertInto('school_training_budgets')
        .values({
          county_id: w.county_id,
          school_id: w.school_id,
          year: w.year,
          org_path: w.org_path,
          public_funds_fen: w.public_funds_fen,
          budget_fen: w.budget_fen,
          used_fen: w.used_fen,
          note: w.note,
          entered_by: w.by,
          entered_at: w.at,
          updated_by: w.by,
          updated_at: w.at,
        })
        .onConflict((oc) =>
          oc.columns(['county_id', 'school_id', 'year']).doUpdateSet({
            org_path: w.org_path,
            public_funds_fen: w.public_funds_fen,
            budget_fen: w.budget_fen,
            used_fen: w.used_fen,
            note: w.note,
            updated_by: w.by,
            updated_at: w.at,
          }),
        )
        .execute();
    },
  };
}

export type TrainingBudgetsRepository = ReturnType<typeof createTrainingBudgetsRepository>;
