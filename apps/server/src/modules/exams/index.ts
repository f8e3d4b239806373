/**
 * Exams and teaching-quality monitoring: exams, score uploads (dry run → all-or-nothing commit), the cached
 * analysis (core), reports by audience (SZ-12, R-002-58), monitoring cycles with a stratified sample, trends and
 * early warnings (R-002-12), indicator systems per 学段 × 学科 (R-002-11); and what the office releases of an exam
 * to the public and to parents. See README.md for the areas.
 */
import type {
  CommitExamUploadRequest,
  CreateExamRequest,
  DrawSampleRequest,
  ExamReleaseRequest,
  IndicatorSystemRequest,
  IssueCodesRequest,
  ParentResultsRequest,
  ReportSettings,
} from '@yanxun/contracts';
import { EXAM_REPORT_POLICY, type GradeCut } from '@yanxun/core/exams';
import type { Actor } from '../../shared/actor';
import { once } from '../../shared/once';
import { inProcessSheets } from '../../shared/sheets/in-process';
import type { ExamReleaseContext, ExamReleaseServiceDeps, ExamsContext, ExamsServiceDeps } from './context';
import { createCycle, drawSample, getCycle, listCycles } from './cycles/cycles.service';
import { trends } from './cycles/trends.service';
import { latestWarnings, warnings } from './cycles/warnings.service';
import { createExam, getExam, listExams, setReportSettings } from './exams/exams.service';
import { listIndicators, putIndicators } from './indicators/indicators.service';
import { codeStatus, issueCodes } from './parents/access-codes.service';
import type { ClientInfo } from './parents/parent-codes';
import { parentResults } from './parents/parent-results.service';
import { getPublic, listPublic } from './release/public-summaries.service';
import { releaseStatus, setRelease } from './release/publish.service';
import { previewGradeCuts } from './reports/grade-preview.service';
import { report, reportPdf, reportWorkbook } from './reports/reports.service';
import { commit, uploadErrorsWorkbook } from './upload/commit.service';
import { upload } from './upload/dry-run.service';
import { REMOVAL_CONFIRM_SHARE } from './upload/removal';
import { UPLOAD_ERRORS_KEPT, UPLOAD_TTL_MS, type UploadFiles } from './upload/upload-settings';

export type { ExamReleaseServiceDeps, ExamsServiceDeps } from './context';
export { examReleaseRoutes, examsRoutes } from './exams.routes';
export type { ClientInfo } from './parents/parent-codes';
export {
  createExamReleaseRepository,
  createExamsRepository,
  type ExamReleaseRepository,
  type ExamsRepository,
} from './repositories';
export type { ExamStudentWrite } from './upload/upload.repository';
export type { UploadFile, UploadFiles } from './upload/upload-settings';

export function createExamsService(deps: ExamsServiceDeps) {
  const ctx: ExamsContext = {
    db: deps.db,
    repo: deps.repo,
    audit: deps.audit,
    sheets: deps.sheets ?? inProcessSheets(),
    now: deps.clock ?? (() => new Date()),
    uploadTtlMs: deps.uploadTtlMs ?? UPLOAD_TTL_MS,
    maxErrorsKept: deps.maxErrorsKept ?? UPLOAD_ERRORS_KEPT,
    scoreFastPath: deps.scoreFastPath ?? true,
    removalShare: deps.removalConfirmShare ?? REMOVAL_CONFIRM_SHARE,
  };
  return {
    // exams
    createExam: (actor: Actor, req: CreateExamRequest) => createExam(ctx, actor, req),
    listExams: (actor: Actor, cycleId?: string) => listExams(ctx, actor, cycleId),
    getExam: (actor: Actor, id: string) => getExam(ctx, actor, id),
    setReportSettings: (actor: Actor, id: string, settings: ReportSettings) =>
      setReportSettings(ctx, actor, id, settings),
    // upload: dry run, commit, the dry run's errors
    upload: (actor: Actor, examId: string, files: UploadFiles) => upload(ctx, actor, examId, files),
    commit: (actor: Actor, examId: string, uploadId: string, req?: CommitExamUploadRequest) =>
      commit(ctx, actor, examId, uploadId, req),
    uploadErrorsWorkbook: (actor: Actor, examId: string, uploadId: string) =>
      uploadErrorsWorkbook(ctx, actor, examId, uploadId),
    // reports
    report: (actor: Actor, id: string) => report(ctx, actor, id),
    reportWorkbook: (actor: Actor, id: string) => reportWorkbook(ctx, actor, id),
    reportPdf: (actor: Actor, id: string) => reportPdf(ctx, actor, id),
    previewGradeCuts: (actor: Actor, id: string, cuts: GradeCut[]) => previewGradeCuts(ctx, actor, id, cuts),
    // monitoring cycles
    createCycle: (actor: Actor, req: { name: string; semester: string; ownerOrgId: string }) =>
      createCycle(ctx, actor, req),
    listCycles: (actor: Actor) => listCycles(ctx, actor),
    getCycle: (actor: Actor, id: string) => getCycle(ctx, actor, id),
    drawSample: (actor: Actor, id: string, req: DrawSampleRequest) => drawSample(ctx, actor, id, req),
    trends: (actor: Actor, id: string) => trends(ctx, actor, id),
    warnings: (actor: Actor, id: string) => warnings(ctx, actor, id),
    latestWarnings: (actor: Actor) => latestWarnings(ctx, actor),
    // indicator systems
    listIndicators: (actor: Actor, ownerOrgId: string) => listIndicators(ctx, actor, ownerOrgId),
    putIndicators: (actor: Actor, req: IndicatorSystemRequest) => putIndicators(ctx, actor, req),
  };
}

export type ExamsService = ReturnType<typeof createExamsService>;

export function createExamReleaseService(deps: ExamReleaseServiceDeps) {
  const ctx: ExamReleaseContext = {
    db: deps.db,
    repo: deps.repo,
    audit: deps.audit,
    exams: deps.exams,
    throttle: deps.throttle,
    codeSecret: once(() => deps.repo.secret('exam-code'), deps.codeSecret),
    now: deps.clock ?? (() => new Date()),
    policy: deps.policy ?? EXAM_REPORT_POLICY,
  };
  return {
    // the office
    releaseStatus: (actor: Actor, id: string) => releaseStatus(ctx, actor, id),
    setRelease: (actor: Actor, id: string, req: ExamReleaseRequest) => setRelease(ctx, actor, id, req),
    // the public (no sign-in)
    listPublic: () => listPublic(ctx),
    getPublic: (id: string) => getPublic(ctx, id),
    // schools: access codes
    codeStatus: (actor: Actor, schoolId: string) => codeStatus(ctx, actor, schoolId),
    issueCodes: (actor: Actor, schoolId: string, req: IssueCodesRequest) =>
      issueCodes(ctx, actor, schoolId, req),
    // parents (no sign-in)
    parentResults: (req: ParentResultsRequest, client: ClientInfo) => parentResults(ctx, req, client),
  };
}

export type ExamReleaseService = ReturnType<typeof createExamReleaseService>;
