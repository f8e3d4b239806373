/** Inserting an org tree (the demo region's, or the real administrative tree of `yanxun region load`). */
import { lookupCode, pinyinKey } from '@yanxun/core';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { DemoOrg } from './generate-region';

export interface LoadedOrg extends DemoOrg {
  id: string;
  path: string;
  depth: number;
  countyId: string | null;
  /** county, else city, else province: the region key of rows that belong here */
  regionKey: string;
}

/** The code of a value of one of the code tables; null for no value, an error for an unknown one. */
export function demoCode(table: Parameters<typeof lookupCode>[0], value: string | null): string | null {
  if (value === null || value === '') return null;
  const entry = lookupCode(table, value);
  if (!entry) throw new Error(`demo data uses an unknown ${table} value: ${value}`);
  return entry.code;
}

/** Insert an org tree given parent-before-child, allocating ids and materialized paths. */
export async function insertOrgTree(db: Database, orgs: DemoOrg[]): Promise<LoadedOrg[]> {
  const ids = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::text AS id
    FROM generate_series(1, ${orgs.length})`.execute(db);
  const byKey = new Map<string, LoadedOrg>();
  const loaded: LoadedOrg[] = [];
  orgs.forEach((o, i) => {
    const id = ids.rows[i]?.id;
    if (!id) throw new Error('id allocation failed');
    const parent = o.parentKey ? byKey.get(o.parentKey) : undefined;
    if (o.parentKey && !parent) throw new Error(`demo org ${o.key} comes before its parent ${o.parentKey}`);
    const l: LoadedOrg = {
      ...o,
      id,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      countyId: o.kind === 'county' ? id : (parent?.countyId ?? null),
      regionKey: '',
    };
    l.regionKey = l.countyId ?? (o.kind === 'city' || o.kind === 'province' ? id : (parent?.regionKey ?? id));
    byKey.set(o.key, l);
    loaded.push(l);
  });
  const ancestorOfKind = (o: LoadedOrg, kind: string) =>
    loaded.find((a) => a.kind === kind && o.path.startsWith(a.path))?.id ?? null;
  const provinceIds = new Map(loaded.map((o) => [o.id, ancestorOfKind(o, 'province')]));
  const cityIds = new Map(loaded.map((o) => [o.id, ancestorOfKind(o, 'city')]));
  for (let i = 0; i < loaded.length; i += 5000) {
    const part = loaded.slice(i, i + 5000);
    const col = <T>(f: (o: LoadedOrg) => T) => part.map(f);
    await sql`INSERT INTO orgs (id, parent_id, path, depth, kind, code, name, name_pinyin, province_id, city_id, county_id,
        stages, school_type, location_type, group_name)
      SELECT u.id, u.parent_id, u.path, u.depth, u.kind, u.code, u.name, u.name_pinyin, u.province_id, u.city_id, u.county_id,
        CASE WHEN u.stages = '' THEN '{}'::text[] ELSE string_to_array(u.stages, ',') END, u.school_type, u.location_type, u.group_name
      FROM unnest(${col((o) => o.id)}::bigint[], ${col((o) => (o.parentKey ? (byKey.get(o.parentKey)?.id ?? null) : null))}::bigint[],
        ${col((o) => o.path)}::text[], ${col((o) => o.depth)}::smallint[], ${col((o) => o.kind)}::text[], ${col((o) => o.code)}::text[],
        ${col((o) => o.name)}::text[], ${col((o) => pinyinKey(o.name))}::text[], ${col((o) => provinceIds.get(o.id) ?? null)}::bigint[],
        ${col((o) => cityIds.get(o.id) ?? null)}::bigint[], ${col((o) => o.countyId)}::bigint[],
        ${col((o) => (o.stages ?? []).map((s) => demoCode('stages', s)).join(','))}::text[],
        ${col((o) => demoCode('schoolTypes', o.schoolType ?? null))}::text[], ${col((o) => o.locationType ?? null)}::text[],
        ${col((o) => o.groupName ?? null)}::text[])
      AS u(id, parent_id, path, depth, kind, code, name, name_pinyin, province_id, city_id, county_id, stages, school_type,
        location_type, group_name)`.execute(db);
  }
  return loaded;
}
