/** The national code tables (学段, 学科, 职称 …) live in packages/core; they are mirrored into code_entries for SQL reports. */
import type { CodeTables } from '@yanxun/contracts';
import { CODE_TABLES } from '@yanxun/core';
import type { CodesRepository } from './codes.repository';

/** The API's names for core's code tables. */
const API_NAMES: Record<string, string> = {
  backboneLevels: 'backbone',
  roles: 'rolesHeld',
  employmentStatuses: 'statuses',
};

/** Core's code tables under the API's names, built once. */
export function codeTablesForApi(): CodeTables {
  const tables: CodeTables = {};
  for (const [name, entries] of Object.entries(CODE_TABLES)) {
    tables[API_NAMES[name] ?? name] = entries.map((e) => ({ code: e.code, name: e.name, nameEn: e.nameEn }));
  }
  return tables;
}

/** Write every entry of core's code tables to code_entries (new ones inserted, changed ones updated). */
export async function syncCodeEntries(repo: CodesRepository): Promise<void> {
  const rows = Object.entries(CODE_TABLES).flatMap(([table, entries]) =>
    entries.map((e, i) => ({ table, code: e.code, name: e.name, nameEn: e.nameEn, sort: i })),
  );
  await repo.upsertCodeEntries(rows);
}
