/** The org row every query of the module returns, its columns, and the region key of rows under a node. */
import type { Selectable } from 'kysely';
import type { OrgsTable } from '../../db/types';

export type OrgRow = Omit<Selectable<OrgsTable>, 'name_pinyin' | 'created_at' | 'updated_at'>;

export interface OrgCounts {
  teacher_count: number;
  school_count: number;
  child_count: number;
}

export const ORG_COLUMNS = [
  'o.id',
  'o.parent_id',
  'o.path',
  'o.depth',
  'o.kind',
  'o.code',
  'o.name',
  'o.province_id',
  'o.city_id',
  'o.county_id',
  'o.stages',
  'o.school_type',
  'o.location_type',
  'o.group_name',
] as const;

/**
 * The region key of rows that belong to an org node (teachers, postings): its county, or for a city- or
 * province-level unit (a 市教师发展中心) its city or province. Citus distributes those tables by it.
 */
export function regionKeyOf(
  o: Pick<OrgRow, 'id' | 'kind' | 'county_id' | 'city_id' | 'province_id'>,
): string {
  if (o.kind === 'county') return o.id;
  return o.county_id ?? o.city_id ?? o.province_id ?? o.id;
}
