/**
 * The ledger's revisions of a credit, for records of other platforms: the latest posting of each credit (standing
 * or reversed), and posting a credit at revision n + 1 — only when revision n of the same teacher and credit has
 * been reversed, so a credit still has at most one standing posting (the unique key on credit and revision keeps
 * two transactions from posting the same revision; the ledger's triggers keep it append-only).
 */
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { CreditWrite } from '../ledger.repository';
import { withTotals } from '../totals.repository';

/** The latest posting of a credit for a teacher, with what it credits and whether it has been reversed. */
export interface LatestPosting {
  county_id: string;
  id: string;
  teacher_id: string;
  credit_key: string;
  revision: number;
  amount_tenths: number;
  category: string;
  occurred_on: string;
  days: number | null;
  reversed: boolean;
}

/** A date range of a standing posting that overlaps a record (Y-HOURS-IMPORT-OVERLAP). */
export interface OverlapRow {
  teacher_id: string;
  id: string;
  source: string;
  provenance_system: string | null;
  first_day: string;
  occurred_on: string;
}

export function createRevisionsRepository(db: Database) {
  return {
    /** The latest revision posted of each (teacher, credit), whether it still stands or was reversed. */
    async latest(
      keys: Array<{ teacherId: string; creditKey: string }>,
      trx: Database = db,
    ): Promise<LatestPosting[]> {
      if (keys.length === 0) return [];
      const r = await sql<LatestPosting>`
        SELECT DISTINCT ON (e.teacher_id, e.credit_key) e.county_id::text, e.id::text, e.teacher_id::text,
          e.credit_key, e.revision, e.amount_tenths, e.category, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on,
          e.days,
          EXISTS (SELECT 1 FROM hour_entries v WHERE v.county_id = e.county_id AND v.reverses_id = e.id) AS reversed
        FROM unnest(${keys.map((k) => k.teacherId)}::bigint[], ${keys.map((k) => k.creditKey)}::text[]) AS k(t, c)
        JOIN hour_entries e ON e.teacher_id = k.t AND e.credit_key = k.c AND e.reverses_id IS NULL
        ORDER BY e.teacher_id, e.credit_key, e.revision DESC`.execute(trx);
      return r.rows;
    },

    /**
     * Post credits at an explicit revision ≥ 1, each only if the revision before it (same county, teacher and
     * credit) has a reversal, and once (the unique key). The number posted.
     */
    async postRevision(
      rows: Array<CreditWrite & { revision: number }>,
      at: Date,
      trx: Database = db,
    ): Promise<number> {
      let n = 0;
      for (const w of rows) {
        if (!Number.isInteger(w.revision) || w.revision < 1)
          throw new RangeError('postRevision: revision ≥ 1');
        const r = await withTotals(sql`
          INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, days, category, occurred_on,
            school_year, source, credit_key, revision, rule_id, programme_id, class_id, provenance_system,
            provenance_record, posted_by, posted_at)
          SELECT ${w.countyId}::bigint, ${w.teacherId}::bigint, ${w.orgPath}, ${w.amountTenths}::int,
            ${w.days ?? null}::int, ${w.category}, ${w.occurredOn}::date, ${w.schoolYear}, ${w.source}, ${w.creditKey},
            ${w.revision}::int, ${w.ruleId}, ${w.programmeId ?? null}::bigint, ${w.classId ?? null}::bigint,
            ${w.provenanceSystem ?? null}, ${w.provenanceRecord ?? null}, ${w.postedBy}::bigint, ${at}::timestamptz
          WHERE EXISTS (
            SELECT 1 FROM hour_entries p JOIN hour_entries v ON v.county_id = p.county_id AND v.reverses_id = p.id
            WHERE p.county_id = ${w.countyId}::bigint AND p.teacher_id = ${w.teacherId}::bigint
              AND p.credit_key = ${w.creditKey} AND p.revision = ${w.revision - 1}::int AND p.reverses_id IS NULL)
          ON CONFLICT (county_id, teacher_id, credit_key, revision) WHERE reverses_id IS NULL DO NOTHING`).execute(
          trx,
        );
        n += r.rows.length;
      }
      return n;
    },

    /**
     * Standing postings of these teachers in a category whose days overlap [first, last] and that come from
     * elsewhere than `system` (another platform, or a source of Yanxun's own). A posting's days are
     * occurred_on − (days − 1) … occurred_on, or its one day when it records no days.
     */
    async overlapping(
      items: Array<{ teacherId: string; category: string; first: string; last: string }>,
      system: string,
      trx: Database = db,
    ): Promise<Array<OverlapRow & { k: number }>> {
      if (items.length === 0) return [];
      const r = await sql<OverlapRow & { k: number }>`
        SELECT k.n::int AS k, e.teacher_id::text, e.id::text, e.source, e.provenance_system,
          to_char(e.occurred_on - (coalesce(e.days, 1) - 1), 'YYYY-MM-DD') AS first_day,
          to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on
        FROM unnest(${items.map((i) => i.teacherId)}::bigint[], ${items.map((i) => i.category)}::text[],
          ${items.map((i) => i.first)}::date[], ${items.map((i) => i.last)}::date[])
          WITH ORDINALITY AS k(t, c, f, l, n)
        JOIN hour_entries e ON e.teacher_id = k.t AND e.category = k.c AND e.reverses_id IS NULL
          AND e.occurred_on >= k.f AND e.occurred_on - (coalesce(e.days, 1) - 1) <= k.l
          AND NOT (e.source = 'import' AND e.provenance_system IS NOT DISTINCT FROM ${system})
        WHERE NOT EXISTS (SELECT 1 FROM hour_entries v WHERE v.county_id = e.county_id AND v.reverses_id = e.id)`.execute(
        trx,
      );
      return r.rows;
    },
  };
}

export type RevisionsRepository = ReturnType<typeof createRevisionsRepository>;
