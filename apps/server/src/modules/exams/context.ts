/**
 * What the use cases of the module work with, built once by index.ts: the exams context (exams, uploads, the
 * analysis, reports, cycles, indicator systems) and the release context (the public, access codes, parents).
 */
import type { ExamReportPolicy } from '@yanxun/core/exams';
import type { Database } from '../../db/database';
import type { SheetPool } from '../../shared/sheets/pool';
import type { AuditService } from '../audit';
import type { ThrottleService } from '../throttle';
import type { ExamsForRelease } from './release/release.ports';
import type { ExamReleaseRepository, ExamsRepository } from './repositories';

export interface ExamsServiceDeps {
  db: Database;
  repo: ExamsRepository;
  audit: AuditService;
  /** reads the uploaded sheets within the upload limits (the server: the upload worker pool; else in-process) */
  sheets?: Pick<SheetPool, 'readExam'>;
  /** errors kept per dry run for the error workbook (default UPLOAD_ERRORS_KEPT) */
  maxErrorsKept?: number;
  clock?: () => Date;
  /** how long a dry run can be committed (default UPLOAD_TTL_MS) */
  uploadTtlMs?: number;
  /** core's CSV fast path for score sheets (default on; off = always the general path, for the tests) */
  scoreFastPath?: boolean;
  /** share of an exam's stored students a commit may remove unconfirmed (default REMOVAL_CONFIRM_SHARE) */
  removalConfirmShare?: number;
}

export interface ExamsContext {
  db: Database;
  repo: ExamsRepository;
  audit: AuditService;
  sheets: Pick<SheetPool, 'readExam'>;
  now: () => Date;
  uploadTtlMs: number;
  maxErrorsKept: number;
  scoreFastPath: boolean;
  removalShare: number;
}

export interface ExamReleaseServiceDeps {
  db: Database;
  repo: ExamReleaseRepository;
  audit: AuditService;
  /** the exams side: visibility of an exam and its report (release/release.ports.ts) */
  exams: ExamsForRelease;
  throttle: ThrottleService;
  /**
   * The HMAC key of the access codes; every server of a deployment must share it and it must survive restarts:
   * EXAM_CODE_SECRET, or else a random key generated on first use and kept in the database (app_secrets).
   */
  codeSecret?: Buffer;
  clock?: () => Date;
  policy?: ExamReportPolicy;
}

export interface ExamReleaseContext {
  db: Database;
  repo: ExamReleaseRepository;
  audit: AuditService;
  exams: ExamsForRelease;
  throttle: ThrottleService;
  /** the access codes' HMAC key, read (or made) once */
  codeSecret: () => Promise<Buffer>;
  now: () => Date;
  policy: ExamReportPolicy;
}

/** A use case with its context bound, as the service objects offer it (and the routes call it). */
export type Bound<F> = F extends (ctx: never, ...args: infer A) => infer R ? (...args: A) => R : never;
