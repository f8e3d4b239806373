/**
 * Compliance in one SQL pass: the roster (the people module's relation) joined to hour_totals, each teacher's
 * counted sums under the year caps, their group's thresholds of the day (core's `complianceThresholds`, passed as
 * values), the verdicts, and either the counts per child unit or a page of teachers. The arithmetic is core's
 * `teacherCompliance` (the route tests hold the two together on the same data).
 */
import type { ComplianceFilter, HourCategoryCode } from '@yanxun/contracts';
import { type ComplianceThresholds, HOUR_CATEGORIES } from '@yanxun/core';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { RosterRow } from './ports';

/** One teacher's standing as the query returns it. */
export interface StandingRow {
  county_id: string;
  id: string;
  name: string;
  school_id: string;
  grp: string;
  cycle_counted: number;
  year_counted: number;
  expected: number;
  target: number;
  year_pace: number;
  on_track: boolean;
  short: number;
  year_on_pace: boolean;
  /** counted per category with a yearly minimum, in the order of the thresholds' categories */
  cats: number[];
}

export interface UnitCountsRow {
  /** null: the total */
  unit: string | null;
  teachers: number;
  on_track: number;
  short: number;
  year_on_pace: number;
  /** per category with a yearly minimum: teachers behind its pace */
  cats_behind: number[];
}

const capped = (category: string, caps: ComplianceThresholds['yearCaps']) => {
  const cap = caps[category as HourCategoryCode];
  return cap === undefined ? sql`h.${sql.ref(category)}` : sql`least(h.${sql.ref(category)}, ${cap}::int)`;
};

/** Every teacher of the roster with their verdicts (the CTE `s`). */
function standings(roster: RawBuilder<RosterRow>, t: ComplianceThresholds, probe: boolean) {
  const yearSum = sql.join(
    HOUR_CATEGORIES.map((c) => capped(c, t.yearCaps)),
    sql` + `,
  );
  const years = [...new Set([...t.cycleSchoolYears, t.schoolYear])];
  const groupCase =
    t.groups.length <= 1
      ? sql`''`
      : sql`CASE ${sql.join(
          t.groups
            .filter((g) => g.group !== '')
            .map((g) => sql`WHEN r.roles_held @> ARRAY[${g.group}]::text[] THEN ${g.group}`),
          sql` `,
        )} ELSE '' END`;
  const catSums = t.categories.map(
    (c) =>
      sql`coalesce(sum(${capped(c.category, t.yearCaps)}) FILTER (WHERE h.school_year = ${t.schoolYear}), 0)::int`,
  );
  const cats = catSums.length === 0 ? sql`ARRAY[]::int[]` : sql`ARRAY[${sql.join(catSums)}]`;
  const zeros =
    t.categories.length === 0
      ? sql`ARRAY[]::int[]`
      : sql`ARRAY[${sql.join(t.categories.map(() => sql`0`))}]::int[]`;
  const catPaced =
    t.categories.length === 0
      ? sql`true`
      : sql.join(
          t.categories.map((c, i) => sql`p.cats[${i + 1}] >= ${c.paceTenths}::int`),
          sql` AND `,
        );
  const groups = sql.join(
    t.groups.map(
      (g) =>
        sql`(${g.group}, ${g.expectedTenths}::int, ${g.targetTenths}::int, ${g.yearMinTenths === null ? 0 : g.yearPaceTenths}::int)`,
    ),
  );
  const sums = sql`sum(${yearSum}) FILTER (WHERE h.school_year = ANY(${t.cycleSchoolYears}::text[])) AS cycle_counted,
        sum(${yearSum}) FILTER (WHERE h.school_year = ${t.schoolYear}) AS year_counted,
        ${cats} AS cats`;
  const columns = sql`r.county_id, r.id, r.name, r.name_pinyin, r.school_id, r.org_path, ${groupCase} AS grp,
        coalesce(a.cycle_counted, 0)::int AS cycle_counted, coalesce(a.year_counted, 0)::int AS year_counted,
        coalesce(a.cats, ${zeros}) AS cats`;
  // a unit of up to PROBE_MAX teachers reads each teacher's rows by the (teacher_id, school_year) index; a larger
  // one sums the whole table once (hashed), then joins: each is the faster by far at its size (PERFORMANCE.md §12)
  const p = probe
    ? sql`p AS (
      SELECT ${columns}
      FROM (${roster}) r LEFT JOIN LATERAL (
        SELECT ${sums} FROM hour_totals h WHERE h.teacher_id = r.id AND h.school_year = ANY(${years}::text[])) a
        ON true)`
    : sql`a AS (
      SELECT h.teacher_id, ${sums}
      FROM (${roster}) r0 JOIN hour_totals h ON h.teacher_id = r0.id AND h.school_year = ANY(${years}::text[])
      GROUP BY h.teacher_id),
    p AS (
      SELECT ${columns}
      FROM (${roster}) r LEFT JOIN a ON a.teacher_id = r.id)`;
  return sql`
    ${p},
    s AS (
      SELECT p.*, g.expected, g.target, g.year_pace,
        p.cycle_counted >= g.expected AS on_track,
        greatest(g.expected - p.cycle_counted, 0) AS short,
        (p.year_counted >= g.year_pace AND ${catPaced}) AS year_on_pace
      FROM p JOIN (VALUES ${groups}) AS g(grp, expected, target, year_pace) ON g.grp = p.grp)`;
}

/** Which teachers a list keeps: `category` is the index (0-based) of the thresholds' category when filtering by one. */
function filterOf(behind: ComplianceFilter, t: ComplianceThresholds, category?: string) {
  switch (behind) {
    case 'all':
      return sql`true`;
    case 'cycle':
      return sql`NOT s.on_track`;
    case 'year':
      return sql`NOT s.year_on_pace`;
    case 'category': {
      const i = t.categories.findIndex((c) => c.category === category);
      const c = t.categories[i];
      return c ? sql`s.cats[${i + 1}] < ${c.paceTenths}::int` : sql`false`;
    }
    default:
      return sql`(NOT s.on_track OR NOT s.year_on_pace)`;
  }
}

const STANDING_COLUMNS = sql`s.county_id::text, s.id::text, s.name, s.school_id::text, s.grp, s.cycle_counted,
  s.year_counted, s.expected, s.target, s.year_pace, s.on_track, s.short, s.year_on_pace, s.cats`;

/** Units of up to this many teachers read the totals teacher by teacher (index probes), larger ones by a hash. */
export const PROBE_MAX = 150_000;

export function createComplianceRepository(db: Database, options: { probeMax?: number } = {}) {
  const probeMax = options.probeMax ?? PROBE_MAX;
  /** Whether the roster is small enough to probe (counted on the roster's own index; ≤ 0.1 s at a province). */
  const probes = async (roster: RawBuilder<RosterRow>): Promise<boolean> => {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${roster}) r`.execute(db);
    return (r.rows[0]?.n ?? 0) <= probeMax;
  };
  return {
    /**
     * Counts per child unit of `root` (a teacher's unit one level below it; the root itself for those directly on
     * it), and the total (unit null), in one pass.
     */
    async unitCounts(
      roster: RawBuilder<RosterRow>,
      t: ComplianceThresholds,
      root: string,
    ): Promise<UnitCountsRow[]> {
      const catsBehind =
        t.categories.length === 0
          ? sql`ARRAY[]::int[]`
          : sql`ARRAY[${sql.join(
              t.categories.map(
                (c, i) => sql`(count(*) FILTER (WHERE u.cats[${i + 1}] < ${c.paceTenths}::int))::int`,
              ),
            )}]`;
      const r = await sql<UnitCountsRow>`
        WITH ${standings(roster, t, await probes(roster))},
        u AS (
          SELECT s.*, CASE WHEN s.org_path = ${root} THEN ${root}
            ELSE ${root} || split_part(substr(s.org_path, ${root.length + 1}), '/', 1) || '/' END AS unit
          FROM s)
        SELECT u.unit, count(*)::int AS teachers, (count(*) FILTER (WHERE u.on_track))::int AS on_track,
          coalesce(sum(u.short), 0)::int AS short,
          (count(*) FILTER (WHERE u.year_on_pace))::int AS year_on_pace,
          ${catsBehind} AS cats_behind
        FROM u GROUP BY GROUPING SETS ((u.unit), ())`.execute(db);
      return r.rows;
    },

    /** A page of the teachers `behind` keeps, most behind first; with how many it keeps in all. */
    async teachers(
      roster: RawBuilder<RosterRow>,
      t: ComplianceThresholds,
      q: { behind: ComplianceFilter; category?: string; limit: number; offset: number },
    ): Promise<{ total: number; rows: StandingRow[] }> {
      const r = await sql<StandingRow & { total: number }>`
        WITH ${standings(roster, t, await probes(roster))}
        SELECT ${STANDING_COLUMNS}, (count(*) OVER ())::int AS total FROM s
        WHERE ${filterOf(q.behind, t, q.category)}
        ORDER BY s.short DESC, (s.year_pace - s.year_counted) DESC, s.name_pinyin, s.id
        LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
      return { total: r.rows[0]?.total ?? 0, rows: r.rows };
    },
  };
}

export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
