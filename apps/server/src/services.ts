import { type Config, DEFAULT_UPLOADS } from './config';
import type { Database } from './db/database';
import { createAuditService } from './modules/audit';
import { createAuthRepository, createAuthService } from './modules/auth';
import { createClassesRepository, createClassesService } from './modules/classes';
// exams
import { createExamReleaseService, createExamsService } from './modules/exams';
// plans
import { createFilesRepository, createFilesService } from './modules/files';
import { createImportsService } from './modules/imports';
// notifications
import { createNotificationsService } from './modules/notifications';
import { createOrgQueries, createOrgRepository, createOrgService } from './modules/org';
// outcomes and completion
import { createOutcomesRepository, createOutcomesService } from './modules/outcomes';
import {
  createCodesService,
  createPeopleQueries,
  createPeopleRepository,
  createPeopleService,
} from './modules/people';
import { createPlansRepository, createPlansService } from './modules/plans';
import { createProgramsRepository, createProgramsService } from './modules/programs';
// KPIs and reports
import { createReportsService } from './modules/reports';
// ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
import { createShortlistsRepository, createShortlistsService } from './modules/shortlists';
import { createThrottleRepository, createThrottleService } from './modules/throttle';
import { createSheetPool } from './shared/sheets/pool';

/** Wires every service with its explicit dependencies. No service reaches for anything it was not given. */
export function createServices(
  db: Database,
  config: Pick<
    Config,
    'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'lockoutThreshold' | 'lockoutMinutes'
  > &
    Partial<
      Pick<
        Config,
        | 'maxFileBytes'
        | 'checkinSecret'
        | 'outcomeFileTypes'
        | 'examCodeSecret'
        | 'uploads'
        | 'importDryRunMinutes'
        | 'loginAddressLimit'
        | 'loginAccountLimit'
        | 'examRemovalConfirmShare'
      >
    >,
  clock?: () => Date,
) {
  const audit = createAuditService({ db });
  // failure throttles (logins, password changes, parents' codes, check-in codes), shared by every server process
  const throttle = createThrottleService({ repo: createThrottleRepository(db) });
  const authRepo = createAuthRepository(db);
  const auth = createAuthService({
    repo: authRepo,
    audit,
    throttle,
    clock,
    settings: {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
      addressLimit: config.loginAddressLimit,
      accountLimit: config.loginAccountLimit,
    },
  });
  const orgRepo = createOrgRepository(db);
  const orgs = createOrgService({ repo: orgRepo });
  const orgQueries = createOrgQueries(orgRepo);
  const peopleRepo = createPeopleRepository(db);
  const people = createPeopleService({
    db,
    repo: peopleRepo,
    orgs: { loadVisible: orgs.loadVisible, ancestorsOf: orgQueries.ancestorsOf },
    audit,
    clock,
  });
  const codes = createCodesService({ repo: peopleRepo });
  // uploaded sheets are read in worker threads, within the configured limits
  const uploads = config.uploads ?? DEFAULT_UPLOADS;
  const sheets = createSheetPool(uploads);
  const imports = createImportsService({
    db,
    orgs: { ...orgQueries, loadVisible: orgs.loadVisible },
    people: createPeopleQueries(peopleRepo),
    audit,
    readRows: sheets.visitRows,
    checkFile: sheets.checkEnvelope,
    maxErrorsKept: uploads.maxErrorsKept,
    dryRunMinutes: config.importDryRunMinutes,
    clock,
  });
  // notifications, given to programs
  const notifications = createNotificationsService({ db });
  const programs = createProgramsService({
    db,
    repo: createProgramsRepository(db),
    audit,
    notifications,
    clock,
  });
  // plans
  const files = createFilesService({
    db,
    repo: createFilesRepository(db),
    maxBytes: config.maxFileBytes ?? 20 * 1024 * 1024,
  });
  const plans = createPlansService({ db, repo: createPlansRepository(db), programs, files, audit, clock });
  // ---- classes and check-in ----
  const classes = createClassesService({
    db,
    repo: createClassesRepository(db),
    programsRepo: createProgramsRepository(db),
    audit,
    // without a configured secret, codes are valid on this process only (a restart rotates them anyway)
    // CHECKIN_SECRET, else one generated once and kept in the database (app_secrets): every server agrees
    checkinSecret: config.checkinSecret ? Buffer.from(config.checkinSecret, 'utf8') : undefined,
    throttle,
    clock,
  });
  // KPIs and reports; 结业 counts come from the outcomes module
  const outcomesRepo = createOutcomesRepository(db);
  const reports = createReportsService({
    db,
    programs,
    orgRepo,
    // 结业 counts from the outcomes module's completion results
    completionCounts: (programmeId, units) => outcomesRepo.completionCounts(programmeId, units),
    clock,
  });
  // ---- outcomes and completion ----
  const outcomes = createOutcomesService({
    db,
    repo: outcomesRepo,
    programs,
    files,
    people,
    audit,
    fileTypes: config.outcomeFileTypes ?? ['pdf', 'docx', 'mp4'],
    clock,
  });
  // ---- exams and teaching-quality monitoring ----
  const exams = createExamsService({
    db,
    audit,
    sheets,
    maxErrorsKept: uploads.maxErrorsKept,
    clock,
    removalConfirmShare: config.examRemovalConfirmShare,
  });
  // ---- parents and the public ----
  const examRelease = createExamReleaseService({
    db,
    audit,
    exams,
    throttle,
    // the access codes' HMAC key must survive restarts: EXAM_CODE_SECRET, else one generated once and kept in
    // the database (app_secrets)
    codeSecret: config.examCodeSecret ? Buffer.from(config.examCodeSecret, 'utf8') : undefined,
    clock,
  });
  // ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
  const shortlists = createShortlistsService({
    db,
    repo: createShortlistsRepository(db),
    programs,
    programsRepo: createProgramsRepository(db),
    notifications,
    audit,
    clock,
  });
  return {
    audit,
    throttle,
    auth,
    authRepo,
    orgs,
    orgRepo,
    people,
    peopleRepo,
    codes,
    imports,
    programs,
    files,
    plans,
    classes,
    notifications,
    reports,
    outcomes,
    exams,
    examRelease,
    shortlists,
    sheets,
  };
}

export type Services = ReturnType<typeof createServices>;
