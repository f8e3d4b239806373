import { sql } from 'kysely';
import { appSecret } from '../../../db/app-secrets';
import type { Database } from '../../../db/database';
import { batched } from '../../../shared/batch';
import { subtreeRange } from '../../../shared/subtree';

interface CheckinRow {
  classId: string;
  teacherId: string;
  slot: string;
  method: 'qr' | 'code' | 'staff';
  recordedBy: string | null;
}

/** one unit's enrolment and attendance counts for the KPI report. */
export interface KpiCountsRow {
  org_id: string;
  enrolled: number;
  registered: number;
  arrived: number;
  sessions_expected: number;
  sessions_attended: number;
}

/** Attendance (注册, 报到 and sessions), the check-in codes' key, and the KPI counts over attendance. */
export function createAttendanceRepository(db: Database) {
  const checkinBatched = batched<CheckinRow, Date | undefined>(async (rows) => {
    const r = await sql<{ class_id: string; teacher_id: string; slot: string; checked_at: Date }>`
      INSERT INTO attendance (county_id, class_id, slot, teacher_id, method, recorded_by)
      SELECT e.county_id, e.class_id, x.slot, e.teacher_id, x.method, x.recorded_by
      FROM unnest(${rows.map((x) => x.classId)}::bigint[], ${rows.map((x) => x.teacherId)}::bigint[],
                  ${rows.map((x) => x.slot)}::text[], ${rows.map((x) => x.method)}::text[],
                  ${rows.map((x) => x.recordedBy)}::bigint[])
             WITH ORDINALITY AS x (class_id, teacher_id, slot, method, recorded_by, n)
      JOIN class_enrolments e ON e.class_id = x.class_id AND e.teacher_id = x.teacher_id
      ORDER BY x.n
      ON CONFLICT DO NOTHING
      RETURNING class_id::text, teacher_id::text, slot, checked_at`.execute(db);
    const written = new Map(r.rows.map((w) => [`${w.class_id}/${w.teacher_id}/${w.slot}`, w.checked_at]));
    return rows.map((x) => {
      const key = `${x.classId}/${x.teacherId}/${x.slot}`;
      const at = written.get(key);
      written.delete(key); // a second call for the same slot in this batch was not the one that wrote it
      return at;
    });
  });

  return {
    /** The deployment's key `name` (app_secrets), made on first use. */
    secret(name: string): Promise<Buffer> {
      return appSecret(db, name);
    },

    /**
     * Write one attendance row if the teacher is enrolled in the class and has none for the slot yet; the time
     * written, or undefined (not enrolled, or already there). Concurrent check-ins share one INSERT (group
     * commit, shared/batch.ts): a surge of phones costs the database one statement and one commit per turn of
     * the event loop instead of one per phone. A slot asked for twice in one batch is written once: the first
     * call gets the time, the second undefined (as if it had come a moment later).
     */
    checkin(
      classId: string,
      teacherId: string,
      slot: string,
      method: 'qr' | 'code' | 'staff',
      recordedBy: string | null,
    ): Promise<Date | undefined> {
      return checkinBatched({ classId, teacherId, slot, method, recordedBy });
    },

    async attendanceAt(classId: string, teacherId: string, slot: string): Promise<Date | undefined> {
      const r = await db
        .selectFrom('attendance')
        .select('checked_at')
        .where('class_id', '=', classId)
        .where('teacher_id', '=', teacherId)
        .where('slot', '=', slot)
        .executeTakeFirst();
      return r?.checked_at;
    },

    /** Every attendance row of a class slot (or of several slots). */
    attendance(classId: string, slots: string[]) {
      return db
        .selectFrom('attendance')
        .select(['teacher_id', 'slot', 'checked_at'])
        .where('class_id', '=', classId)
        .where('slot', 'in', slots)
        .execute();
    },

    async countAttendance(classId: string, slot: string): Promise<number> {
      const r = await db
        .selectFrom('attendance')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('class_id', '=', classId)
        .where('slot', '=', slot)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * Per unit (a subtree given by its path): enrolled teachers of the programme, how many registered (注册)
     * and arrived (报到), and person-sessions begun by `asOf` at `time` ('HH:mm') against those attended: a
     * session later today is not yet owed.
     */
    async kpiCounts(
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
      asOf: string,
      time: string,
    ): Promise<KpiCountsRow[]> {
      if (nodes.length === 0) return [];
      const ids = nodes.map((n) => n.id);
      const los = nodes.map((n) => subtreeRange(n.path)[0]);
      const his = nodes.map((n) => subtreeRange(n.path)[1]);
      const r = await sql<KpiCountsRow>`
        WITH n AS (SELECT * FROM unnest(${ids}::bigint[], ${los}::text[], ${his}::text[]) AS n(id, lo, hi)),
        held AS (
          SELECT s.class_id, count(*) AS sessions, array_agg('s' || s.id::text) AS slots
          FROM class_sessions s JOIN classes c ON c.id = s.class_id
          WHERE c.programme_id = ${programmeId}
            AND (s.session_date < ${asOf}::date OR (s.session_date = ${asOf}::date AND s.starts_at <= ${time}))
          GROUP BY s.class_id
        )
        SELECT n.id::text AS org_id,
          coalesce(x.enrolled, 0)::int AS enrolled, coalesce(x.registered, 0)::int AS registered,
          coalesce(x.arrived, 0)::int AS arrived, coalesce(x.sessions_expected, 0)::int AS sessions_expected,
          coalesce(x.sessions_attended, 0)::int AS sessions_attended
        FROM n
        LEFT JOIN LATERAL (
          SELECT count(*) AS enrolled,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.county_id = e.county_id
              AND a.class_id = e.class_id AND a.slot = 'register' AND a.teacher_id = e.teacher_id)) AS registered,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.county_id = e.county_id
              AND a.class_id = e.class_id AND a.slot = 'arrive' AND a.teacher_id = e.teacher_id)) AS arrived,
            sum(coalesce(h.sessions, 0)) AS sessions_expected,
            sum((SELECT count(*) FROM attendance a WHERE a.county_id = e.county_id AND a.class_id = e.class_id
              AND a.teacher_id = e.teacher_id AND a.slot = ANY (h.slots))) AS sessions_attended
          FROM class_enrolments e LEFT JOIN held h ON h.class_id = e.class_id
          WHERE e.programme_id = ${programmeId} AND e.org_path >= n.lo AND e.org_path < n.hi
        ) x ON true`.execute(db);
      return r.rows;
    },
  };
}
