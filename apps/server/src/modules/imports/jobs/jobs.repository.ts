import type { ImportRowError } from '@yanxun/contracts';
import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { ImportJobsTable } from '../../../db/types';

export type ImportJobRow = Selectable<ImportJobsTable>;

export type JobPatch = Partial<Omit<ImportJobRow, 'id' | 'kind' | 'file_name' | 'account_id' | 'created_at'>>;

export function createImportsRepository(db: Database) {
  return {
    async create(kind: string, fileName: string, accountId: string): Promise<ImportJobRow> {
      return db
        .insertInto('import_jobs')
        .values({ kind, file_name: fileName, status: 'queued', account_id: accountId })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async update(id: string, patch: JobPatch, trx: Database = db): Promise<void> {
      await trx.updateTable('import_jobs').set(patch).where('id', '=', id).execute();
    },

    find(id: string): Promise<ImportJobRow | undefined> {
      return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async listFor(
      accountId: string,
      offset: number,
      limit: number,
    ): Promise<{ rows: ImportJobRow[]; total: number }> {
      const [rows, total] = await Promise.all([
        db
          .selectFrom('import_jobs')
          .selectAll()
          .where('account_id', '=', accountId)
          .orderBy('id', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        db
          .selectFrom('import_jobs')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    async saveErrors(jobId: string, errors: ImportRowError[]): Promise<void> {
      for (let i = 0; i < errors.length; i += 5000) {
        const part = errors.slice(i, i + 5000);
        await sql`INSERT INTO import_errors (job_id, seq, row_number, column_name, value, rule, message)
          SELECT ${jobId}::bigint, s, r, c, v, ru, m FROM unnest(
            ${part.map((_, k) => i + k)}::int[], ${part.map((e) => e.row)}::int[], ${part.map((e) => e.column)}::text[],
            ${part.map((e) => e.value)}::text[], ${part.map((e) => e.rule)}::text[], ${part.map((e) => e.message)}::text[])
          AS u(s, r, c, v, ru, m)`.execute(db);
      }
    },

    async errors(
      jobId: string,
      offset: number,
      limit: number,
    ): Promise<{ rows: ImportRowError[]; total: number }> {
      const [rows, total] = await Promise.all([
        db
          .selectFrom('import_errors')
          .select(['row_number as row', 'column_name as column', 'value', 'rule', 'message'])
          .where('job_id', '=', jobId)
          .orderBy('seq')
          .offset(offset)
          .limit(limit)
          .execute(),
        db
          .selectFrom('import_errors')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('job_id', '=', jobId)
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** Jobs a stopped server left half-way: their rows lived in that process's memory, and a commit in flight rolled back. */
    async failInterrupted(message: string): Promise<number> {
      const rows = await db
        .updateTable('import_jobs')
        .set({
          status: 'failed',
          error_code: 'IMPORT_NOT_READY',
          error_message: message,
          finished_at: new Date(),
        })
        .where('status', 'in', ['queued', 'validating', 'validated', 'committing'])
        .returning('id')
        .execute();
      return rows.length;
    },

    /** Serialise commits of imports (one at a time per deployment), released at the end of the transaction. */
    async lockImports(trx: Database): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(74210001)`.execute(trx);
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
