/**
 * The evaluation module's wiring, beside services.ts (which stays a page of composition): orgs and communities as
 * subjects, raters' accounts from the auth module, evidence in the files store, and the live metrics read from the
 * programmes (R3-B03's selection-quality counts) and the communities' monthly review counts. Every port is
 * composed over the offering module's repository here, so the evaluation module never receives one.
 */
import { PROJECT_COUNTY_DEDUCTION } from '@yanxun/core';
import type { Database } from './db/database';
import type { AuditService } from './modules/audit';
import type { AuthRepository } from './modules/auth';
import { createCommunitiesRepository } from './modules/communities';
import {
  createEvaluationRepository,
  createEvaluationService,
  createMetricsRegistry,
  type SelectionCounts,
} from './modules/evaluation';
import type { FilesService } from './modules/files';
import type { OrgRepository } from './modules/org';
import type { ProgramsRepository } from './modules/programs';

export function createEvaluationWiring(deps: {
  db: Database;
  orgRepo: OrgRepository;
  authRepo: AuthRepository;
  programsRepo: ProgramsRepository;
  files: FilesService;
  audit: AuditService;
  clock?: (() => Date) | undefined;
}) {
  const { db, orgRepo, authRepo, programsRepo } = deps;
  const communities = createCommunitiesRepository(db);
  return createEvaluationService({
    db,
    repo: createEvaluationRepository(db),
    orgs: { findById: (id) => orgRepo.findById(id), findByIds: (ids) => orgRepo.findByIds(ids) },
    communities: {
      cardsOf: async (ids) => {
        const rows = await Promise.all(ids.map((id) => communities.findCommunity(id)));
        return rows.flatMap((c) =>
          c
            ? [
                {
                  id: c.id,
                  name: c.name,
                  kind: c.kind === 'workshop' ? ('workshop' as const) : ('studio' as const),
                  orgPath: c.org_path,
                },
              ]
            : [],
        );
      },
    },
    accounts: {
      byUsername: async (username) => {
        const a = await authRepo.findAccountByUsername(username);
        if (!a || a.disabled) return undefined;
        return {
          id: a.id,
          displayName: a.display_name,
          grants: (await authRepo.grantsOf(a.id)).map((g) => ({ role: g.role, orgPath: g.path })),
        };
      },
      namesOf: async (ids) => {
        const rows = await Promise.all(ids.map((id) => authRepo.findAccountById(id)));
        return new Map(rows.flatMap((a) => (a ? [[a.id, a.display_name] as const] : [])));
      },
    },
    files: deps.files,
    metrics: createMetricsRegistry({
      selectionCounts: (county, year) => countySelectionCounts(programsRepo, db, county, year),
      communityActivities: async (id, from, to) => {
        const c = await communities.findCommunity(id);
        const row = c && (await communities.reviewCounts([c.org_path], from, to)).find((r) => r.id === id);
        return { planned: row?.planned ?? 0, held: row?.held ?? 0 };
      },
    }),
    audit: deps.audit,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
}

/**
 * R3-B03's person-times of a county over the year's programmes that reach it from above (owned by its city, province …), as
 * the selection-quality report of each programme counts them at the county level: 少报 = seats − selected (not
 * below 0), 缺培 = standing no-shows, 未结业 = not completed or dismissed, 不符合遴选条件 = selected without
 * eligibility (and overrides when the rules count them).
 */
export async function countySelectionCounts(
  repo: ProgramsRepository,
  db: Database,
  county: { id: string; path: string },
  year: number,
): Promise<SelectionCounts> {
  const { rows } = await repo.listProgrammes({ roots: [county.path], year, offset: 0, limit: 1000 });
  const sum: SelectionCounts = { programmes: 0, underReported: 0, missed: 0, notCompleted: 0, ineligible: 0 };
  const rules = PROJECT_COUNTY_DEDUCTION;
  // the county's own programmes (县培) have no project-county row on the KPI pages: it runs them, it is not sent to them
  for (const p of rows.filter((r) => !r.owner_path.startsWith(county.path))) {
    const [counts, quotas] = await Promise.all([
      repo.qualityCounts(p.id, [county]),
      repo.quotasOfOrgs(p.id, [county.id], db),
    ]);
    const c = counts[0];
    const seats = quotas.find((q) => q.org_id === county.id)?.seats ?? null;
    const selected = c?.selected ?? 0;
    sum.programmes += 1;
    sum.underReported += Math.max(0, (seats ?? 0) - selected);
    sum.missed += c?.no_shows ?? 0;
    sum.notCompleted += c?.not_completed ?? 0;
    sum.ineligible +=
      (c?.ineligible_selected ?? 0) + (rules.overridesCountAsIneligible.value ? (c?.overridden ?? 0) : 0);
  }
  return sum;
}
