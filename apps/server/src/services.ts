import { type Config, DEFAULT_UPLOADS } from './config';
import type { Database } from './db/database';
import { wireFiveEducation } from './five-education-wiring';
import { createArchiveService, NO_GROWTH_RECORDS } from './modules/archive';
import { createAuditService } from './modules/audit';
import { createAuthRepository, createAuthService } from './modules/auth';
import {
  createClassesRepository,
  createClassesService,
  createClassQueries,
  removeEnrolmentsOfNomination,
} from './modules/classes';
// studios and workshops (工作室, 工作坊)
import { createCommunitiesRepository, createCommunitiesService } from './modules/communities';
// exams
import {
  createExamReleaseRepository,
  createExamReleaseService,
  createExamsRepository,
  createExamsService,
} from './modules/exams';
// plans
import { createFilesRepository, createFilesService } from './modules/files';
import { createHomeService } from './modules/home';
import {
  createClaimsRepository,
  createDocumentsRepository,
  createExternalHoursService,
  createHourClaimsService,
  createHoursComplianceService,
  createHoursService,
  createLedgerRepository,
} from './modules/hours';
import { createImportsService } from './modules/imports';
// notifications
import { createNotificationsService } from './modules/notifications';
import { createOrgQueries, createOrgRepository, createOrgService } from './modules/org';
// outcomes and completion
import { createOutcomeQueries, createOutcomesRepository, createOutcomesService } from './modules/outcomes';
import {
  createCodesService,
  createPeopleQueries,
  createPeopleRepository,
  createPeopleService,
} from './modules/people';
import { createPlansRepository, createPlansService } from './modules/plans';
import { createProgramsRepository, createProgramsService } from './modules/programs';
// KPIs and reports
import { createOverviewRepository, createReportsService } from './modules/reports';
// ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
import { createShortlistsRepository, createShortlistsService } from './modules/shortlists';
import { createThrottleRepository, createThrottleService } from './modules/throttle';
// ---- the trainer pool (培训者团队, R3-P*) ----
import { createTrainersRepository, createTrainersService } from './modules/trainers';
import { wirePairings } from './pairings-wiring';
import { programmesForClasses } from './programmes-for-classes';
import { wireSchoolResearch } from './school-research-wiring';
import { createEvaluationWiring } from './services-evaluation';
import type { Actor } from './shared/actor';
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
  // notifications: to teachers, and to the staff holding a role on an org (the auth module's grants)
  const notifications = createNotificationsService({
    db,
    accounts: { holding: (roles, orgId, trx) => authRepo.accountsHolding(roles, orgId, trx) },
  });
  const programsRepo = createProgramsRepository(db);
  const programs = createProgramsService({
    db,
    repo: programsRepo,
    audit,
    notifications,
    // a withdrawn or replaced nomination leaves its classes, inside the programs transaction
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    // what membership earns on a nomination (R3-W12, R3-P12), from the modules that keep the memberships
    memberships: (teacherId) => membershipsOf(teacherId),
    clock,
  });
  // plans
  const files = createFilesService({
    db,
    repo: createFilesRepository(db),
    maxBytes: config.maxFileBytes ?? 20 * 1024 * 1024,
  });
  const plans = createPlansService({
    db,
    repo: createPlansRepository(db),
    // the programmes plans are for
    programs: {
      programmeWithPack: (id) => programs.programmeWithPack(id),
      programmesAround: (path) => programs.programmesAround(path),
    },
    files,
    // the office is told of a submitted plan, the provider of its review
    notifications,
    audit,
    clock,
  });
  // ---- classes and check-in ----
  const classesRepo = createClassesRepository(db);
  const classes = createClassesService({
    db,
    repo: classesRepo,
    programmes: programmesForClasses(programsRepo),
    audit,
    // without a configured secret, codes are valid on this process only (a restart rotates them anyway)
    // CHECKIN_SECRET, else one generated once and kept in the database (app_secrets): every server agrees
    checkinSecret: config.checkinSecret ? Buffer.from(config.checkinSecret, 'utf8') : undefined,
    throttle,
    clock,
  });
  // what the classes module answers for outcomes and reports (no actor: they authorize)
  const classQueries = createClassQueries(classesRepo);
  // KPIs and reports; 结业 counts come from the outcomes module
  const outcomesRepo = createOutcomesRepository(db);
  const outcomeQueries = createOutcomeQueries(outcomesRepo);
  const reports = createReportsService({
    repo: createOverviewRepository(db),
    programs: {
      programmeWithPack: (id) => programs.programmeWithPack(id),
      programmesInScope: (actor) => programs.programmesInScope(actor),
    },
    selection: { selectionQuality: (actor, id, query) => programs.selectionQuality(actor, id, query) },
    orgs: { findById: (id) => orgRepo.findById(id), findByIds: (ids) => orgRepo.findByIds(ids) },
    classes: {
      classKpiCounts: classQueries.classKpiCounts,
      deadlineCountsOfProgrammes: classQueries.deadlineCountsOfProgrammes,
    },
    // 结业 counts from the outcomes module's completion results
    completionCounts: outcomeQueries.completionCounts,
    clock,
  });
  // ---- the 学时 ledger ----
  const peopleQueries = createPeopleQueries(peopleRepo);
  const ledgerRepo = createLedgerRepository(db);
  // the people module's answers the hours module needs: who may read a teacher, the posts they hold, and what a
  // 学时证明 prints besides the detail
  const hoursPeople = {
    detail: (actor: Actor, id: string) => people.detail(actor, id),
    rolesOf: peopleQueries.rolesOf,
    cardOf: peopleQueries.cardOf,
    namesOf: peopleQueries.namesOf,
  };
  const orgNames = async (ids: string[]) =>
    (await orgRepo.findByIds(ids)).map((o) => ({ id: o.id, name: o.name }));
  // the 学时 rules in force for a unit: the pack of its nearest region (the programs module's packs)
  const hourRulesIn = (orgPath: string, on: string, trx?: Database) => programs.hourRulesIn(orgPath, on, trx);
  const hoursDeps = {
    db,
    rulesFor: hourRulesIn,
    repo: ledgerRepo,
    people: hoursPeople,
    audit,
    docs: createDocumentsRepository(db),
    throttle,
    // certificates of honour (the evaluation's annual selections, built below) on the public verification page
    honours: { byCode: (code: string) => evaluation.selections.honourByCode(code) },
    clock,
  };
  const hours = createHoursService(hoursDeps);
  // 学时申报: evidence in the files store, the teacher told of returns and approvals, approval posts to the ledger
  const hourClaims = createHourClaimsService({
    ...hoursDeps,
    claims: createClaimsRepository(db),
    files,
    notifications,
    orgNames,
  });
  // 学时 compliance: the people module's roster joined to the ledger's totals, org names, reminders to teachers
  const hoursCompliance = createHoursComplianceService({
    db,
    roster: peopleQueries.rosterRelation,
    orgs: {
      findById: (id) => orgRepo.findById(id),
      findByIds: (ids) => orgRepo.findByIds(ids),
      topPaths: () => orgRepo.topPaths(),
    },
    rulesFor: hourRulesIn,
    notifications,
    audit,
    clock,
  });
  // 学时 from other platforms (CSV/Excel imports, the review queue, xAPI): teachers by ID number, org paths
  const hoursExternal = createExternalHoursService({
    db,
    ledger: createLedgerRepository(db),
    teachers: { findByIdNumbers: (ids, trx) => peopleQueries.findByIdNumbers(ids, trx) },
    orgs: { pathOf: async (id) => (await orgRepo.findById(id))?.path, namesOf: orgNames },
    audit,
    readRows: sheets.visitRows,
    checkFile: sheets.checkEnvelope,
    dryRunMinutes: config.importDryRunMinutes,
    rulesFor: hourRulesIn,
    clock,
  });
  // ---- outcomes and completion ----
  const outcomes = createOutcomesService({
    db,
    repo: outcomesRepo,
    classes: {
      classById: classQueries.classById,
      classesOfTeacher: classQueries.classesOfTeacher,
      attendanceSummary: classQueries.attendanceSummary,
    },
    programs: {
      programmeWithPack: (id) => programs.programmeWithPack(id),
      createIntegrity: (actor, req) => programs.createIntegrity(actor, req),
    },
    people: { detail: (actor, id) => people.detail(actor, id) },
    hours: { postCredits: hours.postCredits, reverseCredits: hours.reverseCredits, hoursOf: hours.hoursOf },
    // certificates' verification codes (the hours module's documents)
    codes: {
      certificateCode: hours.certificateCode,
      revokeCertificateCodes: hours.revokeCertificateCodes,
    },
    files,
    audit,
    fileTypes: config.outcomeFileTypes ?? ['pdf', 'docx', 'mp4'],
    clock,
  });
  // ---- the trainer pool (培训者团队, R3-P*): teachers' birth dates and titles, org nodes, the programmes and
  // classes a member is assigned to, the communities rules of the pack in force for the pool's unit ----
  const trainers = createTrainersService({
    db,
    repo: createTrainersRepository(db),
    people: { trainerFactsOf: peopleQueries.trainerFactsOf },
    orgs: {
      findById: (id) => orgRepo.findById(id),
      findByIds: (ids) => orgRepo.findByIds(ids),
      ancestorsOf: (path) => orgQueries.ancestorsOf(path),
      childrenOf: (id) => orgRepo.childrenOf(id),
    },
    targets: {
      programme: async (id) => {
        const p = (await programs.programmeWithPack(id))?.programme;
        return p && { id: p.id, title: p.title, startDate: p.startDate };
      },
      class: async (id) => {
        const c = await classQueries.classById(id);
        return c && { id: c.id, title: `${c.programme_title} · ${c.name}`, startDate: c.start_date };
      },
    },
    rulesFor: (path, on, trx) => programs.communityRulesIn(path, on, trx),
    rulesAt: (paths, on) => programs.communityRulesAt(paths, on),
    audit,
    clock,
  });
  /** The memberships of a teacher that earn a nomination priority (core `MEMBERSHIP_PRIORITY_CODES`). */
  const membershipsOf = async (teacherId: string): Promise<string[]> => {
    const [workshop, pool] = await Promise.all([
      communities.isWorkshopMember(teacherId),
      trainers.isPoolMember(teacherId),
    ]);
    return [...(workshop ? ['workshop_member'] : []), ...(pool ? ['trainer_pool_member'] : [])];
  };
  // ---- studios and workshops (工作室, 工作坊): rosters through the people and org modules, 学时 to the ledger ----
  const communities = createCommunitiesService({
    db,
    repo: createCommunitiesRepository(db),
    people: { placesOf: peopleQueries.placesOf },
    orgs: {
      findById: (id) => orgRepo.findById(id),
      findByIds: (ids) => orgRepo.findByIds(ids),
      centralSchoolsOf: (ids) => orgRepo.centralSchoolsOf(ids),
    },
    hours: { postCredits: hours.postCredits },
    files,
    // the pack in force for the host unit (its nearest region's newest published pack) and the school year
    rules: {
      communityRules: (orgPath, on) => programs.communityRulesIn(orgPath, on),
      communityRulesAt: (orgPaths, on) => programs.communityRulesAt(orgPaths, on),
      schoolYearStart: async (orgPath, on) => (await hourRulesIn(orgPath, on)).schoolYearStart.value,
    },
    audit,
    clock,
  });
  // ---- the teacher's growth archive (成长档案, R3-T09): other modules' records of one teacher ----
  const archive = createArchiveService({
    // who may read the teacher (out of scope reads as not found) and the ID number's last four
    people: {
      detail: (actor, id) => people.detail(actor, id),
      cardOf: peopleQueries.cardOf,
    },
    programs: {
      nominationsOf: (id) => programs.nominationsOf(id),
      integrityOf: (id) => programs.integrityOf(id),
    },
    training: { trainingOf: (id) => outcomes.trainingOf(id) },
    hours: { hoursOf: hours.hoursOf, issuedDocumentsOf: hours.issuedDocumentsOf },
    // studio and workshop roles (communities), trainer roles (the trainer pool), honours (the evaluation's annual
    // selections, built below); evaluations: none yet
    growth: {
      recordsOf: async (id) => ({
        ...(await NO_GROWTH_RECORDS.recordsOf(id)),
        studioRoles: await communities.studioRolesOf(id),
        trainerRoles: await trainers.trainerRolesOf(id),
        honours: await evaluation.selections.honoursOfTeacher(id),
      }),
    },
    audit,
    clock,
  });
  // ---- exams and teaching-quality monitoring ----
  const exams = createExamsService({
    db,
    repo: createExamsRepository(db),
    audit,
    sheets,
    maxErrorsKept: uploads.maxErrorsKept,
    clock,
    removalConfirmShare: config.examRemovalConfirmShare,
  });
  // ---- parents and the public ----
  const examRelease = createExamReleaseService({
    db,
    repo: createExamReleaseRepository(db),
    audit,
    // the exams side it needs: an exam's visibility and its report (release/release.ports.ts)
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
    programmes: programs,
    // the programs module's candidates and seat cascade, inside the shortlist's transaction
    candidates: { lock: programsRepo.lockCandidates, decide: programsRepo.decideCandidate },
    seats: { take: programsRepo.takeSeats },
    notifications,
    audit,
    clock,
  });
  // the landing page: other modules' reads as the signed-in actor, and the outcomes module's per-class state
  const home = createHomeService({
    overview: { trainingOverview: (actor, query) => reports.trainingOverview(actor, query) },
    warnings: { latestWarnings: (actor) => exams.latestWarnings(actor) },
    classes: { listClasses: (actor, query) => classes.list(actor, query) },
    plans: {
      listPlans: (actor, query) => plans.listPlans(actor, query),
      openProgrammes: (actor) => plans.openProgrammes(actor),
    },
    shortlists: { list: (actor) => shortlists.list(actor) },
    outcomes: { reviewState: outcomeQueries.reviewState },
    clock,
  });
  // ---- 校本研修 (school-based research) ----
  const schoolResearch = wireSchoolResearch({ db, orgRepo, peopleQueries, hours, programs, audit, clock });
  const pairings = wirePairings({ db, orgRepo, communities, programs, audit, clock }); // 帮扶结对
  const sheetsPort = { readRows: sheets.visitRows, checkFile: sheets.checkEnvelope };
  const fiveEducation = wireFiveEducation({ db, orgRepo, peopleQueries, sheets: sheetsPort, audit, clock }); // 五育
  const evaluation = createEvaluationWiring({
    db,
    orgRepo,
    authRepo,
    programs,
    communities,
    trainers,
    people: peopleQueries,
    schoolResearch,
    files,
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
    hours,
    hourClaims,
    hoursExternal,
    hoursCompliance,
    exams,
    examRelease,
    shortlists,
    home,
    sheets,
    archive,
    trainers,
    communities,
    schoolResearch,
    pairings,
    fiveEducation,
    evaluation,
  };
}

export type Services = ReturnType<typeof createServices>;

export { programmesForClasses };
