/** Exams and quality monitoring, grade cut-offs, releases to parents and the public. */
import type {
  AccessCodeStatus,
  ExamRelease,
  ExamReleaseRequest,
  GradeCutPreview,
  GradePreviewRequest,
  IssueCodesRequest,
  ParentResults,
  ParentResultsRequest,
  PublicExamSummary,
  ReportSettings,
} from '@yanxun/contracts';
import {
  type CreateExamRequest,
  type DrawSampleRequest,
  type Exam,
  type ExamCycle,
  type ExamReport,
  type ExamUpload,
  type ExamWarning,
  examSchema,
  examUploadSchema,
  type IndicatorSystem,
  type IndicatorSystemRequest,
  type SchoolTrend,
} from '@yanxun/contracts';
import { fileNameFromDisposition, type Parser, parseWith, type Transport } from './api-transport';

// report bodies are plain interfaces in contracts; check the shape's anchor field only
function objectOf<T>(field: string): Parser<T> {
  return {
    safeParse(input) {
      if (typeof input === 'object' && input !== null && field in input)
        return { success: true, data: input as T };
      return { success: false, error: { issues: [{ path: [field], message: 'missing' }] } };
    },
  };
}
function arrayOf<T = never>(): Parser<T[]> {
  return {
    safeParse(input) {
      if (Array.isArray(input)) return { success: true, data: input as T[] };
      return { success: false, error: { issues: [{ path: [], message: 'expected an array' }] } };
    },
  };
}

export function examsApi({ get, json, send }: Transport) {
  return {
    listExams(query: { cycleId?: string } = {}): Promise<Exam[]> {
      return get(examSchema.array(), '/api/v1/exams', query);
    },
    async createExam(body: CreateExamRequest): Promise<Exam> {
      return parseWith(examSchema, await json('POST', '/api/v1/exams', { json: body }), 'POST /api/v1/exams');
    },
    async uploadExamScores(
      id: string,
      files: { scores: File; items: File; prior?: File },
    ): Promise<ExamUpload> {
      const form = new FormData();
      form.append('scores', files.scores, files.scores.name);
      form.append('items', files.items, files.items.name);
      if (files.prior) form.append('prior', files.prior, files.prior.name);
      const path = `/api/v1/exams/${encodeURIComponent(id)}/uploads`;
      return parseWith(examUploadSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    /** `confirmRemoval`: the number of stored students the server said this commit removes (409 CONFIRM_REMOVAL). */
    async commitExamUpload(id: string, uploadId: string, confirmRemoval?: number): Promise<ExamUpload> {
      const path = `/api/v1/exams/${encodeURIComponent(id)}/uploads/${encodeURIComponent(uploadId)}/commit`;
      const body = confirmRemoval === undefined ? {} : { confirmRemoval };
      return parseWith(examUploadSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    examReport(id: string): Promise<ExamReport> {
      return get(objectOf<ExamReport>('exam'), `/api/v1/exams/${encodeURIComponent(id)}/report`);
    },
    listExamCycles(): Promise<
      Array<{ id: string; name: string; semester: string; ownerName: string; sampled: boolean }>
    > {
      return get(arrayOf(), '/api/v1/exam-cycles');
    },
    examCycle(id: string): Promise<ExamCycle> {
      return get(objectOf<ExamCycle>('exams'), `/api/v1/exam-cycles/${encodeURIComponent(id)}`);
    },
    async drawExamSample(id: string, body: DrawSampleRequest): Promise<ExamCycle> {
      const path = `/api/v1/exam-cycles/${encodeURIComponent(id)}/sample`;
      return parseWith(
        objectOf<ExamCycle>('exams'),
        await json('POST', path, { json: body }),
        `POST ${path}`,
      );
    },
    examTrends(id: string): Promise<SchoolTrend[]> {
      return get(arrayOf<SchoolTrend>(), `/api/v1/exam-cycles/${encodeURIComponent(id)}/trends`);
    },
    async createExamCycle(body: { name: string; semester: string; ownerOrgId: string }): Promise<ExamCycle> {
      return parseWith(
        objectOf<ExamCycle>('exams'),
        await json('POST', '/api/v1/exam-cycles', { json: body }),
        'POST /api/v1/exam-cycles',
      );
    },
    examIndicators(ownerOrgId: string): Promise<IndicatorSystem[]> {
      return get(arrayOf<IndicatorSystem>(), '/api/v1/exam-indicators', { ownerOrgId });
    },
    async saveExamIndicators(body: IndicatorSystemRequest): Promise<IndicatorSystem[]> {
      return parseWith(
        arrayOf<IndicatorSystem>(),
        await json('PUT', '/api/v1/exam-indicators', { json: body }),
        'PUT /api/v1/exam-indicators',
      );
    },
    examWarnings(id: string): Promise<ExamWarning[]> {
      return get(arrayOf<ExamWarning>(), `/api/v1/exam-cycles/${encodeURIComponent(id)}/warnings`);
    },

    async saveExamReportSettings(id: string, body: ReportSettings): Promise<Exam> {
      const path = `/api/v1/exams/${encodeURIComponent(id)}/report-settings`;
      return parseWith(examSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    async examGradePreview(id: string, body: GradePreviewRequest): Promise<GradeCutPreview> {
      const path = `/api/v1/exams/${encodeURIComponent(id)}/grade-preview`;
      return parseWith(
        objectOf<GradeCutPreview>('schools'),
        await json('POST', path, { json: body }),
        `POST ${path}`,
      );
    },
    examRelease(id: string): Promise<ExamRelease> {
      return get(objectOf<ExamRelease>('examId'), `/api/v1/exams/${encodeURIComponent(id)}/release`);
    },
    async setExamRelease(id: string, body: ExamReleaseRequest): Promise<ExamRelease> {
      const path = `/api/v1/exams/${encodeURIComponent(id)}/release`;
      return parseWith(
        objectOf<ExamRelease>('examId'),
        await json('PUT', path, { json: body }),
        `PUT ${path}`,
      );
    },
    accessCodeStatus(schoolId: string): Promise<AccessCodeStatus> {
      return get(
        objectOf<AccessCodeStatus>('classes'),
        `/api/v1/schools/${encodeURIComponent(schoolId)}/exam-access-codes`,
      );
    },
    /** Issues codes; the Excel list comes back once (only hashes are kept on the server). */
    async issueAccessCodes(
      schoolId: string,
      body: IssueCodesRequest,
    ): Promise<{ blob: Blob; fileName: string | null }> {
      const res = await send('POST', `/api/v1/schools/${encodeURIComponent(schoolId)}/exam-access-codes`, {
        json: body,
      });
      return {
        blob: await res.blob(),
        fileName: fileNameFromDisposition(res.headers.get('content-disposition')),
      };
    },
    publicExamSummaries(): Promise<PublicExamSummary[]> {
      return get(arrayOf<PublicExamSummary>(), '/api/v1/public/exam-summaries');
    },
    publicExamSummary(id: string): Promise<PublicExamSummary> {
      return get(
        objectOf<PublicExamSummary>('summary'),
        `/api/v1/public/exam-summaries/${encodeURIComponent(id)}`,
      );
    },
    /** No sign-in: a wrong code is a 401 that must not send the parent to the staff login. */
    async parentResults(body: ParentResultsRequest): Promise<ParentResults> {
      return parseWith(
        objectOf<ParentResults>('entries'),
        await json('POST', '/api/v1/parent/results', { json: body, skipAuthRedirect: true }),
        'POST /api/v1/parent/results',
      );
    },
  };
}
