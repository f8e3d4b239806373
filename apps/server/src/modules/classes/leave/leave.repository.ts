import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type {
  ClassEnrolmentsTable,
  ClassSessionsTable,
  LeaveRequestsTable,
  TeachersTable,
} from '../../../db/types';

/** A leave request with its session and the teacher's name and region path. */
export type LeaveRow = Pick<
  Selectable<LeaveRequestsTable>,
  | 'county_id'
  | 'id'
  | 'class_id'
  | 'session_id'
  | 'teacher_id'
  | 'reason'
  | 'status'
  | 'decision_note'
  | 'created_at'
> & {
  session_title: Selectable<ClassSessionsTable>['title'];
  session_date: Selectable<ClassSessionsTable>['session_date'];
  teacher_name: Selectable<TeachersTable>['name'];
  org_path: Selectable<ClassEnrolmentsTable>['org_path'];
};

/** Leave requests (leave_requests): one pending or approved request per session and teacher. */
export function createLeaveRepository(db: Database) {
  return {
    async insertLeave(
      w: { countyId: string; classId: string; sessionId: string; teacherId: string; reason: string },
      trx: Database,
    ): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        INSERT INTO leave_requests (county_id, class_id, session_id, teacher_id, reason)
        VALUES (${w.countyId}::bigint, ${w.classId}::bigint, ${w.sessionId}::bigint, ${w.teacherId}::bigint, ${w.reason})
        ON CONFLICT DO NOTHING
        RETURNING id`.execute(trx);
      return r.rows[0] ? String(r.rows[0].id) : undefined;
    },

    listLeave(f: {
      classId: string;
      teacherId?: string | undefined;
      id?: string | undefined;
    }): Promise<LeaveRow[]> {
      let q = db
        .selectFrom('leave_requests as l')
        .innerJoin('class_sessions as s', 's.id', 'l.session_id')
        .innerJoin('class_enrolments as e', (j) =>
          j
            .onRef('e.county_id', '=', 'l.county_id')
            .onRef('e.class_id', '=', 'l.class_id')
            .onRef('e.teacher_id', '=', 'l.teacher_id'),
        )
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'l.county_id').onRef('t.id', '=', 'l.teacher_id'),
        )
        .select([
          'l.county_id',
          'l.id',
          'l.class_id',
          'l.session_id',
          's.title as session_title',
          's.session_date',
          'l.teacher_id',
          't.name as teacher_name',
          'e.org_path',
          'l.reason',
          'l.status',
          'l.decision_note',
          'l.created_at',
        ])
        .where('l.class_id', '=', f.classId);
      if (f.teacherId) q = q.where('l.teacher_id', '=', f.teacherId);
      if (f.id) q = q.where('l.id', '=', f.id);
      return q.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute();
    },

    /** Decide a pending request; false when it was no longer pending. */
    async decideLeave(
      countyId: string,
      id: string,
      w: { status: 'approved' | 'refused'; by: string; note: string },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .updateTable('leave_requests')
        .set({ status: w.status, decided_by: w.by, decided_at: sql`now()`, decision_note: w.note || null })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    approvedLeave(classId: string, sessionId: string) {
      return db
        .selectFrom('leave_requests')
        .select('teacher_id')
        .where('class_id', '=', classId)
        .where('session_id', '=', sessionId)
        .where('status', '=', 'approved')
        .execute();
    },
  };
}
