import type { OutcomeQueueQuery, RecordNotCompletedRequest, ReviewOutcomeRequest } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AuditService } from '../audit';
import type { FileKind, FilesService, Upload } from '../files';
import { certificateHtml, certificatePdf } from './certificates/certificate';
import { certificatesZip } from './certificates/certificates-zip';
import { runCompletion } from './completion/completion-run';
import { completion } from './completion/completion-view';
import { recordNotCompleted } from './completion/record-not-completed';
import type { OutcomesContext } from './context';
import type { OutcomesRepository } from './outcomes.repository';
import type { ClassesPort, CodesPort, HoursPort, ProgrammesPort, TeachersPort } from './ports';
import { myTraining, trainingOf } from './submissions/my-training';
import { queue, review } from './submissions/review';
import { assertCanSubmit, outcomeFile, submit } from './submissions/submit';

export interface OutcomesDeps {
  db: Database;
  repo: OutcomesRepository;
  /** classes, their attendance (the classes module's queries) */
  classes: ClassesPort;
  /** the programme and its pack, and the integrity archive (the programs module) */
  programs: ProgrammesPort;
  /** whether the actor may read a teacher (the people module) */
  people: TeachersPort;
  /** posting and reversing 学时 (the hours module) */
  hours: HoursPort;
  /** certificates' verification codes (the hours module's documents) */
  codes: CodesPort;
  files: Pick<FilesService, 'storeAnyOf' | 'metaOf' | 'meta' | 'content'>;
  audit: AuditService;
  /** Outcome upload kinds allowed by the configuration (OUTCOME_FILE_TYPES). */
  fileTypes: FileKind[];
  clock?: () => Date;
}

/**
 * Outcomes and completion: trainees hand in the outcomes their track owes (seed 004 annex)
 * before the due date; trainers and provider staff of the class review them with a score or return them;
 * a completion run evaluates every enrolled teacher (attendance from the classes module, accepted outcomes),
 * numbers certificates per programme without gaps and posts 学时 to the ledger once per teacher and programme.
 */
export function createOutcomesService(deps: OutcomesDeps) {
  const ctx: OutcomesContext = {
    db: deps.db,
    repo: deps.repo,
    classes: deps.classes,
    programs: deps.programs,
    people: deps.people,
    hours: deps.hours,
    codes: deps.codes,
    files: deps.files,
    audit: deps.audit,
    fileTypes: deps.fileTypes,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    // submissions/
    myTraining: (actor: Actor) => myTraining(ctx, actor),
    /** A teacher's classes as "我的培训" shows them, without an actor (the caller authorized: the archive). */
    trainingOf: (teacherId: string) => trainingOf(ctx, teacherId),
    assertCanSubmit: (actor: Actor, classId: string) => assertCanSubmit(ctx, actor, classId),
    submit: (
      actor: Actor,
      classId: string,
      requirementKey: string,
      input: { upload?: Upload; link?: string; note?: string },
    ) => submit(ctx, actor, classId, requirementKey, input),
    file: (actor: Actor, submissionId: string) => outcomeFile(ctx, actor, submissionId),
    queue: (actor: Actor, query: OutcomeQueueQuery) => queue(ctx, actor, query),
    review: (actor: Actor, submissionId: string, req: ReviewOutcomeRequest) =>
      review(ctx, actor, submissionId, req),
    // completion/
    completion: (actor: Actor, classId: string) => completion(ctx, actor, classId),
    run: (actor: Actor, classId: string) => runCompletion(ctx, actor, classId),
    recordNotCompleted: (actor: Actor, classId: string, teacherId: string, req: RecordNotCompletedRequest) =>
      recordNotCompleted(ctx, actor, classId, teacherId, req),
    // certificates/
    certificate: (actor: Actor, classId: string, teacherId: string, origin: string) =>
      certificateHtml(ctx, actor, classId, teacherId, origin),
    certificatePdf: (actor: Actor, classId: string, teacherId: string, origin: string) =>
      certificatePdf(ctx, actor, classId, teacherId, origin),
    certificatesZip: (actor: Actor, classId: string, origin: string) =>
      certificatesZip(ctx, actor, classId, origin),
  };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
