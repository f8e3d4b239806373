import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { subtreeRange } from '../../../shared/subtree';

/** one programme's figures under the officer's org subtrees (training overview). */
export interface OverviewFiguresRow {
  programme_id: string;
  seats: number;
  seats_used: number;
  enrolled: number;
  arrived: number;
  assessed: number;
  completed: number;
  hours_tenths: number;
  spent_fen: number;
}

/**
 * The reports module's read model: read-only sums over other modules' tables for the training
 * overview, so that the figures of every programme of a year are ONE statement (no query per programme).
 * It writes nothing; the tables stay their modules'.
 */
export function createOverviewRepository(db: Database) {
  return {
    /**
     * Per programme, inside the subtrees `roots`: seats held by the topmost quota nodes inside them (a node
     * whose parent node is also inside counts through its parent), seats used (selected nominations of
     * teachers inside), enrolled, arrived (报到),
     * judged by a completion run and completed, 学时 posted (not reversed); spending is programme-wide.
     */
    async overviewFigures(programmeIds: string[], roots: string[]): Promise<OverviewFiguresRow[]> {
      if (programmeIds.length === 0 || roots.length === 0) return [];
      const los = roots.map((r) => subtreeRange(r)[0]);
      const his = roots.map((r) => subtreeRange(r)[1]);
      const inScope = (col: string) =>
        sql`EXISTS (SELECT 1 FROM scope s WHERE ${sql.ref(col)} >= s.lo AND ${sql.ref(col)} < s.hi)`;
      const r = await sql<OverviewFiguresRow>`
        WITH scope AS (
          SELECT lo, hi FROM unnest(${los}::text[], ${his}::text[]) AS s(lo, hi)
        ),
        p AS (SELECT unnest(${programmeIds}::bigint[]) AS id),
        quota AS (
          SELECT q.programme_id,
            coalesce(sum(q.seats) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM quota_allocations up
              WHERE up.programme_id = q.programme_id AND up.org_id = q.parent_org_id
                AND ${inScope('up.org_path')})), 0)::int AS seats
          FROM quota_allocations q
          WHERE q.programme_id IN (SELECT id FROM p) AND ${inScope('q.org_path')}
          GROUP BY q.programme_id
        ),
        picked AS (
          SELECT n.programme_id, count(*)::int AS seats_used
          FROM nominations n
          WHERE n.programme_id IN (SELECT id FROM p) AND n.status = 'selected' AND ${inScope('n.org_path')}
          GROUP BY n.programme_id
        ),
        enrol AS (
          SELECT e.programme_id, count(*)::int AS enrolled, count(a.teacher_id)::int AS arrived
          FROM class_enrolments e
          LEFT JOIN attendance a ON a.county_id = e.county_id AND a.class_id = e.class_id
            AND a.slot = 'arrive' AND a.teacher_id = e.teacher_id
          WHERE e.programme_id IN (SELECT id FROM p) AND ${inScope('e.org_path')}
          GROUP BY e.programme_id
        ),
        done AS (
          SELECT c.programme_id, count(*)::int AS assessed,
            (count(*) FILTER (WHERE c.completed))::int AS completed
          FROM completion_results c
          WHERE c.programme_id IN (SELECT id FROM p) AND ${inScope('c.org_path')}
          GROUP BY c.programme_id
        ),
        hrs AS (
          SELECT h.programme_id, coalesce(sum(h.amount_tenths), 0)::bigint AS hours_tenths
          FROM hour_entries h
          WHERE h.programme_id IN (SELECT id FROM p) AND ${inScope('h.org_path')}
          GROUP BY h.programme_id
        ),
        spent AS (
          SELECT programme_id, coalesce(sum(amount_fen), 0)::bigint AS spent_fen
          FROM programme_spending WHERE programme_id IN (SELECT id FROM p)
          GROUP BY programme_id
        )
        SELECT p.id::text AS programme_id,
          coalesce(quota.seats, 0) AS seats, coalesce(picked.seats_used, 0) AS seats_used,
          coalesce(enrol.enrolled, 0) AS enrolled, coalesce(enrol.arrived, 0) AS arrived,
          coalesce(done.assessed, 0) AS assessed, coalesce(done.completed, 0) AS completed,
          coalesce(hrs.hours_tenths, 0)::text AS hours_tenths, coalesce(spent.spent_fen, 0)::text AS spent_fen
        FROM p
        LEFT JOIN quota ON quota.programme_id = p.id
        LEFT JOIN picked ON picked.programme_id = p.id
        LEFT JOIN enrol ON enrol.programme_id = p.id
        LEFT JOIN done ON done.programme_id = p.id
        LEFT JOIN hrs ON hrs.programme_id = p.id
        LEFT JOIN spent ON spent.programme_id = p.id`.execute(db);
      return r.rows.map((x) => ({
        ...x,
        hours_tenths: Number(x.hours_tenths),
        spent_fen: Number(x.spent_fen),
      }));
    },
  };
}

export type OverviewRepository = ReturnType<typeof createOverviewRepository>;
