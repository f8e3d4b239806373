// programmes
// ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
// ---- KPIs, shortlists, substitution requests, appeals, notifications ----

// ---- parents and the public ----
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
  type AllocateRequest,
  type AllocateResult,
  allocateResultSchema,
  // plans
  type BudgetReport,
  budgetReportSchema,
  type ChangePasswordRequest,
  type CheckinDisplay,
  type CheckinResult,
  type ClassAlert,
  // outcomes and completion
  type ClassCompletion,
  type ClassDetail,
  type ClassProvider,
  type ClassSummary,
  type ClonePackRequest,
  type CodeTables,
  type CompletionRow,
  type CompletionRunResult,
  type ConfirmShortlistRequest,
  type CreateClassRequest,
  type CreateDocumentRequest,
  // exams
  type CreateExamRequest,
  type CreateIntegrityRecordRequest,
  type CreateProgrammeRequest,
  type CreateSessionRequest,
  type CreateSpendingRequest,
  CSRF_HEADER,
  checkinDisplaySchema,
  checkinResultSchema,
  classAlertSchema,
  classCompletionSchema,
  classDetailSchema,
  classProviderSchema,
  classSummarySchema,
  codeTablesSchema,
  completionRowSchema,
  completionRunResultSchema,
  type DrawSampleRequest,
  type EligibilityRequest,
  type EligibilityResultBody,
  type Exam,
  type ExamCycle,
  type ExamReport,
  type ExamUpload,
  type ExamWarning,
  eligibilityResultSchema,
  errorBodySchema,
  examSchema,
  examUploadSchema,
  type ImportJob,
  type ImportKind,
  type ImportRowError,
  type IndicatorSystem,
  type IndicatorSystemRequest,
  type IntegrityAppealDecision,
  type IntegrityListQuery,
  type IntegrityRecordBody,
  importJobSchema,
  importRowErrorSchema,
  integrityRecordSchema,
  type KpiQuery,
  type KpiReport,
  kpiReportSchema,
  type LiveBoard,
  type LoginRequest,
  liveBoardSchema,
  type Me,
  type MyClass,
  type MyTraining,
  meSchema,
  myClassSchema,
  myTrainingSchema,
  type NominateRequest,
  type Nomination,
  type NominationListQuery,
  type NotificationList,
  nominationSchema,
  notificationListSchema,
  notificationSchema,
  type OpenProgramme,
  type OrgDetail,
  type OrgNode,
  type OutcomeQueueQuery,
  type OutcomeSubmission,
  // 培训总览
  type OverviewQuery,
  openProgrammeSchema,
  orgDetailSchema,
  orgNodeSchema,
  outcomeSubmissionSchema,
  type PackDetail,
  type PackListQuery,
  type PackPreview,
  type PackPreviewRequest,
  type PackSummary,
  type Page,
  type PlanCheckResultBody,
  type PlanDetail,
  type PlanListQuery,
  type PlanSummary,
  type PolicyPackBody,
  type Programme,
  type ProgrammeListQuery,
  packDetailSchema,
  packPreviewSchema,
  packSummarySchema,
  pageOf,
  planCheckResultSchema,
  planDetailSchema,
  planSummarySchema,
  programmeSchema,
  type QuotaSuggestion,
  type QuotaSuggestQuery,
  type QuotaTree,
  quotaSuggestionSchema,
  quotaTreeSchema,
  type ReviewOutcomeRequest,
  type SchoolListQuery,
  type SchoolRow,
  type SchoolTrend,
  type ShortlistMarksRequest,
  type ShortlistResult,
  type ShortlistSelection,
  type ShortlistSummary,
  type SubmitOutcomeLink,
  type SubstituteRequest,
  type SubstitutionDecision,
  type SubstitutionDecisionResult,
  type SubstitutionListQuery,
  type SubstitutionRequestBody,
  schoolRowSchema,
  shortlistResultSchema,
  shortlistSelectionSchema,
  shortlistSummarySchema,
  substitutionDecisionResultSchema,
  substitutionRequestSchema,
  type TeacherDetail,
  type TeacherHours,
  type TeacherListQuery,
  type TeacherRow,
  type TrainingOverview,
  type TrainingPlanBody,
  type TransferRequest,
  teacherDetailSchema,
  teacherHoursSchema,
  teacherRowSchema,
  trainingOverviewSchema,
  type UpdateProgrammeRequest,
  type WithdrawResult,
  withdrawResultSchema,
} from '@yanxun/contracts';

/** Codes the client itself produces, next to the server's ERROR_CODES. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string | null;
  /** the answer's Retry-After header (429, 503), in seconds from when it arrived */
  retryAfterSeconds?: number | null;
}

/** Every failed call ends here: the server's `{ error: { code, message, details?, requestId } }`, unchanged. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The structural bit of a zod schema we need; keeps zod itself out of the web's imports. */
interface Parser<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Login answers 401 for a wrong password: that is not "session gone", so do not redirect. */
  skipAuthRedirect?: boolean;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: typeof fetch;
  onUnauthorized?: (error: ApiError) => void;
}

const FALLBACK_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'FILE_TOO_LARGE',
  422: 'FILE_LIMIT_EXCEEDED',
  429: 'RATE_LIMITED',
  503: 'SERVER_BUSY',
};

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Retry-After: delta-seconds or an HTTP date → seconds from now (null when absent or unreadable). */
export function retryAfterOf(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function readError(res: Response): Promise<ApiError> {
  const headerRequestId = res.headers.get('x-request-id');
  const retryAfterSeconds = retryAfterOf(res.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError({ status: res.status, code, message, details, requestId, retryAfterSeconds });
  }
  return new ApiError({
    status: res.status,
    code: FALLBACK_CODES[res.status] ?? 'INTERNAL',
    message: res.statusText || `HTTP ${res.status}`,
    requestId: headerRequestId,
    retryAfterSeconds,
  });
}

function parseWith<T>(parser: Parser<T>, data: unknown, what: string): T {
  const result = parser.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first ? first.path.map(String).join('.') : '';
  throw new ApiError({
    status: 200,
    code: 'BAD_RESPONSE',
    message: `Response of ${what} does not match the contract${where ? ` at ${where}` : ''}: ${first?.message ?? ''}`,
    details: result.error.issues,
  });
}

/** `attachment; filename*=UTF-8''%E6%95%99%E5%B8%88.xlsx` → 教师.xlsx */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

const schoolPage = pageOf(schoolRowSchema);
const teacherPage = pageOf(teacherRowSchema);
const importPage = pageOf(importJobSchema);
const importErrorPage = pageOf(importRowErrorSchema);
const orgNodeList = orgNodeSchema.array();
// classes and check-in
const classList = classSummarySchema.array();
const classAlertList = classAlertSchema.array();
const myClassList = myClassSchema.array();
const packSummaryList = packSummarySchema.array();
const programmePage = pageOf(programmeSchema);
const nominationPage = pageOf(nominationSchema);
const integrityPage = pageOf(integrityRecordSchema);
const substitutionPage = pageOf(substitutionRequestSchema);
const integrityList = integrityRecordSchema.array();

const idNumberParser: Parser<{ idNumber: string }> = {
  safeParse(input) {
    if (
      typeof input === 'object' &&
      input !== null &&
      'idNumber' in input &&
      typeof input.idNumber === 'string'
    ) {
      return { success: true, data: { idNumber: input.idNumber } };
    }
    return { success: false, error: { issues: [{ path: ['idNumber'], message: 'expected a string' }] } };
  },
};

const phoneParser: Parser<{ phone: string | null }> = {
  safeParse(input) {
    if (typeof input === 'object' && input !== null && 'phone' in input) {
      const phone = input.phone;
      if (phone === null || typeof phone === 'string') return { success: true, data: { phone } };
    }
    return { success: false, error: { issues: [{ path: ['phone'], message: 'expected a string or null' }] } };
  },
};

export type ListQuery<T> = Partial<T>;

// exams: report bodies are plain interfaces in contracts; check the shape's anchor field only
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

export function createApiClient(options: ApiClientOptions = {}) {
  let csrfToken: string | null = null;
  let onUnauthorized = options.onUnauthorized;

  async function send(method: Method, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    let body: BodyInit | undefined;
    if (opts.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      body = opts.form; // the browser sets the multipart boundary
    }
    if (method !== 'GET' && csrfToken) headers.set(CSRF_HEADER, csrfToken);

    const doFetch = options.fetch ?? globalThis.fetch;
    let res: Response;
    try {
      res = await doFetch(buildUrl(path, opts.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: cause instanceof Error ? cause.message : 'network error',
      });
    }
    if (!res.ok) {
      const error = await readError(res);
      if (res.status === 401 && !opts.skipAuthRedirect) {
        csrfToken = null;
        onUnauthorized?.(error);
      }
      throw error;
    }
    return res;
  }

  async function json(method: Method, path: string, opts?: RequestOptions): Promise<unknown> {
    const res = await send(method, path, opts);
    if (res.status === 204) return undefined;
    const text = await res.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError({
        status: res.status,
        code: 'BAD_RESPONSE',
        message: `${path} did not return JSON`,
      });
    }
  }

  async function get<T>(parser: Parser<T>, path: string, query?: Query): Promise<T> {
    return parseWith(parser, await json('GET', path, { query }), `GET ${path}`);
  }

  function acceptMe(data: unknown, what: string): Me {
    const me = parseWith(meSchema, data, what);
    csrfToken = me.csrfToken;
    return me;
  }

  return {
    setUnauthorizedHandler(handler: ((error: ApiError) => void) | undefined): void {
      onUnauthorized = handler;
    },
    getCsrfToken(): string | null {
      return csrfToken;
    },

    // ── auth ────────────────────────────────────────────────────────────────
    async login(body: LoginRequest): Promise<Me> {
      return acceptMe(
        await json('POST', '/api/v1/auth/login', { json: body, skipAuthRedirect: true }),
        'login',
      );
    },
    async me(): Promise<Me> {
      return acceptMe(await json('GET', '/api/v1/auth/me'), 'GET /api/v1/auth/me');
    },
    async logout(): Promise<void> {
      try {
        await send('POST', '/api/v1/auth/logout', { skipAuthRedirect: true });
      } finally {
        csrfToken = null;
      }
    },
    /** Resolves to the refreshed Me when the server returns one (a new session may mean a new CSRF token). */
    async changePassword(body: ChangePasswordRequest): Promise<Me | null> {
      const data = await json('POST', '/api/v1/auth/password', { json: body });
      return meSchema.safeParse(data).success ? acceptMe(data, 'password') : null;
    },

    // ── reference data and org tree ─────────────────────────────────────────
    codes(): Promise<CodeTables> {
      return get(codeTablesSchema, '/api/v1/codes');
    },
    orgRoots(): Promise<OrgNode[]> {
      return get(orgNodeList, '/api/v1/orgs/roots');
    },
    org(id: string): Promise<OrgDetail> {
      return get(orgDetailSchema, `/api/v1/orgs/${encodeURIComponent(id)}`);
    },
    orgChildren(id: string): Promise<OrgNode[]> {
      return get(orgNodeList, `/api/v1/orgs/${encodeURIComponent(id)}/children`);
    },

    // ── schools and teachers ────────────────────────────────────────────────
    listSchools(query: ListQuery<SchoolListQuery>): Promise<Page<SchoolRow>> {
      return get(schoolPage, '/api/v1/schools', { ...query });
    },
    school(id: string): Promise<SchoolRow> {
      return get(schoolRowSchema, `/api/v1/schools/${encodeURIComponent(id)}`);
    },
    listTeachers(query: ListQuery<TeacherListQuery>): Promise<Page<TeacherRow>> {
      return get(teacherPage, '/api/v1/teachers', { ...query });
    },
    teacher(id: string): Promise<TeacherDetail> {
      return get(teacherDetailSchema, `/api/v1/teachers/${encodeURIComponent(id)}`);
    },
    /** Audited on the server: every call is logged with the caller. */
    revealIdNumber(id: string): Promise<{ idNumber: string }> {
      return get(idNumberParser, `/api/v1/teachers/${encodeURIComponent(id)}/id-number`);
    },
    /** The same permission and the same audit as the ID number. */
    revealPhone(id: string): Promise<{ phone: string | null }> {
      return get(phoneParser, `/api/v1/teachers/${encodeURIComponent(id)}/phone`);
    },
    async transferTeacher(id: string, body: TransferRequest): Promise<void> {
      await json('POST', `/api/v1/teachers/${encodeURIComponent(id)}/transfer`, { json: body });
    },

    // ── imports and exports ─────────────────────────────────────────────────
    listImports(query: { page?: number; pageSize?: number } = {}): Promise<Page<ImportJob>> {
      return get(importPage, '/api/v1/imports', query);
    },
    async createImport(kind: ImportKind, file: File): Promise<ImportJob> {
      const form = new FormData();
      form.append('kind', kind); // the server reads fields in order: kind before file
      form.append('file', file, file.name);
      return parseWith(
        importJobSchema,
        await json('POST', '/api/v1/imports', { form }),
        'POST /api/v1/imports',
      );
    },
    getImport(id: string): Promise<ImportJob> {
      return get(importJobSchema, `/api/v1/imports/${encodeURIComponent(id)}`);
    },
    listImportErrors(id: string, query: { page: number; pageSize: number }): Promise<Page<ImportRowError>> {
      return get(importErrorPage, `/api/v1/imports/${encodeURIComponent(id)}/errors`, query);
    },
    /** Resolves to the job when the server returns it, otherwise null (poll GET /imports/:id). */
    async commitImport(id: string, mode: 'all' | 'valid'): Promise<ImportJob | null> {
      const data = await json('POST', `/api/v1/imports/${encodeURIComponent(id)}/commit`, { json: { mode } });
      const parsed = importJobSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    },

    // ── plans and money ─────────────────────────────
    openProgrammes(): Promise<OpenProgramme[]> {
      return get(openProgrammeSchema.array(), '/api/v1/plans/programmes');
    },
    listPlans(query: ListQuery<PlanListQuery> = {}): Promise<PlanSummary[]> {
      return get(planSummarySchema.array(), '/api/v1/plans', { ...query });
    },
    plan(id: string): Promise<PlanDetail> {
      return get(planDetailSchema, `/api/v1/plans/${encodeURIComponent(id)}`);
    },
    async createPlan(programmeId: string, body: TrainingPlanBody): Promise<PlanDetail> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/plans`;
      return parseWith(planDetailSchema, await json('POST', path, { json: { body } }), `POST ${path}`);
    },
    async savePlan(id: string, body: TrainingPlanBody): Promise<PlanDetail> {
      const path = `/api/v1/plans/${encodeURIComponent(id)}`;
      return parseWith(planDetailSchema, await json('PUT', path, { json: { body } }), `PUT ${path}`);
    },
    async uploadPlanPdf(id: string, file: File): Promise<PlanDetail> {
      const form = new FormData();
      form.append('file', file, file.name);
      const path = `/api/v1/plans/${encodeURIComponent(id)}/file`;
      return parseWith(planDetailSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    async checkPlan(id: string): Promise<PlanCheckResultBody> {
      const path = `/api/v1/plans/${encodeURIComponent(id)}/check`;
      return parseWith(planCheckResultSchema, await json('POST', path), `POST ${path}`);
    },
    async planAction(
      id: string,
      action: 'submit' | 'return' | 'approve',
      comment?: string,
    ): Promise<PlanDetail> {
      const path = `/api/v1/plans/${encodeURIComponent(id)}/${action}`;
      const opts = action === 'submit' ? {} : { json: comment ? { comment } : {} };
      return parseWith(planDetailSchema, await json('POST', path, opts), `POST ${path}`);
    },
    budget(programmeId: string): Promise<BudgetReport> {
      return get(budgetReportSchema, `/api/v1/programmes/${encodeURIComponent(programmeId)}/budget`);
    },
    async addSpending(programmeId: string, body: CreateSpendingRequest): Promise<BudgetReport> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/spending`;
      return parseWith(budgetReportSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },

    // ── classes and check-in ──────────────────────────────
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
    // ── authperf: class management forms (开班, 课次) ──
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

    // ── programmes: policy packs, programmes, quotas, nominations, integrity ──────────
    listPacks(query: ListQuery<PackListQuery> = {}): Promise<PackSummary[]> {
      return get(packSummaryList, '/api/v1/packs', { ...query });
    },
    pack(id: string): Promise<PackDetail> {
      return get(packDetailSchema, `/api/v1/packs/${encodeURIComponent(id)}`);
    },
    async clonePack(id: string, body: ClonePackRequest): Promise<PackDetail> {
      const data = await json('POST', `/api/v1/packs/${encodeURIComponent(id)}/clone`, { json: body });
      return parseWith(packDetailSchema, data, 'POST /api/v1/packs/:id/clone');
    },
    async updatePack(id: string, pack: PolicyPackBody): Promise<PackDetail> {
      const data = await json('PUT', `/api/v1/packs/${encodeURIComponent(id)}`, { json: { pack } });
      return parseWith(packDetailSchema, data, 'PUT /api/v1/packs/:id');
    },
    async publishPack(id: string): Promise<PackDetail> {
      const data = await json('POST', `/api/v1/packs/${encodeURIComponent(id)}/publish`);
      return parseWith(packDetailSchema, data, 'POST /api/v1/packs/:id/publish');
    },
    async previewPack(id: string, body: PackPreviewRequest): Promise<PackPreview> {
      const data = await json('POST', `/api/v1/packs/${encodeURIComponent(id)}/preview`, { json: body });
      return parseWith(packPreviewSchema, data, 'POST /api/v1/packs/:id/preview');
    },
    listProgrammes(query: ListQuery<ProgrammeListQuery>): Promise<Page<Programme>> {
      return get(programmePage, '/api/v1/programmes', { ...query });
    },
    programme(id: string): Promise<Programme> {
      return get(programmeSchema, `/api/v1/programmes/${encodeURIComponent(id)}`);
    },
    async createProgramme(body: CreateProgrammeRequest): Promise<Programme> {
      return parseWith(
        programmeSchema,
        await json('POST', '/api/v1/programmes', { json: body }),
        'POST /api/v1/programmes',
      );
    },
    async updateProgramme(id: string, body: UpdateProgrammeRequest): Promise<Programme> {
      const data = await json('PATCH', `/api/v1/programmes/${encodeURIComponent(id)}`, { json: body });
      return parseWith(programmeSchema, data, 'PATCH /api/v1/programmes/:id');
    },
    quotas(programmeId: string): Promise<QuotaTree> {
      return get(quotaTreeSchema, `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas`);
    },
    suggestQuota(programmeId: string, orgId: string, query: QuotaSuggestQuery): Promise<QuotaSuggestion> {
      return get(
        quotaSuggestionSchema,
        `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas/${encodeURIComponent(orgId)}/suggest`,
        { ...query },
      );
    },
    async allocateQuota(programmeId: string, orgId: string, body: AllocateRequest): Promise<AllocateResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas/${encodeURIComponent(orgId)}/children`;
      return parseWith(allocateResultSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    async pullBackQuota(programmeId: string, orgId: string, seats?: number): Promise<QuotaTree> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas/${encodeURIComponent(orgId)}/pull-back`;
      const body = seats === undefined ? {} : { seats };
      return parseWith(quotaTreeSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async checkEligibility(programmeId: string, body: EligibilityRequest): Promise<EligibilityResultBody> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/eligibility`;
      return parseWith(eligibilityResultSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    listNominations(programmeId: string, query: ListQuery<NominationListQuery>): Promise<Page<Nomination>> {
      return get(nominationPage, `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations`, {
        ...query,
      });
    },
    async nominate(programmeId: string, body: NominateRequest): Promise<Nomination> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations`;
      return parseWith(nominationSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async withdrawNomination(
      programmeId: string,
      nominationId: string,
      reason: string,
    ): Promise<WithdrawResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations/${encodeURIComponent(nominationId)}/withdraw`;
      return parseWith(withdrawResultSchema, await json('POST', path, { json: { reason } }), `POST ${path}`);
    },
    /** 替训 is a request now: the level that allocated the seats decides. */
    async substituteNomination(
      programmeId: string,
      nominationId: string,
      body: SubstituteRequest,
    ): Promise<SubstitutionRequestBody> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations/${encodeURIComponent(nominationId)}/substitute`;
      return parseWith(substitutionRequestSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    listIntegrityRecords(query: ListQuery<IntegrityListQuery>): Promise<Page<IntegrityRecordBody>> {
      return get(integrityPage, '/api/v1/integrity-records', { ...query });
    },
    async createIntegrityRecord(body: CreateIntegrityRecordRequest): Promise<IntegrityRecordBody> {
      const data = await json('POST', '/api/v1/integrity-records', { json: body });
      return parseWith(integrityRecordSchema, data, 'POST /api/v1/integrity-records');
    },

    // ---- 培训总览 ----
    trainingOverview(query: Partial<OverviewQuery>): Promise<TrainingOverview> {
      return get(trainingOverviewSchema, '/api/v1/reports/training-overview', { ...query });
    },

    // ---- KPIs, shortlists, substitution requests, appeals, notifications ----
    programmeKpis(programmeId: string, query: Partial<KpiQuery>): Promise<KpiReport> {
      return get(kpiReportSchema, `/api/v1/programmes/${encodeURIComponent(programmeId)}/kpis`, {
        ...query,
      });
    },
    listSubstitutions(
      programmeId: string,
      query: ListQuery<SubstitutionListQuery>,
    ): Promise<Page<SubstitutionRequestBody>> {
      return get(substitutionPage, `/api/v1/programmes/${encodeURIComponent(programmeId)}/substitutions`, {
        ...query,
      });
    },
    async decideSubstitution(
      programmeId: string,
      requestId: string,
      body: SubstitutionDecision,
    ): Promise<SubstitutionDecisionResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/substitutions/${encodeURIComponent(requestId)}/decision`;
      return parseWith(
        substitutionDecisionResultSchema,
        await json('POST', path, { json: body }),
        `POST ${path}`,
      );
    },
    async confirmShortlist(programmeId: string, body: ConfirmShortlistRequest): Promise<ShortlistResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist/confirm`;
      return parseWith(shortlistResultSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    myIntegrityRecords(): Promise<IntegrityRecordBody[]> {
      return get(integrityList, '/api/v1/me/integrity-records');
    },
    async appealIntegrity(id: string, reason: string): Promise<IntegrityRecordBody> {
      const path = `/api/v1/me/integrity-records/${encodeURIComponent(id)}/appeal`;
      return parseWith(integrityRecordSchema, await json('POST', path, { json: { reason } }), `POST ${path}`);
    },
    async decideAppeal(id: string, body: IntegrityAppealDecision): Promise<IntegrityRecordBody> {
      const path = `/api/v1/integrity-records/${encodeURIComponent(id)}/appeal-decision`;
      return parseWith(integrityRecordSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    notifications(): Promise<NotificationList> {
      return get(notificationListSchema, '/api/v1/me/notifications');
    },
    async markNotificationRead(id: string): Promise<void> {
      const path = `/api/v1/me/notifications/${encodeURIComponent(id)}/read`;
      parseWith(notificationSchema, await json('POST', path), `POST ${path}`);
    },

    // ── outcomes and completion ──────────────────────────
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

    // ── exams and quality monitoring ──────────────────────────────
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

    // ---- grade cut-offs, releases, parents and the public ----
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

    // ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
    shortlistSelections(): Promise<ShortlistSummary[]> {
      return get(shortlistSummarySchema.array(), '/api/v1/shortlist-selections');
    },
    shortlistSelection(programmeId: string): Promise<ShortlistSelection> {
      return get(
        shortlistSelectionSchema,
        `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist-selection`,
      );
    },
    async markShortlist(programmeId: string, body: ShortlistMarksRequest): Promise<ShortlistSelection> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist-selection/marks`;
      return parseWith(shortlistSelectionSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    async shortlistAction(
      programmeId: string,
      action: 'submit' | 'confirm' | 'return',
      comment?: string,
    ): Promise<ShortlistSelection> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist-selection/${action}`;
      const opts = action === 'return' ? { json: { comment } } : {};
      return parseWith(shortlistSelectionSchema, await json('POST', path, opts), `POST ${path}`);
    },

    /** GETs a file (xlsx) with the session cookie and returns it with the server's file name. */
    async fetchFile(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
      const res = await send('GET', path, { query });
      return {
        blob: await res.blob(),
        fileName: fileNameFromDisposition(res.headers.get('content-disposition')),
      };
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const fileUrls = {
  // outcomes and completion
  outcomeFile: (submissionId: string) => `/api/v1/outcomes/${encodeURIComponent(submissionId)}/file`,
  certificate: (classId: string, teacherId: string) =>
    `/api/v1/classes/${encodeURIComponent(classId)}/completion/${encodeURIComponent(teacherId)}/certificate`,
  certificatePdf: (classId: string, teacherId: string) =>
    `/api/v1/classes/${encodeURIComponent(classId)}/completion/${encodeURIComponent(teacherId)}/certificate.pdf`,
  planPdf: (planId: string, version: number) =>
    `/api/v1/plans/${encodeURIComponent(planId)}/versions/${version}/file`,
  template: (kind: ImportKind) => `/api/v1/imports/templates/${kind}`,
  errorReport: (importId: string) => `/api/v1/imports/${encodeURIComponent(importId)}/errors.xlsx`,
  export: (kind: ImportKind) => `/api/v1/exports/${kind}`,
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
