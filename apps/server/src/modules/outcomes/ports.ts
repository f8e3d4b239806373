/**
 * What the outcomes module needs from other modules, declared here and wired in services.ts: the classes
 * (a class, a teacher's classes, attendance as completion counts it), the programmes (the programme and
 * its pack; 未结业 into the integrity archive), and the people module's decision whether the actor may read
 * a teacher. Types only come from the offering modules.
 */
import type { CreateIntegrityRecordRequest } from '@yanxun/contracts';
import type { PolicyPack } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import type { AttendanceSummary, ClassRow } from '../classes';
import type { ProgrammeRef } from '../programs';

/** Classes, for a module that authorizes on its own (no actor). */
export interface ClassesPort {
  /** A class with its programme and provider, or undefined. */
  classById(id: string): Promise<ClassRow | undefined>;
  /** Class ids the teacher is enrolled in. */
  classesOfTeacher(teacherId: string): Promise<string[]>;
  /** Attendance of every enrolled teacher of a class (or of one teacher). */
  attendanceSummary(classId: string, teacherId?: string): Promise<AttendanceSummary>;
}

export interface ProgrammesPort {
  /** The programme and its policy pack, or undefined. */
  programmeWithPack(id: string): Promise<{ programme: ProgrammeRef; pack: PolicyPack } | undefined>;
  /** Record in the integrity archive (诚信档案) as the actor; the programs module authorizes. */
  createIntegrity(actor: Actor, req: CreateIntegrityRecordRequest): Promise<unknown>;
}

export interface TeachersPort {
  /** The teacher, when the actor may read them (the people module decides; not found otherwise). */
  detail(actor: Actor, teacherId: string): Promise<{ id: string }>;
}
