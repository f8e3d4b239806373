/**
 * What the outcomes module needs from other modules, declared here and wired in services.ts: the classes
 * (a class, a teacher's classes, attendance as completion counts it), the programmes (the programme and
 * its pack; 未结业 into the integrity archive), the people module's decision whether the actor may read
 * a teacher, and the hours module's ledger. Types only come from the offering modules.
 */
import type { CreateIntegrityRecordRequest, TeacherHours } from '@yanxun/contracts';
import type { PolicyPack } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AttendanceSummary, ClassRow } from '../classes';
import type { CertificateFacts, CreditInput } from '../hours';
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

/** The 学时 ledger (the hours module): posting and reversing credits in the caller's transaction. */
export interface HoursPort {
  /** Post the credits not posted before (a reversed one stays reversed); the number posted. */
  postCredits(rows: CreditInput[], trx: Database): Promise<number>;
  /** Reverse the standing postings of a credit for these teachers; the number reversed. */
  reverseCredits(
    creditKey: string,
    teacherIds: string[],
    w: { by: string | null; reason: string },
    trx: Database,
  ): Promise<number>;
  /** A teacher's record (the caller has authorized). */
  hoursOf(teacherId: string): Promise<TeacherHours>;
}

/** Certificates' verification codes (the hours module's documents). */
export interface CodesPort {
  /** The certificate's standing code, created with these facts on its first print. */
  certificateCode(f: CertificateFacts, by: string | null, trx?: Database): Promise<string>;
  /** Revoke the codes of these teachers' certificates of a programme, in the caller's transaction. */
  revokeCertificateCodes(
    programmeId: string,
    teacherIds: string[],
    w: { by: string | null; reason: string },
    trx: Database,
  ): Promise<string[]>;
}
