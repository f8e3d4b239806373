import type { Selectable } from 'kysely';
import type { Database } from '../../../db/database';
import type { ProgrammeSpendingTable } from '../../../db/types';

/** One spending entry of a programme, the amount in fen as a number. */
export type SpendingRow = Pick<
  Selectable<ProgrammeSpendingTable>,
  'id' | 'programme_id' | 'category' | 'spent_on' | 'note' | 'created_at'
> & { amount_fen: number };

export interface SpendingWrite {
  programmeId: string;
  category: string;
  amountFen: number;
  spentOn: string;
  note: string | null;
  createdBy: string;
}

/** A programme's spending (programme_spending): append-only, fen. */
export function createMoneyRepository(db: Database) {
  return {
    async spending(programmeId: string): Promise<SpendingRow[]> {
      const rows = await db
        .selectFrom('programme_spending')
        .select(['id', 'programme_id', 'category', 'amount_fen', 'spent_on', 'note', 'created_at'])
        .where('programme_id', '=', programmeId)
        .orderBy('spent_on')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
    },

    async insertSpending(w: SpendingWrite, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('programme_spending')
        .values({
          programme_id: w.programmeId,
          category: w.category,
          amount_fen: w.amountFen,
          spent_on: w.spentOn,
          note: w.note,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
  };
}
