/** `pairings`, `pairing_partners`, `pairing_activities`: this module's tables only. */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type { PairingActivitiesTable, PairingPartnersTable, PairingsTable } from '../../db/types';
import { inSubtrees } from '../../shared/subtree';
import { createPairingStatsRepository } from './stats.repository';

export type PairingRow = Selectable<PairingsTable>;
export type PartnerRow = Selectable<PairingPartnersTable>;
export type PairingActivityRow = Selectable<PairingActivitiesTable>;

export interface ActivityCountRow {
  pairing_id: string;
  n: number;
  last: string | null;
}

export function createPairingsRepository(db: Database) {
  return {
    ...createPairingStatsRepository(db),
    findPairing(id: string, trx: Database = db): Promise<PairingRow | undefined> {
      return trx.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Pairings led in the roots, or with a partner in them (a school sees the pairings that help it). */
    async listPairings(roots: string[], kind?: string): Promise<PairingRow[]> {
      if (roots.length === 0) return [];
      let q = db
        .selectFrom('pairings')
        .selectAll()
        .where((eb) =>
          eb.or([
            inSubtrees(eb, 'org_path', roots),
            eb(
              'id',
              'in',
              eb
                .selectFrom('pairing_partners as pp')
                .select('pp.pairing_id')
                .where((e) => inSubtrees(e, 'pp.partner_path', roots)),
            ),
          ]),
        );
      if (kind) q = q.where('kind', '=', kind);
      return q.orderBy('org_path').orderBy('from_year').orderBy('id').limit(2000).execute();
    },

    partnersOf(pairingIds: string[], trx: Database = db): Promise<PartnerRow[]> {
      if (pairingIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('pairing_partners')
        .selectAll()
        .where('pairing_id', 'in', pairingIds)
        .orderBy('added_at')
        .orderBy('partner_id')
        .execute();
    },

    async activityCounts(pairingIds: string[]): Promise<ActivityCountRow[]> {
      if (pairingIds.length === 0) return [];
      const rows = await db
        .selectFrom('pairing_activities')
        .select((eb) => [
          'pairing_id',
          eb.fn.countAll<string>().as('n'),
          eb.fn.max<string | null>('held_on').as('last'),
        ])
        .where('pairing_id', 'in', pairingIds)
        .groupBy('pairing_id')
        .execute();
      return rows.map((r) => ({ pairing_id: r.pairing_id, n: Number(r.n), last: r.last }));
    },

    activitiesOf(countyId: string, pairingId: string): Promise<PairingActivityRow[]> {
      return db
        .selectFrom('pairing_activities')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('pairing_id', '=', pairingId)
        .orderBy('held_on', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /** Another pairing of this kind, lead and first school year (the unique key), if any. */
    findSame(countyId: string, kind: string, leadId: string, fromYear: string, trx: Database = db) {
      return trx
        .selectFrom('pairings')
        .select('id')
        .where('county_id', '=', countyId)
        .where('kind', '=', kind)
        .where('lead_id', '=', leadId)
        .where('from_year', '=', fromYear)
        .executeTakeFirst();
    },

    async insertPairing(row: Insertable<PairingsTable>, trx: Database): Promise<string> {
      const r = await trx.insertInto('pairings').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async updatePairing(
      countyId: string,
      id: string,
      set: { from_year: string; to_year: string; note: string | null; updated_at: Date },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('pairings')
        .set(set)
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** Replace the partners: the ones kept keep their `added_at`. */
    async setPartners(
      countyId: string,
      pairingId: string,
      partners: { id: string; path: string }[],
      at: Date,
      trx: Database,
    ): Promise<void> {
      const ids = partners.map((p) => p.id);
      let del = trx
        .deleteFrom('pairing_partners')
        .where('county_id', '=', countyId)
        .where('pairing_id', '=', pairingId);
      if (ids.length > 0) del = del.where('partner_id', 'not in', ids);
      await del.execute();
      if (partners.length === 0) return;
      await trx
        .insertInto('pairing_partners')
        .values(
          partners.map((p) => ({
            county_id: countyId,
            pairing_id: pairingId,
            partner_id: p.id,
            partner_path: p.path,
            added_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['county_id', 'pairing_id', 'partner_id']).doNothing())
        .execute();
    },

    /** The pairing locked for a delete: a joint activity being recorded waits for it (its key share conflicts). */
    lockPairing(countyId: string, id: string, trx: Database): Promise<PairingRow | undefined> {
      return trx
        .selectFrom('pairings')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async activityCount(countyId: string, pairingId: string, trx: Database): Promise<number> {
      const r = await trx
        .selectFrom('pairing_activities')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('county_id', '=', countyId)
        .where('pairing_id', '=', pairingId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The pairing and, by cascade, its partners. */
    async deletePairing(countyId: string, id: string, trx: Database): Promise<void> {
      await trx.deleteFrom('pairings').where('county_id', '=', countyId).where('id', '=', id).execute();
    },

    async insertActivity(row: Insertable<PairingActivitiesTable>, trx: Database = db): Promise<string> {
      const r = await trx
        .insertInto('pairing_activities')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
  };
}

export type PairingsRepository = ReturnType<typeof createPairingsRepository>;
