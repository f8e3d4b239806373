/** The classes' enrolled teachers and their check-ins, bulk-inserted as a phone's check-ins would be. */
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { Rng } from '../random';

export interface Enrolled {
  teacher_id: string;
  county_id: string;
  school_id: string;
}

export async function enrolled(db: Database, classId: string): Promise<Enrolled[]> {
  return db
    .selectFrom('class_enrolments as e')
    .innerJoin('teachers as t', 't.id', 'e.teacher_id')
    .select(['e.teacher_id', 'e.county_id', 't.school_id'])
    .where('e.class_id', '=', classId)
    .orderBy('e.teacher_id')
    .execute();
}

export interface AttendanceRow {
  countyId: string;
  classId: string;
  slot: string;
  teacherId: string;
  checkedAt: string;
}

/** A check-in `slot` around `day time` (Asia/Shanghai), up to `spreadMin` minutes early or a few late. */
export function mark(
  rng: Rng,
  e: Enrolled,
  classId: string,
  slot: string,
  day: string,
  time: string,
  spreadMin: number,
): AttendanceRow {
  const base = Date.parse(`${day}T${time}:00+08:00`);
  const offset = rng.int(-spreadMin * 60, Math.min(600, spreadMin * 20));
  return {
    countyId: e.county_id,
    classId,
    slot,
    teacherId: e.teacher_id,
    checkedAt: new Date(base + offset * 1000).toISOString(),
  };
}

export async function insertAttendance(db: Database, rows: AttendanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: AttendanceRow) => T) => rows.map(f);
  await sql`INSERT INTO attendance (county_id, class_id, slot, teacher_id, checked_at, method)
    SELECT u.county_id, u.class_id, u.slot, u.teacher_id, u.checked_at, 'qr'
    FROM unnest(${col((r) => r.countyId)}::bigint[], ${col((r) => r.classId)}::bigint[], ${col((r) => r.slot)}::text[],
      ${col((r) => r.teacherId)}::bigint[], ${col((r) => r.checkedAt)}::timestamptz[])
    AS u(county_id, class_id, slot, teacher_id, checked_at)
    ON CONFLICT DO NOTHING`.execute(db);
}
