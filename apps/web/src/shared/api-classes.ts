/** Classes and check-in, and the trainees' outcomes and completion (结业, 学时). */
import {
  type CheckinDisplay,
  type CheckinResult,
  type ClassAlert,
  type ClassCompletion,
  type ClassDetail,
  type ClassProvider,
  type ClassSummary,
  type CompletionRow,
  type CompletionRunResult,
  type CreateClassRequest,
  type CreateDocumentRequest,
  type CreateSessionRequest,
  checkinDisplaySchema,
  checkinResultSchema,
  classAlertSchema,
  classCompletionSchema,
  classDetailSchema,
  classProviderSchema,
  classSummarySchema,
  completionRowSchema,
  completionRunResultSchema,
  type LiveBoard,
  liveBoardSchema,
  type MyClass,
  type MyTraining,
  myClassSchema,
  myTrainingSchema,
  type OutcomeQueueQuery,
  type OutcomeSubmission,
  outcomeSubmissionSchema,
  type ReviewOutcomeRequest,
  type SubmitOutcomeLink,
  type TeacherHours,
  teacherHoursSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const classList = classSummarySchema.array();
const classAlertList = classAlertSchema.array();
const myClassList = myClassSchema.array();

export function classesApi({ get, json }: Transport) {
  return {
    listClasses(query: { programmeId?: string } = {}): Promise<ClassSummary[]> {
      return get(classList, '/api/v1/classes', query);
    },
    classDetail(id: string): Promise<ClassDetail> {
      return get(classDetailSchema, `/api/v1/classes/${encodeURIComponent(id)}`);
    },
    classAlerts(): Promise<ClassAlert[]> {
      return get(classAlertList, '/api/v1/class-alerts');
    },
    checkinDisplay(id: string, slot: string): Promise<CheckinDisplay> {
      return get(checkinDisplaySchema, `/api/v1/classes/${encodeURIComponent(id)}/checkin-display`, { slot });
    },
    liveBoard(id: string, slot: string): Promise<LiveBoard> {
      return get(liveBoardSchema, `/api/v1/classes/${encodeURIComponent(id)}/live`, { slot });
    },
    myClasses(): Promise<MyClass[]> {
      return get(myClassList, '/api/v1/my/classes');
    },
    async checkin(body: { t: string } | { code: string }): Promise<CheckinResult> {
      return parseWith(
        checkinResultSchema,
        await json('POST', '/api/v1/checkin', { json: body }),
        'POST /api/v1/checkin',
      );
    },
    async addClassDocument(id: string, body: CreateDocumentRequest): Promise<void> {
      await json('POST', `/api/v1/classes/${encodeURIComponent(id)}/documents`, { json: body });
    },
    classProviders(): Promise<ClassProvider[]> {
      return get(classProviderSchema.array(), '/api/v1/class-providers');
    },
    async createClass(body: CreateClassRequest): Promise<ClassDetail> {
      return parseWith(
        classDetailSchema,
        await json('POST', '/api/v1/classes', { json: body }),
        'POST /api/v1/classes',
      );
    },
    async addClassSession(id: string, body: CreateSessionRequest): Promise<void> {
      await json('POST', `/api/v1/classes/${encodeURIComponent(id)}/sessions`, { json: body });
    },

    myTraining(): Promise<MyTraining> {
      return get(myTrainingSchema, '/api/v1/me/training');
    },
    async submitOutcomeFile(classId: string, key: string, file: File): Promise<OutcomeSubmission> {
      const form = new FormData();
      form.append('file', file, file.name);
      const path = `/api/v1/classes/${encodeURIComponent(classId)}/outcomes/${encodeURIComponent(key)}/file`;
      return parseWith(outcomeSubmissionSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    async submitOutcomeLink(
      classId: string,
      key: string,
      body: SubmitOutcomeLink,
    ): Promise<OutcomeSubmission> {
      const path = `/api/v1/classes/${encodeURIComponent(classId)}/outcomes/${encodeURIComponent(key)}/link`;
      return parseWith(outcomeSubmissionSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    outcomeQueue(query: OutcomeQueueQuery): Promise<OutcomeSubmission[]> {
      return get(outcomeSubmissionSchema.array(), '/api/v1/outcomes', { ...query });
    },
    async reviewOutcome(id: string, body: ReviewOutcomeRequest): Promise<OutcomeSubmission> {
      const path = `/api/v1/outcomes/${encodeURIComponent(id)}/review`;
      return parseWith(outcomeSubmissionSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    classCompletion(classId: string): Promise<ClassCompletion> {
      return get(classCompletionSchema, `/api/v1/classes/${encodeURIComponent(classId)}/completion`);
    },
    async runCompletion(classId: string): Promise<CompletionRunResult> {
      const path = `/api/v1/classes/${encodeURIComponent(classId)}/completion/run`;
      return parseWith(completionRunResultSchema, await json('POST', path), `POST ${path}`);
    },
    async recordNotCompleted(classId: string, teacherId: string, evidence?: string): Promise<CompletionRow> {
      const path = `/api/v1/classes/${encodeURIComponent(classId)}/completion/${encodeURIComponent(teacherId)}/integrity`;
      return parseWith(
        completionRowSchema,
        await json('POST', path, { json: evidence ? { evidence } : {} }),
        `POST ${path}`,
      );
    },
    teacherHours(teacherId: string): Promise<TeacherHours> {
      return get(teacherHoursSchema, `/api/v1/teachers/${encodeURIComponent(teacherId)}/hours`);
    },
    async reverseHours(id: string, reason: string): Promise<TeacherHours> {
      const path = `/api/v1/hours/${encodeURIComponent(id)}/reverse`;
      return parseWith(teacherHoursSchema, await json('POST', path, { json: { reason } }), `POST ${path}`);
    },
  };
}
