import type { CodeTables } from '@yanxun/contracts';
import { CODE_TABLES } from '@yanxun/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

/** The API's names for core's code tables. */
const API_NAMES: Record<string, string> = {
  backboneLevels: 'backbone',
  roles: 'rolesHeld',
  employmentStatuses: 'statuses',
};

/** The national code tables (学段, 学科, 职称 …) live in packages/core; they are mirrored into code_entries for SQL reports. */
export function createCodesService(deps: { db: Database }) {
  const tables: CodeTables = {};
  for (const [name, entries] of Object.entries(CODE_TABLES)) {
    tables[API_NAMES[name] ?? name] = entries.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn }));
  }
  return {
    all(): CodeTables {
      return tables;
    },
    async syncToDatabase(): Promise<void> {
      const rows = Object.entries(CODE_TABLES).flatMap(([table, entries]) =>
        entries.map((e, i) => ({ table, code: e.code, name: e.name, nameEn: e.nameEn, sort: i })),
      );
      await sql`
        INSERT INTO code_entries (table_name, code, name, name_en, sort)
        SELECT * FROM unnest(${rows.map((r) => r.table)}::text[], ${rows.map((r) => r.code)}::text[],
          ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameEn)}::text[], ${rows.map((r) => r.sort)}::int[])
        ON CONFLICT (table_name, code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, sort = excluded.sort`.execute(
        deps.db,
      );
    },
  };
}

export type CodesService = ReturnType<typeof createCodesService>;
