import type { HourCategoryCode, HourSourceCode } from '@yanxun/contracts';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { withTotals } from './totals.repository';

/** A credit to post: what, to whom, how much, and why. */
export interface CreditWrite {
  countyId: string;
  teacherId: string;
  /** the teacher's unit when posted */
  orgPath: string;
  amountTenths: number;
  /** days attended, where a per-day cap applies */
  days?: number | null;
  category: HourCategoryCode;
  occurredOn: string;
  schoolYear: string;
  source: HourSourceCode;
  /** what is credited, once per teacher while it stands: 'completion:<programme id>', 'claim:<id>', … */
  creditKey: string;
  ruleId: string;
  programmeId?: string | null;
  classId?: string | null;
  provenanceSystem?: string | null;
  provenanceRecord?: string | null;
  postedBy: string | null;
}

/** An entry of the ledger (a posting or a reversal), with its programme's title. */
export interface EntryRow {
  county_id: string;
  id: string;
  teacher_id: string;
  programme_id: string | null;
  programme_title: string | null;
  class_id: string | null;
  amount_tenths: number;
  days: number | null;
  category: string;
  school_year: string;
  occurred_on: string;
  source: string;
  rule_id: string;
  reverses_id: string | null;
  reason: string | null;
  posted_at: Date;
}

/** A live (not reversed) posting, where a reversal needs it. */
export interface LiveRow {
  county_id: string;
  id: string;
  teacher_id: string;
}

/**
 * The 学时 ledger (hour_entries): append-only, the database refuses UPDATE, DELETE and TRUNCATE and checks that a
 * reversal cancels exactly one posting (migration 0018). Posting is idempotent per credit: a credit posted once
 * (standing or reversed) is not posted again, also under concurrency (the unique key on credit and revision).
 * Each write adds its rows to hour_totals in the same statement (`withTotals`).
 */
export function createLedgerRepository(db: Database) {
  return {
    /**
     * Post each credit once: a credit already posted (standing or reversed) is left alone, also when two
     * transactions post it at once (the unique key on teacher, credit and revision 0). The number posted.
     */
    async post(rows: CreditWrite[], at: Date, trx: Database = db): Promise<number> {
      if (rows.length === 0) return 0;
      const col = <T>(f: (r: CreditWrite) => T) => rows.map(f);
      const r = await withTotals(sql`
        INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, days, category, occurred_on,
          school_year, source, credit_key, revision, rule_id, programme_id, class_id, provenance_system,
          provenance_record, posted_by, posted_at)
        SELECT w.county_id, w.teacher_id, w.org_path, w.amount, w.days, w.category, w.occurred_on, w.school_year,
          w.source, w.credit_key, 0, w.rule_id, w.programme_id, w.class_id, w.psys, w.prec, w.posted_by,
          ${at}::timestamptz
        FROM unnest(${col((x) => x.countyId)}::bigint[], ${col((x) => x.teacherId)}::bigint[],
          ${col((x) => x.orgPath)}::text[], ${col((x) => x.amountTenths)}::int[], ${col((x) => x.days ?? null)}::int[],
          ${col((x) => x.category)}::text[],
          ${col((x) => x.occurredOn)}::date[], ${col((x) => x.schoolYear)}::text[], ${col((x) => x.source)}::text[],
          ${col((x) => x.creditKey)}::text[], ${col((x) => x.ruleId)}::text[],
          ${col((x) => x.programmeId ?? null)}::bigint[], ${col((x) => x.classId ?? null)}::bigint[],
          ${col((x) => x.provenanceSystem ?? null)}::text[], ${col((x) => x.provenanceRecord ?? null)}::text[],
          ${col((x) => x.postedBy)}::bigint[])
          AS w(county_id, teacher_id, org_path, amount, days, category, occurred_on, school_year, source, credit_key,
            rule_id, programme_id, class_id, psys, prec, posted_by)
        ON CONFLICT (county_id, teacher_id, credit_key, revision) WHERE reverses_id IS NULL DO NOTHING`).execute(
        trx,
      );
      return r.rows.length;
    },

    /** Reverse these postings with a reason; those already reversed are left alone. The number reversed. */
    async reverse(
      targets: Array<{ countyId: string; id: string }>,
      w: { by: string | null; reason: string; at: Date },
      trx: Database = db,
    ): Promise<number> {
      if (targets.length === 0) return 0;
      const r = await withTotals(sql`
        INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, days, category, occurred_on,
          school_year, source, credit_key, revision, rule_id, programme_id, class_id, provenance_system,
          provenance_record, reverses_id, reason, posted_by, posted_at)
        SELECT o.county_id, o.teacher_id, o.org_path, -o.amount_tenths, o.days, o.category, o.occurred_on, o.school_year,
          o.source, o.credit_key, o.revision, o.rule_id, o.programme_id, o.class_id, o.provenance_system,
          o.provenance_record, o.id, ${w.reason}, ${w.by}::bigint, ${w.at}::timestamptz
        FROM unnest(${targets.map((t) => t.countyId)}::bigint[], ${targets.map((t) => t.id)}::bigint[]) AS t(c, i)
        JOIN hour_entries o ON o.county_id = t.c AND o.id = t.i AND o.reverses_id IS NULL
        ON CONFLICT (county_id, reverses_id) WHERE reverses_id IS NOT NULL DO NOTHING`).execute(trx);
      return r.rows.length;
    },

    /** The standing (not reversed) postings of a credit for these teachers. */
    async live(creditKey: string, teacherIds: string[], trx: Database = db): Promise<LiveRow[]> {
      if (teacherIds.length === 0) return [];
      const r = await sql<LiveRow>`
        SELECT e.county_id::text, e.id::text, e.teacher_id::text FROM hour_entries e
        WHERE e.teacher_id = ANY(${teacherIds}::bigint[]) AND e.credit_key = ${creditKey} AND e.reverses_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM hour_entries v WHERE v.county_id = e.county_id AND v.reverses_id = e.id)`.execute(
        trx,
      );
      return r.rows;
    },

    /** Every entry of a teacher, postings and reversals, in the order they are read (day, posting time, id). */
    async entriesOf(teacherId: string): Promise<EntryRow[]> {
      const r = await sql<EntryRow>`
        SELECT e.county_id::text, e.id::text, e.teacher_id::text, e.programme_id::text, p.title AS programme_title,
          e.class_id::text, e.amount_tenths, e.days, e.category, e.school_year,
          to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.source, e.rule_id, e.reverses_id::text, e.reason,
          e.posted_at
        FROM hour_entries e
        LEFT JOIN programmes p ON p.id = e.programme_id
        WHERE e.teacher_id = ${teacherId}
        ORDER BY e.occurred_on, e.posted_at, e.id`.execute(db);
      return r.rows;
    },

    /** One posting (not a reversal) by id, with whether it stands. */
    async findPosting(id: string): Promise<(LiveRow & { org_path: string; reversed: boolean }) | undefined> {
      const r = await sql<LiveRow & { org_path: string; reversed: boolean }>`
        SELECT e.county_id::text, e.id::text, e.teacher_id::text, e.org_path,
          EXISTS (SELECT 1 FROM hour_entries v WHERE v.county_id = e.county_id AND v.reverses_id = e.id) AS reversed
        FROM hour_entries e WHERE e.id = ${id} AND e.reverses_id IS NULL`.execute(db);
      return r.rows[0];
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
