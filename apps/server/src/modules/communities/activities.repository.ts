/** `community_activities`, `community_attendance`, `community_reviews`, and the monthly review's one query. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { CommunityActivitiesTable } from '../../db/types';
import { subtreeRange } from '../../shared/subtree';

export type ActivityRow = Selectable<CommunityActivitiesTable>;

/** One community's month as the review counts it (R3-G17). */
export interface ReviewCountsRow {
  county_id: string;
  id: string;
  name: string;
  kind: string;
  level: string;
  host_org_id: string;
  /** The community's own path (its host unit's subtree), for the rules in force for it. */
  org_path: string;
  planned: number;
  held: number;
  outputs: number;
  expected: number;
  attended: number;
  led: number;
  feedback: string | null;
}

/** A studio and the teachers it led in a window: members other than its host who attended an activity held. */
export interface StudioReachRow {
  id: string;
  name: string;
  kind: string;
  led: number;
}

export function createActivitiesRepository(db: Database) {
  return {
    async insertActivity(row: Insertable<CommunityActivitiesTable>, trx: Database = db): Promise<string> {
      const r = await trx
        .insertInto('community_activities')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    findActivity(
      countyId: string,
      communityId: string,
      id: string,
      trx: Database = db,
      lock = false,
    ): Promise<ActivityRow | undefined> {
      let q = trx
        .selectFrom('community_activities')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .where('id', '=', id);
      if (lock) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    activitiesOf(countyId: string, communityId: string): Promise<ActivityRow[]> {
      return db
        .selectFrom('community_activities')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .orderBy('held_on', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
    },

    /** Open activities from `from` on of these communities, soonest first. */
    upcomingOf(ids: string[], from: string) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('community_activities')
        .select(['id', 'community_id', 'held_on', 'kind', 'title'])
        .where('community_id', 'in', ids)
        .where('held_on', '>=', from)
        .where('status', '=', 'open')
        .orderBy('held_on')
        .orderBy('id')
        .limit(100)
        .execute();
    },

    /** Expected and attended counts per activity. */
    attendanceCounts(countyId: string, activityIds: string[]) {
      if (activityIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('community_attendance')
        .select((eb) => [
          'activity_id',
          eb.fn.countAll<string>().as('expected'),
          eb.fn.count<string>('member_id').filterWhere('attended', '=', true).as('attended'),
        ])
        .where('county_id', '=', countyId)
        .where('activity_id', 'in', activityIds)
        .groupBy('activity_id')
        .execute();
    },

    attendanceOf(countyId: string, activityId: string, trx: Database = db) {
      return trx
        .selectFrom('community_attendance')
        .select(['member_id', 'teacher_id', 'attended'])
        .where('county_id', '=', countyId)
        .where('activity_id', '=', activityId)
        .execute();
    },

    /** Write the attendance of an activity: one row per member it expected. */
    async upsertAttendance(
      countyId: string,
      activityId: string,
      rows: { memberId: string; teacherId: string; attended: boolean }[],
      trx: Database,
    ): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('community_attendance')
        .values(
          rows.map((r) => ({
            county_id: countyId,
            activity_id: activityId,
            member_id: r.memberId,
            teacher_id: r.teacherId,
            attended: r.attended,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['county_id', 'activity_id', 'member_id'])
            .doUpdateSet((eb) => ({ attended: eb.ref('excluded.attended') })),
        )
        .execute();
    },

    async closeActivity(
      countyId: string,
      id: string,
      w: { at: Date; by: string; posted: number },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('community_activities')
        .set({ status: 'closed', closed_at: w.at, closed_by: w.by, postings: w.posted })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** A teacher's attended activities that are closed, with their community: the 学时 earned. */
    attendedByTeacher(teacherId: string) {
      return db
        .selectFrom('community_attendance as t')
        .innerJoin('community_activities as a', (j) =>
          j.onRef('a.county_id', '=', 't.county_id').onRef('a.id', '=', 't.activity_id'),
        )
        .select(['a.id', 'a.community_id', 'a.held_on', 'a.hours_tenths'])
        .where('t.teacher_id', '=', teacherId)
        .where('t.attended', '=', true)
        .where('a.status', '=', 'closed')
        .execute();
    },

    async upsertFeedback(
      row: { countyId: string; communityId: string; month: string; feedback: string; by: string; at: Date },
      trx: Database = db,
    ): Promise<void> {
      await trx
        .insertInto('community_reviews')
        .values({
          county_id: row.countyId,
          community_id: row.communityId,
          month: row.month,
          feedback: row.feedback,
          reviewed_by: row.by,
          reviewed_at: row.at,
        })
        .onConflict((oc) =>
          oc.columns(['county_id', 'community_id', 'month']).doUpdateSet({
            feedback: row.feedback,
            reviewed_by: row.by,
            reviewed_at: row.at,
          }),
        )
        .execute();
    },

    /**
     * R3-G17 in one statement: every community hosted under the roots with its month's planned sessions,
     * activities held, activities with a record (outputs), expected and attended member-sessions, distinct
     * teachers who attended (members led) and the 进修学校's feedback. Each count is grouped once over the month's
     * range of its table (indexes on the date lead), then joined to the communities by their key.
     */
    async reviewCounts(roots: string[], from: string, to: string): Promise<ReviewCountsRow[]> {
      if (roots.length === 0) return [];
      const inRoots = sql.join(
        roots.map((r) => {
          const [lo, hi] = subtreeRange(r);
          return sql`(c.org_path >= ${lo} AND c.org_path < ${hi})`;
        }),
        sql` OR `,
      );
      const r = await sql<ReviewCountsRow>`
        WITH p AS (
          SELECT county_id, community_id, count(*)::int AS planned FROM community_plan_sessions
          WHERE planned_on >= ${from}::date AND planned_on < ${to}::date GROUP BY county_id, community_id
        ), a AS (
          SELECT county_id, community_id, count(*)::int AS held,
            count(*) FILTER (WHERE record IS NOT NULL AND length(btrim(record)) > 0)::int AS outputs
          FROM community_activities
          WHERE held_on >= ${from}::date AND held_on < ${to}::date GROUP BY county_id, community_id
        ), t AS (
          SELECT x.county_id, x.community_id, count(*)::int AS expected,
            count(*) FILTER (WHERE t.attended)::int AS attended,
            count(DISTINCT t.teacher_id) FILTER (WHERE t.attended)::int AS led
          FROM community_activities x
          JOIN community_attendance t ON t.county_id = x.county_id AND t.activity_id = x.id
          WHERE x.held_on >= ${from}::date AND x.held_on < ${to}::date GROUP BY x.county_id, x.community_id
        )
        SELECT c.county_id, c.id, c.name, c.kind, c.level, c.host_org_id, c.org_path,
          coalesce(p.planned, 0) AS planned, coalesce(a.held, 0) AS held, coalesce(a.outputs, 0) AS outputs,
          coalesce(t.expected, 0) AS expected, coalesce(t.attended, 0) AS attended, coalesce(t.led, 0) AS led,
          r.feedback
        FROM communities c
        LEFT JOIN p ON p.county_id = c.county_id AND p.community_id = c.id
        LEFT JOIN a ON a.county_id = c.county_id AND a.community_id = c.id
        LEFT JOIN t ON t.county_id = c.county_id AND t.community_id = c.id
        LEFT JOIN community_reviews r ON r.county_id = c.county_id AND r.community_id = c.id
          AND r.month = ${from.slice(0, 7)}
        WHERE ${inRoots}
        ORDER BY c.org_path, c.id`.execute(db);
      return r.rows;
    },

    /** The studios of these kinds under a node set up before `to`, each with the teachers it led in [from, to). */
    async studioReach(
      root: string,
      kinds: readonly string[],
      from: string,
      to: string,
    ): Promise<StudioReachRow[]> {
      if (kinds.length === 0) return [];
      const [lo, hi] = subtreeRange(root);
      const r = await sql<StudioReachRow>`
        SELECT c.id, c.name, c.kind,
          (SELECT count(DISTINCT t.teacher_id) FROM community_activities x
            JOIN community_attendance t ON t.county_id = x.county_id AND t.activity_id = x.id AND t.attended
            WHERE x.county_id = c.county_id AND x.community_id = c.id
              AND x.held_on >= ${from}::date AND x.held_on < ${to}::date
              AND t.teacher_id <> c.host_teacher_id)::int AS led
        FROM communities c
        WHERE c.org_path >= ${lo} AND c.org_path < ${hi} AND c.kind = ANY(${[...kinds]}::text[])
          AND c.created_at < ${to}::date
        ORDER BY c.org_path, c.id`.execute(db);
      return r.rows;
    },
  };
}

export type ActivitiesRepository = ReturnType<typeof createActivitiesRepository>;
