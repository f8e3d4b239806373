import {
  claimRulesOf,
  classOperationsOf,
  completionRulesOf,
  DEFAULT_IMPORT_DAY_MAX,
  HENAN_2021_PACK,
  hourRulesOf,
  kpiTargetsOf,
  type PolicyPack,
  xapiRulesOf,
} from '@yanxun/core';
import type { Database } from '../../../db/database';
import { createPacksRepository } from './packs.repository';

/** Packs that ship with Yanxun, written to policy_packs at boot (templates every region may use or clone). */
export const BUILTIN_PACKS: readonly PolicyPack[] = [HENAN_2021_PACK];

/**
 * a pack as the editor shows it — the optional sections a pack saved before them lacks (class
 * operations, completion, KPI targets, 学时) filled with the values that apply to it anyway (core's defaults), so
 * every number that governs a programme is visible with its rule ID and can be edited in a draft.
 */
export function packWithSectionDefaults(pack: PolicyPack): PolicyPack {
  return {
    ...pack,
    classOps: classOperationsOf(pack),
    completion: completionRulesOf(pack),
    kpiTargets: kpiTargetsOf(pack),
    hours: hoursWithDefaults(pack),
  };
}

/** The pack's 学时 rules with its optional parts (claims, xAPI, the import day limit) filled with core's defaults. */
function hoursWithDefaults(pack: PolicyPack): NonNullable<PolicyPack['hours']> {
  const hours = hourRulesOf(pack);
  return {
    ...hours,
    claims: claimRulesOf(hours),
    xapi: xapiRulesOf(hours),
    importDayMaxTenths: hours.importDayMaxTenths ?? DEFAULT_IMPORT_DAY_MAX,
  };
}

/** Idempotent: insert the built-in packs, or refresh them when the code changed them. Run at boot. */
export async function syncBuiltinPacks(db: Database): Promise<void> {
  await createPacksRepository(db).upsertBuiltinPacks(
    BUILTIN_PACKS.map((p) => ({
      id: p.id,
      regionOrgId: null,
      regionCode: p.regionCode,
      year: p.year,
      version: p.version,
      status: p.status,
      title: p.title,
      builtin: true,
      derivedFrom: null,
      body: p,
      createdBy: null,
    })),
  );
}
