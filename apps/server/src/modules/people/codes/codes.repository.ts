import type { Database } from '../../../db/database';

/** One entry of a code table, as mirrored into code_entries. */
export interface CodeEntryWrite {
  table: string;
  code: string;
  name: string;
  nameEn: string;
  sort: number;
}

/** The mirror of core's code tables in code_entries, which SQL reports join to for names. */
export function createCodesRepository(db: Database) {
  return {
    /** Insert the entries, or update the name, English name and order of those already there. */
    async upsertCodeEntries(rows: CodeEntryWrite[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('code_entries')
        .values(
          rows.map((r) => ({
            table_name: r.table,
            code: r.code,
            name: r.name,
            name_en: r.nameEn,
            sort: r.sort,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['table_name', 'code']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            name_en: eb.ref('excluded.name_en'),
            sort: eb.ref('excluded.sort'),
          })),
        )
        .execute();
    },
  };
}

export type CodesRepository = ReturnType<typeof createCodesRepository>;
