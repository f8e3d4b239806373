import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { subtreeRange } from '../../../shared/subtree';

/** Counts of one org of the selection-quality report (R3-B03): an aggregate, not a table row. */
export interface QualityCountsRow {
  org_id: string;
  nominations: number;
  selected: number;
  candidates: number;
  not_selected: number;
  waitlisted: number;
  withdrawn: number;
  replaced: number;
  overridden: number;
  ineligible_selected: number;
  refused: number;
  no_shows: number;
  not_completed: number;
}

/** The selection-quality counts (R3-B03) of a programme per org. */
export function createSelectionQualityRepository(db: Database) {
  return {
    /**
     * Per org of `nodes` (its subtree): nominations by status, overridden and ineligible selected ones,
     * refused attempts, and the programme's standing no-show and not-completed (or dismissed) records.
     */
    async qualityCounts(
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
    ): Promise<QualityCountsRow[]> {
      if (nodes.length === 0) return [];
      const ids = nodes.map((n) => n.id);
      const los = nodes.map((n) => subtreeRange(n.path)[0]);
      const his = nodes.map((n) => subtreeRange(n.path)[1]);
      const r = await sql<QualityCountsRow>`
        WITH n AS (SELECT * FROM unnest(${ids}::bigint[], ${los}::text[], ${his}::text[]) AS n(id, lo, hi))
        SELECT n.id::text AS org_id,
          coalesce(x.nominations, 0)::int AS nominations, coalesce(x.selected, 0)::int AS selected,
          coalesce(x.candidates, 0)::int AS candidates, coalesce(x.not_selected, 0)::int AS not_selected,
          coalesce(x.waitlisted, 0)::int AS waitlisted, coalesce(x.withdrawn, 0)::int AS withdrawn,
          coalesce(x.replaced, 0)::int AS replaced, coalesce(x.overridden, 0)::int AS overridden,
          coalesce(x.ineligible_selected, 0)::int AS ineligible_selected,
          (SELECT count(*) FROM nomination_refusals f WHERE f.programme_id = ${programmeId}
            AND f.org_path >= n.lo AND f.org_path < n.hi)::int AS refused,
          (SELECT count(*) FROM integrity_records i WHERE i.programme_id = ${programmeId} AND i.standing
            AND i.kind = 'no_show' AND i.org_path >= n.lo AND i.org_path < n.hi)::int AS no_shows,
          (SELECT count(*) FROM integrity_records i WHERE i.programme_id = ${programmeId} AND i.standing
            AND i.kind IN ('not_completed', 'dismissed') AND i.org_path >= n.lo AND i.org_path < n.hi)::int AS not_completed
        FROM n
        LEFT JOIN LATERAL (
          SELECT count(*) AS nominations,
            count(*) FILTER (WHERE m.status = 'selected') AS selected,
            count(*) FILTER (WHERE m.status = 'candidate') AS candidates,
            count(*) FILTER (WHERE m.status = 'not_selected') AS not_selected,
            count(*) FILTER (WHERE m.status = 'waitlisted') AS waitlisted,
            count(*) FILTER (WHERE m.status = 'withdrawn') AS withdrawn,
            count(*) FILTER (WHERE m.status = 'replaced') AS replaced,
            count(*) FILTER (WHERE m.status = 'selected' AND m.override_reason IS NOT NULL) AS overridden,
            count(*) FILTER (WHERE m.status = 'selected' AND (m.eligibility->>'eligible')::boolean IS NOT TRUE)
              AS ineligible_selected
          FROM nominations m
          WHERE m.programme_id = ${programmeId} AND m.org_path >= n.lo AND m.org_path < n.hi
        ) x ON true`.execute(db);
      return r.rows;
    },
  };
}
