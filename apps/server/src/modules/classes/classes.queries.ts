/**
 * What the classes module answers for other modules (outcomes, reports), without an actor: the caller
 * authorizes. Built in services.ts from the module's own repository and handed to the needing modules'
 * ports; no other module reads the classes tables through it.
 */
import type { PolicyPack } from '@yanxun/core';
import { isId } from '../../shared/ids';
import { attendanceSummary } from './checkin/attendance-summary';
import type { ClassesRepository, ClassRow, KpiCountsRow } from './classes.repository';
import { deadlineCountsOfProgrammes } from './deadlines/deadline-board';

export function createClassQueries(repo: ClassesRepository) {
  return {
    /** A class with its programme and provider, or undefined (also for an id that is no id). */
    async classById(id: string): Promise<ClassRow | undefined> {
      return isId(id) ? repo.findClass(id) : undefined;
    },

    /** Class ids the teacher is enrolled in. */
    classesOfTeacher: (teacherId: string): Promise<string[]> => repo.classesOfTeacher(teacherId),

    /** Attendance of every enrolled teacher of a class (or of one teacher), for completion (结业). */
    attendanceSummary: (classId: string, teacherId?: string) => attendanceSummary(repo, classId, teacherId),

    /** Enrolled, registered (注册), arrived (报到) and person-sessions begun/attended per unit, by `asOf` `time`. */
    classKpiCounts: (
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
      asOf: string,
      time: string,
    ): Promise<KpiCountsRow[]> => repo.kpiCounts(programmeId, nodes, asOf, time),

    /** Per programme: its classes and how many deadline items are overdue today (training overview). */
    deadlineCountsOfProgrammes: (programmes: Array<{ id: string; pack: PolicyPack }>, today: string) =>
      deadlineCountsOfProgrammes(repo, programmes, today),
  };
}

export type ClassQueries = ReturnType<typeof createClassQueries>;
