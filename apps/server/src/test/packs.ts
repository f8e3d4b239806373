import { HENAN_2021_PACK, type PolicyPack } from '@yanxun/core';
import type { Database } from '../db/database';
import type { OrgRow } from '../modules/org';
import { createProgramsRepository } from '../modules/programs';

let seq = 0;

/**
 * A region's own pack for a test: the built-in pack's body with `sections` replaced, stored as the region's
 * (published unless told otherwise). Returns whether it was stored (false: the same id was there already).
 */
export async function insertRegionPack(
  db: Database,
  region: OrgRow,
  year: number,
  sections: Partial<PolicyPack>,
  opts: { status?: 'draft' | 'published'; version?: number } = {},
): Promise<boolean> {
  const status = opts.status ?? 'published';
  const id = `test-pack-${region.id}-${year}-${++seq}`;
  const body: PolicyPack = { ...HENAN_2021_PACK, id, year, status, ...sections };
  return createProgramsRepository(db).insertPack(
    {
      id,
      regionOrgId: region.id,
      regionCode: region.code ?? '',
      year,
      version: opts.version ?? 1,
      status,
      title: `${region.name} ${year} 年测试政策包 ${seq}`,
      builtin: false,
      derivedFrom: null,
      body,
      createdBy: null,
    },
    db,
  );
}
