/**
 * The web's API client: the one place that calls the server (components use `api`, never fetch). The transport
 * (request, CSRF header, errors, response parsing against the contracts) is api-transport.ts; the calls of each
 * feature area are api-session.ts, api-people.ts (codes, org tree, schools, teachers, imports), api-plans.ts,
 * api-classes.ts (classes, check-in, outcomes, completion), api-programmes.ts (packs, programmes, quotas,
 * nominations, integrity, KPIs, shortlists) and api-exams.ts (exams, releases, parents, the public).
 */
import type { ImportKind } from '@yanxun/contracts';
import { archiveApi } from './api-archive';
import { classesApi } from './api-classes';
import { communitiesApi } from './api-communities';
import { documentsApi } from './api-documents';
import { evaluationApi } from './api-evaluation';
import { examsApi } from './api-exams';
import { fiveEducationApi } from './api-five-education';
import { hourClaimsApi } from './api-hour-claims';
import { hoursComplianceApi } from './api-hours-compliance';
import { externalHoursApi } from './api-hours-external';
import { pairingsApi } from './api-pairings';
import { peopleApi } from './api-people';
import { plansApi } from './api-plans';
import { programmesApi } from './api-programmes';
import { schoolResearchApi } from './api-school-research';
import { selectionsApi } from './api-selections';
import { sessionApi } from './api-session';
import { trainersApi } from './api-trainers';
import { type ApiClientOptions, createTransport, fileNameFromDisposition, type Query } from './api-transport';

export {
  type ApiClientOptions,
  ApiError,
  type ApiErrorInit,
  buildUrl,
  type ClientErrorCode,
  fileNameFromDisposition,
  isApiError,
  type ListQuery,
  type Query,
  retryAfterOf,
} from './api-transport';

export function createApiClient(options: ApiClientOptions = {}) {
  const transport = createTransport(options);
  return {
    setUnauthorizedHandler: transport.setUnauthorizedHandler,
    getCsrfToken: transport.getCsrfToken,
    ...sessionApi(transport),
    ...peopleApi(transport),
    ...plansApi(transport),
    ...classesApi(transport),
    ...programmesApi(transport),
    ...examsApi(transport),
    ...hourClaimsApi(transport),
    ...externalHoursApi(transport),
    ...hoursComplianceApi(transport),
    ...documentsApi(transport),
    // the growth archive (R3-T09)
    ...archiveApi(transport),
    // 培训者团队 (the trainer pool)
    ...trainersApi(transport),
    // studios and workshops (工作室, 工作坊)
    ...communitiesApi(transport),
    // 校本研修 (school-based research)
    ...schoolResearchApi(transport),
    // 帮扶结对 (pairings)
    ...pairingsApi(transport),
    // 五育 comprehensive evaluation
    ...fiveEducationApi(transport),
    // evaluation (评价)
    ...evaluationApi(transport),
    // annual selections (评优评先) and certificates of honour
    ...selectionsApi(transport),

    /** GETs a file (xlsx) with the session cookie and returns it with the server's file name. */
    async fetchFile(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
      const res = await transport.send('GET', path, { query });
      return {
        blob: await res.blob(),
        fileName: fileNameFromDisposition(res.headers.get('content-disposition')),
      };
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const fileUrls = {
  // the growth archive as PDF: a teacher's, or the signed-in teacher's own
  archivePdf: (teacherId: string | null) =>
    teacherId ? `/api/v1/teachers/${encodeURIComponent(teacherId)}/archive.pdf` : '/api/v1/me/archive.pdf',
  // outcomes and completion
  outcomeFile: (submissionId: string) => `/api/v1/outcomes/${encodeURIComponent(submissionId)}/file`,
  certificate: (classId: string, teacherId: string) =>
    `/api/v1/classes/${encodeURIComponent(classId)}/completion/${encodeURIComponent(teacherId)}/certificate`,
  certificatePdf: (classId: string, teacherId: string) =>
    `/api/v1/classes/${encodeURIComponent(classId)}/completion/${encodeURIComponent(teacherId)}/certificate.pdf`,
  certificatesZip: (classId: string) => `/api/v1/classes/${encodeURIComponent(classId)}/certificates.zip`,
  planPdf: (planId: string, version: number) =>
    `/api/v1/plans/${encodeURIComponent(planId)}/versions/${version}/file`,
  template: (kind: ImportKind) => `/api/v1/imports/templates/${kind}`,
  errorReport: (importId: string) => `/api/v1/imports/${encodeURIComponent(importId)}/errors.xlsx`,
  export: (kind: ImportKind) => `/api/v1/exports/${kind}`,
  // 学时申报 evidence
  hourClaimEvidence: (claimId: string, fileId: string) =>
    `/api/v1/hour-claims/${encodeURIComponent(claimId)}/evidence/${encodeURIComponent(fileId)}`,
  // a studio's or workshop's activity photos and files
  activityFile: (communityId: string, activityId: string, fileId: string) =>
    `/api/v1/communities/${encodeURIComponent(communityId)}/activities/${encodeURIComponent(activityId)}/files/${encodeURIComponent(fileId)}`,
  // exams
  examReportXlsx: (examId: string) => `/api/v1/exams/${encodeURIComponent(examId)}/report.xlsx`,
  examReportPdf: (examId: string) => `/api/v1/exams/${encodeURIComponent(examId)}/report.pdf`,
  examUploadErrors: (examId: string, uploadId: string) =>
    `/api/v1/exams/${encodeURIComponent(examId)}/uploads/${encodeURIComponent(uploadId)}/errors.xlsx`,
};

function redirectToLogin(): void {
  if (typeof window === 'undefined' || window.location.pathname.startsWith('/login')) return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/** The one client the app uses. The router replaces the 401 handler with an in-app navigation. */
export const api = createApiClient({ onUnauthorized: redirectToLogin });
