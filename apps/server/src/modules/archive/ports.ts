/**
 * What the archive needs from other modules, declared here and wired in services.ts. Each port is narrow and
 * answers for one teacher; only `people.detail` takes the actor, because the people module decides who may read a
 * teacher (out of scope throws not-found). Everything else is read after that decision, without an actor.
 * Types only come from the offering modules.
 */
import type {
  ArchiveEvaluation,
  ArchiveHonour,
  ArchiveStudioRole,
  ArchiveTrainerRole,
  IntegrityRecordBody,
  IssuedDocument,
  MyTrainingItem,
  Posting,
  TeacherHours,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { TeacherNomination } from '../programs';

export interface TeachersPort {
  /** The teacher, if the actor may read them (in scope, or the teacher themself); throws not-found otherwise. */
  detail(
    actor: Actor,
    teacherId: string,
  ): Promise<{
    id: string;
    name: string;
    schoolId: string;
    schoolName: string;
    countyName: string | null;
    stage: string | null;
    subject: string | null;
    title: string | null;
    backbone: string | null;
    teachingYears: number | null;
    rolesHeld: string[];
    postings: Posting[];
    /** The list's mask of the ID number, and whether the actor may reveal the whole number. */
    idNumberMasked: string;
    canRevealIdNumber: boolean;
  }>;
  /** The ID number's last four (as a 学时证明 prints them); never the whole number. */
  cardOf(teacherId: string): Promise<{ idTail: string } | undefined>;
}

/** The programs module: nominations and the integrity archive (诚信档案) of one teacher. */
export interface ProgrammesPort {
  nominationsOf(teacherId: string): Promise<TeacherNomination[]>;
  integrityOf(teacherId: string): Promise<IntegrityRecordBody[]>;
}

/** The outcomes module: the teacher's classes with attendance, outcomes, completion and certificate. */
export interface TrainingPort {
  trainingOf(teacherId: string): Promise<MyTrainingItem[]>;
}

/** The hours module: the evaluated 学时 record and the documents issued (学时证明, certificates' codes). */
export interface HoursPort {
  hoursOf(teacherId: string): Promise<TeacherHours>;
  issuedDocumentsOf(teacherId: string): Promise<IssuedDocument[]>;
}

/**
 * The records other modules keep of a teacher: studio and workshop roles (communities), trainer roles (the trainer
 * pool), honours (the evaluation module's annual selections) and evaluations (none recorded yet: services.ts fills
 * them from `NO_GROWTH_RECORDS`, and the archive shows an empty section as "暂无记录").
 */
export interface GrowthRecordsPort {
  recordsOf(teacherId: string): Promise<{
    studioRoles: ArchiveStudioRole[];
    trainerRoles: ArchiveTrainerRole[];
    honours: ArchiveHonour[];
    evaluations: ArchiveEvaluation[];
  }>;
}

/** Nothing recorded: the growth records port until the studios (13) and evaluation (14) modules exist. */
export const NO_GROWTH_RECORDS: GrowthRecordsPort = {
  recordsOf: async () => ({ studioRoles: [], trainerRoles: [], honours: [], evaluations: [] }),
};
