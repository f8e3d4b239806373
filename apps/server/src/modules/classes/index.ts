import { deadlineBoard, type PolicyPack } from '@yanxun/core';
import type { Database } from '../../db/database';
import {
  type ClassRow,
  createClassesRepository,
  type DocumentRow,
  type KpiCountsRow,
  createClassesRepository as kpiRepo,
} from './classes.repository';

export {
  type ClassesRepository,
  createClassesRepository,
  removeEnrolmentsOfNomination,
} from './classes.repository';

import { isId } from '../../shared/ids';

export { classesRoutes } from './classes.routes';
export { type ClassesService, createClassesService } from './classes.service';

import { submissionsOf } from './classes.service';

// ---- KPI counts for the reports module (no actor: the caller authorizes) ----

export type { KpiCountsRow };

/** Enrolled, registered (注册), arrived (报到) and person-sessions held/attended per unit, up to `asOf`. */
export function classKpiCounts(
  db: Database,
  programmeId: string,
  nodes: Array<{ id: string; path: string }>,
  asOf: string,
): Promise<KpiCountsRow[]> {
  return kpiRepo(db).kpiCounts(programmeId, nodes, asOf);
}

// ---- overdue class deadlines of many programmes (training overview; the caller authorizes) ----

/** Per programme: its classes and how many deadline items (R-004-09…15) are overdue (red) today. */
export interface ProgrammeDeadlineCount {
  classes: number;
  overdue: number;
  /** The overdue items' rule IDs, each once, for the tooltip. */
  overdueRules: string[];
}

/**
 * The deadline board (core deadlineBoard) of every class of these programmes, counted per programme, in four
 * statements whatever the number of programmes or classes: classes, their documents, the providers' 工作简报
 * and the providers' last class end per programme.
 */
export async function deadlineCountsOfProgrammes(
  db: Database,
  programmes: Array<{ id: string; pack: PolicyPack }>,
  today: string,
): Promise<Map<string, ProgrammeDeadlineCount>> {
  const repo = createClassesRepository(db);
  const out = new Map<string, ProgrammeDeadlineCount>(
    programmes.map((p) => [p.id, { classes: 0, overdue: 0, overdueRules: [] }]),
  );
  const classes = await repo.classesOfProgrammes(programmes.map((p) => p.id));
  if (classes.length === 0) return out;
  const packOf = new Map(programmes.map((p) => [p.id, p.pack]));
  const [docs, prov] = await Promise.all([
    repo.listDocuments(classes.map((c) => c.id)),
    repo.bulletinsOfProviders([...new Set(classes.map((c) => c.provider_org_id))]),
  ]);
  const docsOf = new Map<string, DocumentRow[]>();
  for (const d of docs) docsOf.set(d.class_id, [...(docsOf.get(d.class_id) ?? []), d]);
  for (const c of classes) {
    const pack = packOf.get(c.programme_id);
    const count = out.get(c.programme_id);
    if (!pack || !count) continue;
    // R-004-14 "每个单位…不少于3期": per provider and project, or per provider, as the pack reads it
    const perProject = pack.deadlines.bulletinsBasis.value === 'provider_project';
    const mine = (r: { provider_org_id: string; programme_id: string }) =>
      r.provider_org_id === c.provider_org_id && (!perProject || r.programme_id === c.programme_id);
    const dates = prov.bulletins.filter(mine).map((b) => b.submitted_on);
    const lastEnd = prov.lastEnds
      .filter(mine)
      .reduce<string | null>((m, r) => (m === null || r.last_end > m ? r.last_end : m), null);
    const due = lastEnd && lastEnd > c.end_date ? lastEnd : c.end_date;
    const board = deadlineBoard(
      pack,
      { startDate: c.start_date, endDate: c.end_date },
      submissionsOf(docsOf.get(c.id) ?? [], c, dates),
      today,
      { bulletinsDueDate: due },
    );
    count.classes += 1;
    for (const item of board) {
      if (item.light !== 'red') continue;
      count.overdue += 1;
      if (!count.overdueRules.includes(item.ruleId)) count.overdueRules.push(item.ruleId);
    }
  }
  return out;
}

// ---- for outcomes and completion: no actor, the caller authorizes ----

export type { ClassRow } from './classes.repository';

/** A class with its programme and provider (for a module that authorizes on its own), or undefined. */
export async function classById(db: Database, id: string): Promise<ClassRow | undefined> {
  return isId(id) ? createClassesRepository(db).findClass(id) : undefined;
}

/** Class ids the teacher is enrolled in. */
export function classesOfTeacher(db: Database, teacherId: string): Promise<string[]> {
  return createClassesRepository(db).classesOfTeacher(teacherId);
}

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
  db: Database,
  classId: string,
  teacherId?: string,
): Promise<AttendanceSummary> {
  const repo = createClassesRepository(db);
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
