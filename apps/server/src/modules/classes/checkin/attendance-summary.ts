/** The attendance of a class's trainees as completion (结业) counts it, for the outcomes module. */
import type { ClassesRepository } from '../classes.repository';

export interface AttendanceSummaryRow {
  teacherId: string;
  countyId: string;
  orgPath: string;
  teacherName: string;
  schoolName: string;
  /** Sessions checked in to (or 1 for 报到 when the class has no timetable). */
  attended: number;
  /** Sessions with an approved leave and no check-in. */
  approvedLeave: number;
}

export interface AttendanceSummary {
  classId: string;
  /** Sessions of the timetable; 1 when there is none (the 报到 then counts as the one session). */
  sessions: number;
  basis: 'sessions' | 'arrival';
  rows: AttendanceSummaryRow[];
}

/** Attendance of every enrolled teacher of a class (or of one teacher), for completion (结业). */
export async function attendanceSummary(
  repo: Pick<ClassesRepository, 'listSessions' | 'enrolments' | 'listLeave' | 'attendance'>,
  classId: string,
  teacherId?: string,
): Promise<AttendanceSummary> {
  const [sessions, enrolled, leave] = await Promise.all([
    repo.listSessions(classId),
    repo.enrolments(classId),
    repo.listLeave({ classId, ...(teacherId ? { teacherId } : {}) }),
  ]);
  const rows = enrolled.filter((e) => !teacherId || e.teacher_id === teacherId);
  const basis = sessions.length > 0 ? 'sessions' : 'arrival';
  const slots = basis === 'sessions' ? sessions.map((s) => `s${s.id}`) : ['arrive'];
  const att = await repo.attendance(classId, slots);
  const present = new Map<string, Set<string>>();
  for (const a of att) {
    const set = present.get(a.teacher_id) ?? new Set<string>();
    set.add(a.slot);
    present.set(a.teacher_id, set);
  }
  const onLeave = new Map<string, number>();
  for (const l of leave) {
    if (l.status !== 'approved' || present.get(l.teacher_id)?.has(`s${l.session_id}`)) continue;
    onLeave.set(l.teacher_id, (onLeave.get(l.teacher_id) ?? 0) + 1);
  }
  return {
    classId,
    sessions: slots.length,
    basis,
    rows: rows.map((e) => ({
      teacherId: e.teacher_id,
      countyId: e.county_id,
      orgPath: e.org_path,
      teacherName: e.teacher_name,
      schoolName: e.school_name,
      attended: present.get(e.teacher_id)?.size ?? 0,
      approvedLeave: basis === 'sessions' ? (onLeave.get(e.teacher_id) ?? 0) : 0,
    })),
  };
}
