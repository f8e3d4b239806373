import type { Database } from '../../db/database';
import { createAttendanceRepository } from './checkin/attendance.repository';
import { createDeadlinesRepository } from './deadlines/deadlines.repository';
import { createEnrolmentRepository } from './enrolment/enrolment.repository';
import { createLeaveRepository } from './leave/leave.repository';
import { createLifecycleRepository } from './lifecycle/lifecycle.repository';
import { createSessionsRepository } from './sessions/sessions.repository';

export type { KpiCountsRow } from './checkin/attendance.repository';
export type { DocumentRow } from './deadlines/deadlines.repository';
export { type EnrolmentRow, removeEnrolmentsOfNomination } from './enrolment/enrolment.repository';
export type { LeaveRow } from './leave/leave.repository';
export type { ClassRow, ClassWrite } from './lifecycle/lifecycle.repository';
export type { SessionRow } from './sessions/sessions.repository';

/** The classes module's repository: the area repositories over one `db`, the only place that writes SQL. */
export function createClassesRepository(db: Database) {
  return {
    ...createLifecycleRepository(db),
    ...createSessionsRepository(db),
    ...createDeadlinesRepository(db),
    ...createEnrolmentRepository(db),
    ...createAttendanceRepository(db),
    ...createLeaveRepository(db),
  };
}

export type ClassesRepository = ReturnType<typeof createClassesRepository>;
