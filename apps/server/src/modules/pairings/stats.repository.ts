/**
 * The per-region aggregates of the pairings statistics, each one statement grouped by the lead's region key
 * (`county_id`), over the pairings led in the given subtrees. A pairing is active in a school year when
 * from_year ≤ year ≤ to_year ('YYYY-YYYY' sorts as text); an activity is in it when held_on lies in [from, to].
 */
import { type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { PairingsTable } from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

export interface RegionActiveRow {
  county_id: string;
  dev_school: number;
  demo_school: number;
  studio_workshop: number;
  /** active pairings with no activity held in the school year */
  idle: number;
}

export interface RegionCountRow {
  county_id: string;
  n: number;
}

export interface RegionActivityRow extends RegionCountRow {
  participants: number;
}

export interface StatsWindow {
  roots: string[];
  schoolYear: string;
  from: string;
  to: string;
}

export function createPairingStatsRepository(db: Database) {
  const active = (w: StatsWindow) =>
    db
      .selectFrom('pairings as p')
      .where('p.from_year', '<=', w.schoolYear)
      .where('p.to_year', '>=', w.schoolYear)
      .where((eb) => inSubtrees(eb, 'p.org_path', w.roots));

  return {
    /** Active pairings by kind per region, and those with no activity held in the window. */
    async activeByRegion(w: StatsWindow): Promise<RegionActiveRow[]> {
      if (w.roots.length === 0) return [];
      const rows = await active(w)
        .select((eb) => [
          'p.county_id',
          eb.fn.countAll<string>().filterWhere('p.kind', '=', 'dev_school').as('dev_school'),
          eb.fn.countAll<string>().filterWhere('p.kind', '=', 'demo_school').as('demo_school'),
          eb.fn.countAll<string>().filterWhere('p.kind', '=', 'studio_workshop').as('studio_workshop'),
          eb.fn
            .countAll<string>()
            .filterWhere((f) =>
              f.not(
                f.exists(
                  f
                    .selectFrom('pairing_activities as a')
                    .select(sql.lit(1).as('one'))
                    .whereRef('a.county_id', '=', 'p.county_id')
                    .whereRef('a.pairing_id', '=', 'p.id')
                    .where('a.held_on', '>=', w.from)
                    .where('a.held_on', '<=', w.to),
                ),
              ),
            )
            .as('idle'),
        ])
        .groupBy('p.county_id')
        .execute();
      return rows.map((r) => ({
        county_id: r.county_id,
        dev_school: Number(r.dev_school),
        demo_school: Number(r.demo_school),
        studio_workshop: Number(r.studio_workshop),
        idle: Number(r.idle),
      }));
    },

    /** Distinct partners of the active pairings per region: schools and workshops (ids of two kinds) apart. */
    async partnersByRegion(w: StatsWindow): Promise<RegionCountRow[]> {
      if (w.roots.length === 0) return [];
      const rows = await active(w)
        .innerJoin('pairing_partners as pp', (j) =>
          j.onRef('pp.county_id', '=', 'p.county_id').onRef('pp.pairing_id', '=', 'p.id'),
        )
        .select([
          'p.county_id',
          sql<string>`count(DISTINCT (p.kind = 'studio_workshop', pp.partner_id))`.as('n'),
        ])
        .groupBy('p.county_id')
        .execute();
      return rows.map((r) => ({ county_id: r.county_id, n: Number(r.n) }));
    },

    /** Joint activities held in the window per region (of any pairing led there), and their participants. */
    async activitiesByRegion(w: StatsWindow): Promise<RegionActivityRow[]> {
      if (w.roots.length === 0) return [];
      const rows = await db
        .selectFrom('pairing_activities as a')
        .innerJoin('pairings as p', (j) =>
          j.onRef('p.county_id', '=', 'a.county_id').onRef('p.id', '=', 'a.pairing_id'),
        )
        .where((eb) => inSubtrees(eb, 'p.org_path', w.roots))
        .where('a.held_on', '>=', w.from)
        .where('a.held_on', '<=', w.to)
        .select((eb) => [
          'p.county_id',
          eb.fn.countAll<string>().as('n'),
          eb.fn.sum<string>('a.participants').as('participants'),
        ])
        .groupBy('p.county_id')
        .execute();
      return rows.map((r) => ({
        county_id: r.county_id,
        n: Number(r.n),
        participants: Number(r.participants),
      }));
    },

    /** The active pairings themselves, for their findings (computed as the list computes them). */
    activePairings(w: StatsWindow): Promise<Selectable<PairingsTable>[]> {
      if (w.roots.length === 0) return Promise.resolve([]);
      return active(w).selectAll('p').orderBy('p.id').execute();
    },
  };
}
