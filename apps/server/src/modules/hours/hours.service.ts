import type { ReverseHoursRequest, RevokeDocumentRequest } from '@yanxun/contracts';
import { DEFAULT_HOUR_RULES } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AuditService } from '../audit';
import type { ThrottleService } from '../throttle';
import type { HoursContext } from './context';
import { type CreditInput, postCredits, reverseCredits } from './credits';
import { type CertificateFacts, certificateCode, revokeCertificateCodes } from './documents/document-codes';
import type { DocumentsRepository } from './documents/documents.repository';
import {
  documentsOfTeacher,
  issuedDocumentsOf,
  issueOwnTranscript,
  issueTranscript,
} from './documents/issue-transcript';
import { revokeDocument } from './documents/revoke-document';
import { type VerifyClient, verifyCode } from './documents/verify-code';
import type { LedgerRepository } from './ledger.repository';
import type { HonoursPort, HourRulesPort, TeachersPort } from './ports';
import { reverseEntry } from './reverse-entry';
import { hoursOf, teacherHours } from './transcript';

export interface HoursDeps {
  db: Database;
  repo: LedgerRepository;
  /** whether the actor may read a teacher (the people module) */
  people: TeachersPort;
  audit: AuditService;
  /** verification codes of issued documents */
  docs: DocumentsRepository;
  /** the public verification page's failure throttle */
  throttle: ThrottleService;
  /** the 学时 rules in force for a unit (the programs module's packs); core's defaults without one */
  rulesFor?: HourRulesPort;
  /** certificates of honour (the evaluation module) verified on the same public page */
  honours?: HonoursPort;
  clock?: () => Date;
}

/** The context every hours use case is given (the claims service builds on it too). */
export function hoursContext(deps: HoursDeps): HoursContext {
  return {
    db: deps.db,
    repo: deps.repo,
    people: deps.people,
    audit: deps.audit,
    docs: deps.docs,
    throttle: deps.throttle,
    rulesFor: deps.rulesFor ?? (async () => DEFAULT_HOUR_RULES),
    ...(deps.honours ? { honours: deps.honours } : {}),
    now: deps.clock ?? (() => new Date()),
  };
}

/**
 * The 学时 ledger: one append-only account of every credit a teacher earns (issue 12). Other modules post credits
 * through `postCredits` / `reverseCredits` inside their own transaction; people read a teacher's record and
 * bureaus reverse a posting with a reason.
 */
export function createHoursService(deps: HoursDeps) {
  const ctx = hoursContext(deps);
  return {
    teacherHours: (actor: Actor, teacherId: string) => teacherHours(ctx, actor, teacherId),
    reverseEntry: (actor: Actor, id: string, req: ReverseHoursRequest) => reverseEntry(ctx, actor, id, req),
    /** A teacher's record without authorization, for a module that has decided (the teacher's own page). */
    hoursOf: (teacherId: string) => hoursOf(ctx, teacherId, false),
    postCredits: (rows: CreditInput[], trx: Database) => postCredits(ctx, rows, trx),
    reverseCredits: (
      creditKey: string,
      teacherIds: string[],
      w: { by: string | null; reason: string },
      trx: Database,
    ) => reverseCredits(ctx, creditKey, teacherIds, w, trx),
    // documents/: 学时证明, certificates' codes, the public verification
    issueTranscript: (actor: Actor, teacherId: string, origin: string) =>
      issueTranscript(ctx, actor, teacherId, origin),
    issueOwnTranscript: (actor: Actor, origin: string) => issueOwnTranscript(ctx, actor, origin),
    documentsOf: (actor: Actor, teacherId: string) => documentsOfTeacher(ctx, actor, teacherId),
    /** The documents issued for a teacher, without authorization (the growth archive, which decided). */
    issuedDocumentsOf: (teacherId: string) => issuedDocumentsOf(ctx, teacherId),
    revokeDocument: (actor: Actor, code: string, req: RevokeDocumentRequest) =>
      revokeDocument(ctx, actor, code, req),
    verify: (code: string, client: VerifyClient) => verifyCode(ctx, code, client),
    /** A certificate's standing code (for the outcomes module, which decided who may print it). */
    certificateCode: (f: CertificateFacts, by: string | null, trx?: Database) =>
      certificateCode(ctx, f, by, trx),
    revokeCertificateCodes: (
      programmeId: string,
      teacherIds: string[],
      w: { by: string | null; reason: string },
      trx: Database,
    ) => revokeCertificateCodes(ctx, programmeId, teacherIds, w, trx),
  };
}

export type HoursService = ReturnType<typeof createHoursService>;
