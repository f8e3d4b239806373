import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../db/database';
import { inSubtrees, subtreeRange } from '../../../shared/subtree';
import { CANDIDATE_COLUMNS, type CandidateRow, WORKING_STATUSES } from '../nominations/candidates.repository';

/** Date classes of the preview grouping (core YearClasses): lo + number of cuts the date is on or before. */
interface YearClasses {
  lo: number;
  cuts: string[];
}

/** What the preview groups teachers by (the shape of core's GroupingPlan). */
export interface PreviewGrouping {
  age: YearClasses[] | null;
  teaching: YearClasses[] | null;
  training: Array<{ refYear: number; lo: number; hi: number }> | null;
  location: boolean;
  backbone: boolean;
  roles: boolean;
  title: boolean;
  stage: boolean;
}

/**
 * One group of the what-if preview: teachers of a region key alike in everything the rules read. An aggregate
 * of teachers joined to their schools, not a table row.
 */
export interface PreviewGroupRow {
  /** The unit the preview counts by: the county, or the school when the scope lies in one county. */
  unit_id: string;
  /** Classes in plan order: age per reference date, then 教龄, then training-work years. */
  klass: Array<number | null>;
  location_type: string | null;
  backbone: string | null;
  roles_held: string[] | null;
  title: string | null;
  stage: string | null;
  n: number;
  birth_min: string;
  birth_max: string;
  teaching_min: string | null;
  teaching_max: string | null;
  training_min: number | null;
  training_max: number | null;
}

/** The what-if preview's reads: working teachers under a scope, in batches or grouped by PostgreSQL. */
export function createPreviewRepository(db: Database) {
  return {
    /** Keyset batch of working teachers under the roots, in (org_path, name_pinyin, id) order. */
    candidateBatch(
      roots: string[],
      after: { orgPath: string; pinyin: string; id: string } | null,
      limit: number,
    ): Promise<CandidateRow[]> {
      let q = db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(CANDIDATE_COLUMNS)
        .where((eb) => inSubtrees(eb, 't.org_path', roots))
        .where(sql<boolean>`t.status = ANY(${WORKING_STATUSES}::text[])`);
      if (after) {
        q = q.where(
          sql<boolean>`(t.org_path, t.name_pinyin, t.id) > (${after.orgPath}, ${after.pinyin}, ${after.id}::bigint)`,
        );
      }
      return q.orderBy('t.org_path').orderBy('t.name_pinyin').orderBy('t.id').limit(limit).execute();
    },

    /**
     * The what-if preview's groups: working teachers under the roots without a standing integrity record,
     * counted per region key and per class of every attribute the plan says a rule reads (core
     * planEligibilityGrouping), with the earliest and latest value of each date attribute as representatives.
     * One scan of teachers joined to their schools, aggregated in PostgreSQL.
     */
    async previewGroups(
      roots: string[],
      plan: PreviewGrouping,
      unit: 'county' | 'school' = 'county',
    ): Promise<PreviewGroupRow[]> {
      const yearClass = (col: string, c: YearClasses) =>
        c.cuts.length === 0
          ? sql<number>`${c.lo}::int`
          : sql<number>`(${c.lo}::int + ${sql.join(
              c.cuts.map((cut) => sql`(${sql.ref(col)} <= ${cut}::date)::int`),
              sql` + `,
            )})`;
      const nullable = (col: string, e: RawBuilder<number>) =>
        sql<number | null>`CASE WHEN ${sql.ref(col)} IS NULL THEN NULL ELSE ${e} END`;
      const keys: RawBuilder<unknown>[] = [];
      for (const c of plan.age ?? []) keys.push(yearClass('t.birth_date', c));
      for (const c of plan.teaching ?? [])
        keys.push(nullable('t.teaching_start_date', yearClass('t.teaching_start_date', c)));
      for (const c of plan.training ?? []) {
        keys.push(
          nullable(
            't.training_start_year',
            sql<number>`least(greatest(${c.refYear}::int - t.training_start_year, ${c.lo}::int), ${c.hi}::int)`,
          ),
        );
      }
      const attr = (on: boolean, col: string) => (on ? sql.ref(col) : sql`NULL`);
      const klass =
        keys.length === 0 ? sql`ARRAY[]::int[]` : sql`ARRAY[${sql.join(keys.map((k) => sql`${k}::int`))}]`;
      const [first, ...rest] = roots;
      if (first === undefined) return [];
      const inRoots = sql.join(
        [first, ...rest].map((r) => {
          const [lo, hi] = subtreeRange(r);
          return sql`(t.org_path >= ${lo} AND t.org_path < ${hi})`;
        }),
        sql` OR `,
      );
      const r = await sql<PreviewGroupRow>`
        SELECT ${unit === 'school' ? sql.ref('t.school_id') : sql.ref('t.county_id')}::text AS unit_id, ${klass} AS klass,
          ${attr(plan.location, 's.location_type')} AS location_type, ${attr(plan.backbone, 't.backbone')} AS backbone,
          ${plan.roles ? sql`t.roles_held` : sql`NULL::text[]`} AS roles_held,
          ${attr(plan.title, 't.title')} AS title, ${attr(plan.stage, 't.stage')} AS stage,
          count(*)::int AS n,
          min(t.birth_date) AS birth_min, max(t.birth_date) AS birth_max,
          min(t.teaching_start_date) AS teaching_min, max(t.teaching_start_date) AS teaching_max,
          min(t.training_start_year)::int AS training_min, max(t.training_start_year)::int AS training_max
        FROM teachers t
        JOIN orgs s ON s.id = t.school_id
        WHERE (${inRoots}) AND t.status = ANY(${WORKING_STATUSES}::text[])
          AND NOT EXISTS (SELECT 1 FROM integrity_records r
            WHERE r.county_id = t.county_id AND r.teacher_id = t.id AND r.standing)
        GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
      return r.rows;
    },

    /** Working teachers under the roots with a standing integrity record (the preview evaluates them one by one). */
    candidatesWithStandingRecords(roots: string[]): Promise<CandidateRow[]> {
      return db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(CANDIDATE_COLUMNS)
        .where((eb) => inSubtrees(eb, 't.org_path', roots))
        .where(sql<boolean>`t.status = ANY(${WORKING_STATUSES}::text[])`)
        .where(
          sql<boolean>`EXISTS (SELECT 1 FROM integrity_records r
            WHERE r.county_id = t.county_id AND r.teacher_id = t.id AND r.standing)`,
        )
        .execute();
    },

    /** Standing records of teachers under the roots, grouped by teacher (for the what-if preview). */
    async standingIntegrityUnder(roots: string[]) {
      const rows = await db
        .selectFrom('integrity_records')
        .select(['teacher_id', 'id', 'kind', 'record_date', 'standing'])
        .where('standing', '=', true)
        .where((eb) => inSubtrees(eb, 'org_path', roots))
        .execute();
      const out = new Map<string, typeof rows>();
      for (const r of rows) out.set(r.teacher_id, [...(out.get(r.teacher_id) ?? []), r]);
      return out;
    },
  };
}
