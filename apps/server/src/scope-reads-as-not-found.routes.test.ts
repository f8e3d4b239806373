/**
 * Out of scope reads exactly like not found, across the API: for every route that takes an id (in the path, the
 * query or the body), a record that exists but that the caller may not see answers what an id that exists
 * nowhere answers — the same status, code, message and details (only the request id differs). The world is the
 * demo region with its programme year, so the foreign records are real: another county's schools, teachers,
 * programme, exam, nominations, outcomes, results, certificates, hours, 学时申报 and integrity records, and
 * 清城's workshop, trainer, 校本研修 plan and record, pairing, evaluation campaign and subject (the sibling school),
 * and 五育 framework and round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/database';
import { loadDemoRegion } from './demo/load-region';
import { createTestDatabase } from './test/db';
import { buildTestApp, login, orgByName, type Session, type TestApp } from './test/factories';

const UNKNOWN = '987654321';

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route: its URL and body for an id; called with the foreign id and with UNKNOWN. */
interface Probe {
  label: string;
  method: Method;
  url: (id: string) => string;
  body?: (id: string) => Json;
}

const get = (label: string, url: (id: string) => string): Probe => ({ label, method: 'GET', url });
const post = (
  label: string,
  url: (id: string) => string,
  body: (id: string) => Json = () => ({}),
): Probe => ({
  label,
  method: 'POST',
  url,
  body,
});
const patch = (label: string, url: (id: string) => string, body: (id: string) => Json): Probe => ({
  label,
  method: 'PATCH',
  url,
  body,
});
const del = (label: string, url: (id: string) => string): Probe => ({ label, method: 'DELETE', url });
const put = (label: string, url: (id: string) => string, body: (id: string) => Json): Probe => ({
  label,
  method: 'PUT',
  url,
  body,
});

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};

function send(who: string, method: Method, url: string, payload?: Json) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: s[who]?.headers,
    ...(payload !== undefined ? { payload } : {}),
  });
}

async function firstId(q: Promise<{ id: string } | undefined>, what: string): Promise<string> {
  const row = await q;
  if (!row) throw new Error(`the demo world has no ${what}`);
  return row.id;
}

/** Per role, the probes with the foreign id each one is sent with. */
const cases: Record<string, Array<[Probe, string]>> = {};

beforeAll(async () => {
  h = await createTestDatabase();
  await loadDemoRegion(h.db, { teachers: 3000, programmes: true });
  t = await buildTestApp(h.db);
  for (const u of ['qingcheng', 'yingde', 'tdc', 'school', 'provider', 'teacher'])
    s[u] = await login(t.app, u);
  const db = h.db;
  const qc = await orgByName(db, 'county', '清城');
  const yd = await orgByName(db, 'county', '英德');
  const ownSchool = await db
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['o.id', 'o.path'])
    .where('a.username', '=', 'school')
    .executeTakeFirstOrThrow();
  // a 清城 school that is not the school account's, and a teacher there
  const qSchool = await firstId(
    db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'school')
      .where('county_id', '=', qc.id)
      .where('id', '<>', ownSchool.id)
      .orderBy('id')
      .executeTakeFirst(),
    'second 清城 school',
  );
  const qTeacher = await firstId(
    db.selectFrom('teachers').select('id').where('school_id', '=', qSchool).orderBy('id').executeTakeFirst(),
    '清城 teacher',
  );
  const ySchool = await firstId(
    db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'school')
      .where('county_id', '=', yd.id)
      .orderBy('id')
      .executeTakeFirst(),
    '英德 school',
  );
  const yTeacher = await firstId(
    db.selectFrom('teachers').select('id').where('school_id', '=', ySchool).orderBy('id').executeTakeFirst(),
    '英德 teacher',
  );
  const qProgramme = await firstId(
    db.selectFrom('programmes').select('id').where('owner_org_id', '=', qc.id).executeTakeFirst(),
    '清城 programme',
  );
  // records of 清城 teachers inside the city's and the province's programmes, which 英德 sees (its own part)
  const qNomination = await db
    .selectFrom('nominations as n')
    .innerJoin('programmes as p', 'p.id', 'n.programme_id')
    .select(['n.id', 'n.programme_id'])
    .where('n.county_id', '=', qc.id)
    .where('p.owner_org_id', '<>', qc.id)
    .orderBy('n.id')
    .executeTakeFirstOrThrow();
  const qOutcome = await firstId(
    db.selectFrom('outcome_submissions').select('id').where('county_id', '=', qc.id).executeTakeFirst(),
    '清城 outcome',
  );
  const qResult = await db
    .selectFrom('completion_results')
    .select(['class_id', 'teacher_id'])
    .where('county_id', '=', qc.id)
    .where('completed', '=', true)
    .orderBy('teacher_id')
    .executeTakeFirstOrThrow();
  // a 学时申报 of a teacher of the second 清城 school, waiting for its school
  const qSchoolPath = (
    await db.selectFrom('orgs').select('path').where('id', '=', qSchool).executeTakeFirstOrThrow()
  ).path;
  const qClaim = await db
    .insertInto('hour_claims')
    .values({
      county_id: qc.id,
      teacher_id: qTeacher,
      school_id: qSchool,
      org_path: qSchoolPath,
      category: 'other',
      kind: 'lecture',
      title: '区级公开课',
      issuer: '清城区教师发展中心',
      start_date: '2026-10-10',
      end_date: '2026-10-10',
      hours_tenths: 30,
      submitted_by: null,
      submitted_at: new Date('2026-10-11T02:00:00Z'),
      school_due_on: '2026-10-26',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const claim: Probe[] = [
    post(
      'claim decision',
      (id) => `/hour-claims/${id}/decision`,
      () => ({ decision: 'return', reason: '材料不全' }),
    ),
    post('claim withdraw', (id) => `/hour-claims/${id}/withdraw`),
    get('claim evidence', (id) => `/hour-claims/${id}/evidence/1`),
  ];
  const qHours = await firstId(
    db
      .selectFrom('hour_entries')
      .select('id')
      .where('county_id', '=', qc.id)
      .where('reverses_id', 'is', null)
      .executeTakeFirst(),
    '清城 hours',
  );
  const examOf = async (who: string, ownerOrgId: string) => {
    const r = await send(who, 'POST', '/exams', {
      name: '期末数学',
      semester: '2026-2027-1',
      stage: 'junior',
      subject: 'math',
      grade: '七年级',
      fullMarks: 100,
      kind: 'routine',
      examDate: '2027-01-10',
      ownerOrgId,
    });
    if (r.statusCode !== 201) throw new Error(`exam: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  const qExam = await examOf('qingcheng', qc.id);
  const yExam = await examOf('yingde', yd.id);
  const integrity = await send('qingcheng', 'POST', '/integrity-records', {
    teacherId: qTeacher,
    kind: 'no_show',
    recordDate: '2026-10-20',
    evidence: '未报到',
  });
  if (integrity.statusCode !== 201) throw new Error(`integrity: ${integrity.statusCode} ${integrity.body}`);
  const qIntegrity = integrity.json().id as string;

  // studios and workshops, the trainer pool, 校本研修: one record of 清城 each (issue 13)
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const firstYear = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) >= 9 ? 0 : 1);
  const schoolYear = `${firstYear}-${firstYear + 1}`;
  const created = async (who: string, url: string, payload: Json) => {
    const r = await send(who, 'POST', url, payload);
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  const qCommunity = await created('qingcheng', '/communities', {
    kind: 'workshop',
    workshopClass: 'class_2',
    level: 'county',
    name: '清城区初中数学教师工作坊',
    hostTeacherId: qTeacher,
    stage: 'junior',
  });
  const qTrainerTeacher = await firstId(
    db
      .selectFrom('teachers')
      .select('id')
      .where('county_id', '=', qc.id)
      .where('school_id', '<>', ownSchool.id)
      .where('birth_date', '>', '1975-01-01')
      .where('birth_date', '<', '1985-01-01')
      .orderBy('id')
      .executeTakeFirst(),
    '清城 teacher aged 40-50',
  );
  const soft = ['R3-P03', 'R3-P04'].map((rule) => ({ rule, reason: '经审定例外通过' }));
  const qTrainer = await created('qingcheng', '/trainers/appointments', {
    teacherId: qTrainerTeacher,
    poolOrgId: qc.id,
    consentOn: day,
    consentNote: '电话征得本人同意',
    overrides: soft,
  });
  const planForm = {
    theme: '以课例研究提升课堂实效',
    leader: '张校长',
    yearGoals: '建设优质学科团队，每位教师完成 24 学时',
    semesterGoals: { first: '集体备课与课例研究', second: '专题培训与成果总结' },
    contents: ['日常教育教学研讨'],
    forms: ['集体备课'],
    projects: [{ name: '数学课例研究', semester: 1, lead: '李老师', plannedTenths: 120 }],
    assessment: '按学期进行阶段考核',
  };
  const qPlan = await created('school', `/school-research/schools/${ownSchool.id}/plans`, {
    schoolYear,
    form: planForm,
  });
  const ownTeacher = await firstId(
    db
      .selectFrom('teachers')
      .select('id')
      .where('school_id', '=', ownSchool.id)
      .orderBy('id')
      .executeTakeFirst(),
    'teacher of the school account',
  );
  const record = (teacherId: string) => ({
    schoolYear,
    semester: 1,
    heldOn: day,
    topic: '数学组集体备课',
    form: '集体备课',
    participants: [{ teacherId, hoursTenths: 30 }],
  });
  const qRecord = await created(
    'school',
    `/school-research/schools/${ownSchool.id}/records`,
    record(ownTeacher),
  );

  // 帮扶结对: a pairing led by the sibling school (not the school account's)
  const pairingYears = { fromYear: schoolYear, toYear: schoolYear };
  const qPairing = await created('tdc', '/pairings', {
    kind: 'dev_school',
    leadId: qSchool,
    partnerIds: [],
    ...pairingYears,
  });

  // evaluation (issue 14): a campaign of 清城's bureau over the sibling school, open; and a 五育 framework and round
  const ownCampaign = await send('qingcheng', 'POST', '/evaluation/campaigns', {
    ownerOrgId: qc.id,
    name: '清城区校本研修示范校评估',
    year: firstYear,
    subjectKind: 'school',
    rubricRef: 'builtin:B',
    normalisation: 'item_points',
    subjects: [qSchool],
  });
  if (ownCampaign.statusCode !== 201)
    throw new Error(`campaign: ${ownCampaign.statusCode} ${ownCampaign.body}`);
  const qCampaign = ownCampaign.json().id as string;
  const qEvalSubject = ownCampaign.json().subjects[0].id as string;
  await send('qingcheng', 'POST', `/evaluation/campaigns/${qCampaign}/raters`, {
    assignments: [{ subjectId: qEvalSubject, usernames: ['expert'] }],
  });
  await send('qingcheng', 'POST', `/evaluation/campaigns/${qCampaign}/advance`, { to: 'open' });
  const qSelection = await created('qingcheng', '/evaluation/selections', {
    ownerOrgId: qc.id,
    year: firstYear,
    category: 'advanced_individual',
    maxAwards: 3,
  });
  const qFramework = await created('qingcheng', '/five-edu/frameworks', {
    orgId: qc.id,
    year: firstYear,
    name: '清城区五育评价（试行）',
  });
  const frameworkBody = (await send('qingcheng', 'GET', `/five-edu/frameworks/${qFramework}`)).json().body;
  await send('qingcheng', 'POST', `/five-edu/frameworks/${qFramework}/publish`, {});
  const qRound = await created('qingcheng', '/five-edu/rounds', {
    frameworkId: qFramework,
    orgId: qc.id,
    name: '清城区五育监测',
  });

  // ---- the probes, by what they point at ----
  const school: Probe[] = [
    get('org', (id) => `/orgs/${id}`),
    get('org children', (id) => `/orgs/${id}/children`),
    get('school', (id) => `/schools/${id}`),
    get('schools under', (id) => `/schools?orgId=${id}`),
    get('teachers under', (id) => `/teachers?orgId=${id}`),
    get('export teachers', (id) => `/exports/teachers?orgId=${id}`),
    get('export schools', (id) => `/exports/schools?orgId=${id}`),
    get('access codes', (id) => `/schools/${id}/exam-access-codes`),
    post('issue access codes', (id) => `/schools/${id}/exam-access-codes`),
    post(
      'exam for',
      () => '/exams',
      (id) => ({
        name: 'x',
        semester: '2026-2027-1',
        stage: 'junior',
        subject: 'math',
        grade: '七年级',
        fullMarks: 100,
        kind: 'routine',
        examDate: '2027-01-10',
        ownerOrgId: id,
      }),
    ),
    post(
      'cycle for',
      () => '/exam-cycles',
      (id) => ({ name: 'x', semester: '2026-2027-1', ownerOrgId: id }),
    ),
    put(
      'indicators for',
      () => '/exam-indicators',
      (id) => ({
        ownerOrgId: id,
        stage: 'junior',
        subject: 'math',
        indicators: [{ name: '学业水平', weight: 1 }],
      }),
    ),
    get('indicators of', (id) => `/exam-indicators?ownerOrgId=${id}`),
  ];
  const teacher: Probe[] = [
    get('teacher', (id) => `/teachers/${id}`),
    get('teacher id number', (id) => `/teachers/${id}/id-number`),
    get('teacher phone', (id) => `/teachers/${id}/phone`),
    get('teacher hours', (id) => `/teachers/${id}/hours`),
    post('issue 学时证明', (id) => `/teachers/${id}/transcripts`),
    get('issued documents', (id) => `/teachers/${id}/documents`),
    // the growth archive (R3-T09)
    get('growth archive', (id) => `/teachers/${id}/archive`),
    get('growth archive PDF', (id) => `/teachers/${id}/archive.pdf`),
    post(
      'transfer',
      (id) => `/teachers/${id}/transfer`,
      () => ({ schoolId: UNKNOWN, date: '2026-12-01' }),
    ),
    post(
      'integrity record for',
      () => '/integrity-records',
      (id) => ({
        teacherId: id,
        kind: 'no_show',
        recordDate: '2026-10-20',
        evidence: 'x',
      }),
    ),
  ];
  const programme: Probe[] = [
    get('programme', (id) => `/programmes/${id}`),
    patch(
      'programme update',
      (id) => `/programmes/${id}`,
      () => ({ title: '改名' }),
    ),
    get('quotas', (id) => `/programmes/${id}/quotas`),
    get('nominations', (id) => `/programmes/${id}/nominations`),
    get('substitutions', (id) => `/programmes/${id}/substitutions`),
    get('selection quality', (id) => `/programmes/${id}/selection-quality`),
    get('kpis', (id) => `/programmes/${id}/kpis`),
    get('budget', (id) => `/programmes/${id}/budget`),
    get('shortlist', (id) => `/programmes/${id}/shortlist-selection`),
  ];
  const exam: Probe[] = [
    get('exam', (id) => `/exams/${id}`),
    get('exam report', (id) => `/exams/${id}/report`),
    get('exam release', (id) => `/exams/${id}/release`),
    put(
      'exam settings',
      (id) => `/exams/${id}/report-settings`,
      () => ({ minGroupN: 5 }),
    ),
  ];
  // a unit's studios, trainers and 校本研修
  school.push(
    get('communities review of', (id) => `/communities/review?month=${day.slice(0, 7)}&orgId=${id}`),
    get('trainer standing of', (id) => `/trainers/standing?orgId=${id}`),
    get('school research year', (id) => `/school-research/schools/${id}`),
    post(
      'school research plan for',
      (id) => `/school-research/schools/${id}/plans`,
      () => ({ schoolYear, form: planForm }),
    ),
    post(
      'school research record for',
      (id) => `/school-research/schools/${id}/records`,
      () => record(UNKNOWN),
    ),
    put(
      'school research assessment',
      (id) => `/school-research/schools/${id}/assessments`,
      () => ({ schoolYear, semester: 1, grade: 'good', comment: '研修扎实' }),
    ),
    get('school research archive', (id) => `/school-research/schools/${id}/archive?schoolYear=${schoolYear}`),
    get('school research archive xlsx', (id) => `/school-research/schools/${id}/archive.xlsx`),
    get('school training budget', (id) => `/school-research/schools/${id}/training-budgets/2026`),
    put(
      'school training budget entry',
      (id) => `/school-research/schools/${id}/training-budgets/2026`,
      () => ({ publicFundsFen: 100_000_000, budgetFen: 5_000_000, usedFen: 4_500_000 }),
    ),
  );
  teacher.push(
    post(
      'community host',
      () => '/communities',
      (id) => ({ kind: 'master_teacher_studio', level: 'county', name: '名师工作室', hostTeacherId: id }),
    ),
    post(
      'trainer appointment',
      () => '/trainers/appointments',
      (id) => ({ teacherId: id, poolOrgId: yd.id, consentOn: day, consentNote: '电话征得本人同意' }),
    ),
  );
  const community: Probe[] = [
    get('community', (id) => `/communities/${id}`),
    post(
      'community roster',
      (id) => `/communities/${id}/roster`,
      () => ({ reason: '成员调整', end: [UNKNOWN] }),
    ),
    post('community register', (id) => `/communities/${id}/register`),
    get('community plan', (id) => `/communities/${id}/plans/${schoolYear}`),
    put(
      'community plan save',
      (id) => `/communities/${id}/plans/${schoolYear}`,
      () => ({ sessions: [] }),
    ),
    get('community activities', (id) => `/communities/${id}/activities`),
    post(
      'community activity',
      (id) => `/communities/${id}/activities`,
      () => ({ heldOn: day, kind: 'lecture', title: '专题讲座', hostSchoolId: UNKNOWN }),
    ),
    post(
      'community feedback',
      (id) => `/communities/${id}/review-feedback`,
      () => ({ month: day.slice(0, 7), feedback: '活动按计划开展' }),
    ),
  ];
  community.push(
    post(
      'community title',
      (id) => `/communities/${id}/titles`,
      () => ({ year: 2025, awarded: true }),
    ),
    post(
      'pairing of a studio',
      () => '/pairings',
      (id) => ({ kind: 'studio_workshop', leadId: id, partnerIds: [], ...pairingYears }),
    ),
  );
  school.push(
    post(
      'pairing led by',
      () => '/pairings',
      (id) => ({ kind: 'dev_school', leadId: id, partnerIds: [], ...pairingYears }),
    ),
    post(
      'pairing check of',
      () => '/pairings/check',
      (id) => ({ kind: 'dev_school', leadId: id, partnerIds: [], ...pairingYears }),
    ),
  );
  const pairing: Probe[] = [
    del('pairing delete', (id) => `/pairings/${id}`),
    get('pairing', (id) => `/pairings/${id}`),
    put(
      'pairing update',
      (id) => `/pairings/${id}`,
      () => ({ partnerIds: [], ...pairingYears }),
    ),
    post(
      'pairing activity',
      (id) => `/pairings/${id}/activities`,
      () => ({ heldOn: day, title: '结对活动', place: '会议室', participants: 10 }),
    ),
  ];
  const trainerRecord: Probe[] = [
    get('trainer', (id) => `/trainers/${id}`),
    post(
      'trainer recommendation',
      (id) => `/trainers/${id}/recommendation`,
      () => ({ decision: 'return', reason: '材料不全' }),
    ),
    post(
      'trainer decision',
      (id) => `/trainers/${id}/decision`,
      () => ({ decision: 'return', reason: '材料不全' }),
    ),
    post(
      'trainer assessment',
      (id) => `/trainers/${id}/assessments`,
      () => ({ year: firstYear, result: 'pass' }),
    ),
    post(
      'trainer revocation',
      (id) => `/trainers/${id}/revocation`,
      () => ({ reason: 'duties', note: '未履行职责' }),
    ),
    post(
      'trainer assignment',
      (id) => `/trainers/${id}/assignments`,
      () => ({ targetKind: 'programme', targetId: UNKNOWN, role: 'lecturer' }),
    ),
  ];
  const schoolPlan: Probe[] = [
    post(
      'school plan decision',
      (id) => `/school-research/plans/${id}/decision`,
      () => ({ decision: 'return', reason: '请补充学期目标' }),
    ),
  ];
  const schoolRecord: Probe[] = [
    put(
      'school record',
      (id) => `/school-research/records/${id}`,
      () => record(UNKNOWN),
    ),
    post('school record certify', (id) => `/school-research/records/${id}/certify`),
  ];
  const campaign: Probe[] = [
    get('campaign', (id) => `/evaluation/campaigns/${id}`),
    get('campaign ranking', (id) => `/evaluation/campaigns/${id}/ranking`),
    get('campaign scorecards', (id) => `/evaluation/campaigns/${id}/scorecards`),
    post(
      'campaign raters',
      (id) => `/evaluation/campaigns/${id}/raters`,
      () => ({ assignments: [{ subjectId: UNKNOWN, usernames: ['expert'] }] }),
    ),
    post(
      'campaign advance',
      (id) => `/evaluation/campaigns/${id}/advance`,
      () => ({ to: 'scoring' }),
    ),
  ];
  const evalSubject: Probe[] = [
    get('evaluation subject', (id) => `/evaluation/subjects/${id}`),
    get('evaluation scorecard', (id) => `/evaluation/subjects/${id}/scorecard`),
    get('evaluation evidence', (id) => `/evaluation/subjects/${id}/evidence/1`),
    put(
      'self-scores',
      (id) => `/evaluation/subjects/${id}/self-scores`,
      () => ({ scores: {} }),
    ),
    post(
      'evaluation appeal',
      (id) => `/evaluation/subjects/${id}/appeals`,
      () => ({ unitId: 'B1', reason: '评分有误' }),
    ),
    post(
      'moderation',
      (id) => `/evaluation/subjects/${id}/moderation`,
      () => ({ unitId: 'B1', value: 1, reason: '合议结果' }),
    ),
    get('rater sheet', (id) => `/evaluation/tasks/${id}`),
    put(
      'rater sheet save',
      (id) => `/evaluation/tasks/${id}`,
      () => ({ units: {}, vetoes: {} }),
    ),
    post('rater sheet submit', (id) => `/evaluation/tasks/${id}/submit`),
  ];
  const selection: Probe[] = [
    get('selection', (id) => `/evaluation/selections/${id}`),
    put(
      'selection decisions',
      (id) => `/evaluation/selections/${id}/decisions`,
      () => ({ decisions: [{ candidateId: UNKNOWN, selected: true, reason: '成效突出' }] }),
    ),
    post(
      'selection nomination',
      (id) => `/evaluation/selections/${id}/nominations`,
      () => ({ teacherId: qTeacher, reason: '教学业绩突出' }),
    ),
    post('selection publish', (id) => `/evaluation/selections/${id}/publish`),
    get('selection certificates', (id) => `/evaluation/selections/${id}/certificates.zip`),
    get('selection certificate', (id) => `/evaluation/selections/${id}/honours/1/certificate.pdf`),
    post(
      'selection certificate revoke',
      (id) => `/evaluation/selections/${id}/honours/1/revoke`,
      () => ({ reason: '评选有误' }),
    ),
  ];
  const framework: Probe[] = [
    get('五育 framework', (id) => `/five-edu/frameworks/${id}`),
    put(
      '五育 framework save',
      (id) => `/five-edu/frameworks/${id}`,
      () => ({ name: '改名', body: frameworkBody }),
    ),
    post('五育 framework publish', (id) => `/five-edu/frameworks/${id}/publish`),
    post('五育 framework version', (id) => `/five-edu/frameworks/${id}/versions`),
    post(
      '五育 round of',
      () => '/five-edu/rounds',
      (id) => ({ frameworkId: id, orgId: qc.id, name: '监测' }),
    ),
  ];
  const round: Probe[] = [
    get('五育 round', (id) => `/five-edu/rounds/${id}`),
    put(
      '五育 enrolments',
      (id) => `/five-edu/rounds/${id}/enrolments`,
      () => ({ schools: [] }),
    ),
    get('五育 enrolments template', (id) => `/five-edu/rounds/${id}/enrolments/template`),
    post('五育 draw', (id) => `/five-edu/rounds/${id}/draw`),
    get('五育 sample', (id) => `/five-edu/rounds/${id}/sample`),
    get('五育 sample csv', (id) => `/five-edu/rounds/${id}/sample.csv`),
    put(
      '五育 values',
      (id) => `/five-edu/rounds/${id}/values`,
      () => ({ values: [{ schoolId: qSchool, indicatorCode: 'M1-1', value: 80 }] }),
    ),
    get('五育 values template', (id) => `/five-edu/rounds/${id}/values/template`),
    get('五育 results', (id) => `/five-edu/rounds/${id}/results`),
  ];
  const at = (probes: Probe[], id: string) => probes.map((p): [Probe, string] => [p, id]);

  // submitting a school's 校本研修 plan or record, recommending a trainer: a school's alone, a bureau is refused them
  // (403) whatever the id
  const schoolOnly = [
    'school research plan for',
    'school research record for',
    'school record',
    'school record certify',
    'trainer recommendation',
  ];
  cases.yingde = [
    ...at(
      school.filter((p) => !schoolOnly.includes(p.label)),
      qSchool,
    ),
    ...at(teacher, qTeacher),
    // withdrawing is the teacher's alone: a bureau is refused it (403) whatever the id
    ...at(
      claim.filter((p) => p.label !== 'claim withdraw'),
      qClaim.id,
    ),
    ...at(programme, qProgramme),
    ...at(exam, qExam),
    [
      post(
        'eligibility of',
        () => `/programmes/${qNomination.programme_id}/eligibility`,
        (id) => ({ teacherId: id }),
      ),
      qTeacher,
    ],
    [
      post(
        'nominate',
        () => `/programmes/${qNomination.programme_id}/nominations`,
        (id) => ({ teacherId: id }),
      ),
      qTeacher,
    ],
    [
      post(
        'withdraw',
        (id) => `/programmes/${qNomination.programme_id}/nominations/${id}/withdraw`,
        () => ({
          reason: '本人申请',
        }),
      ),
      qNomination.id,
    ],
    [
      post(
        'substitute',
        (id) => `/programmes/${qNomination.programme_id}/nominations/${id}/substitute`,
        () => ({
          teacherId: UNKNOWN,
          reason: '生病',
        }),
      ),
      qNomination.id,
    ],
    [get('outcome file', (id) => `/outcomes/${id}/file`), qOutcome],
    [
      post(
        'outcome review',
        (id) => `/outcomes/${id}/review`,
        () => ({ action: 'return', comment: '补充' }),
      ),
      qOutcome,
    ],
    [
      get('certificate', (id) => `/classes/${qResult.class_id}/completion/${id}/certificate`),
      qResult.teacher_id,
    ],
    [
      post('未结业 record', (id) => `/classes/${qResult.class_id}/completion/${id}/integrity`),
      qResult.teacher_id,
    ],
    [
      post(
        'hours reverse',
        (id) => `/hours/${id}/reverse`,
        () => ({ reason: '误登记' }),
      ),
      qHours,
    ],
    [
      post(
        'appeal decision',
        (id) => `/integrity-records/${id}/appeal-decision`,
        () => ({ decision: 'upheld', reason: '情况属实' }),
      ),
      qIntegrity,
    ],
    ...at(community, qCommunity),
    ...at(
      trainerRecord.filter((p) => !schoolOnly.includes(p.label)),
      qTrainer,
    ),
    ...at(schoolPlan, qPlan),
    ...at(
      schoolRecord.filter((p) => !schoolOnly.includes(p.label)),
      qRecord,
    ),
    ...at(pairing, qPairing),
    ...at(campaign, qCampaign),
    ...at(evalSubject, qEvalSubject),
    ...at(selection, qSelection),
    ...at(framework, qFramework),
    ...at(round, qRound),
  ];
  // a school admin: a sibling school of its own county and its teacher, and another county's
  cases.school = [
    ...at(school, qSchool),
    ...at(teacher, qTeacher),
    ...at(claim, qClaim.id),
    ...at(school, ySchool),
    ...at(teacher, yTeacher),
    ...at(community, qCommunity),
    ...at(trainerRecord, qTrainer),
    ...at(pairing, qPairing),
    ...at(campaign, qCampaign),
    ...at(evalSubject, qEvalSubject),
    ...at(selection, qSelection),
  ];
  // teacher-development-centre staff of 清城: 英德's school, teacher and exam
  cases.tdc = [...at(school, ySchool), ...at(teacher, yTeacher), ...at(exam, yExam)];
  // provider staff and a teacher: roles without most of these permissions anywhere
  cases.provider = [
    ...at(school, qSchool),
    ...at(teacher, qTeacher),
    ...at(programme, qProgramme),
    ...at(exam, qExam),
    ...at(campaign, qCampaign),
    ...at(evalSubject, qEvalSubject),
    ...at(round, qRound),
  ];
  cases.teacher = [
    ...at(school, qSchool),
    ...at(teacher, qTeacher),
    ...at(claim, qClaim.id),
    ...at(programme, qProgramme),
    ...at(exam, qExam),
    ...at(campaign, qCampaign),
    ...at(evalSubject, qEvalSubject),
    ...at(framework, qFramework),
  ];
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

/** The error without its request id; the id the caller sent, where the answer names it back, reads as "ID". */
function errorOf(body: string, sent: string): unknown {
  const json = JSON.parse(body) as { error?: Json };
  if (!json.error) return json;
  const { requestId: _ignored, ...rest } = json.error;
  return JSON.parse(JSON.stringify(rest), (_key, v) => (v === sent ? 'ID' : v));
}

describe('hardening: out of scope reads exactly like not found, on every route that takes an id', () => {
  for (const who of ['yingde', 'school', 'tdc', 'provider', 'teacher']) {
    it(`${who}: another unit's records answer what an unknown id answers`, async () => {
      const list = cases[who] ?? [];
      expect(list.length).toBeGreaterThan(10);
      const differ: string[] = [];
      for (const [probe, id] of list) {
        const foreign = await send(who, probe.method, probe.url(id), probe.body?.(id));
        const unknown = await send(who, probe.method, probe.url(UNKNOWN), probe.body?.(UNKNOWN));
        const a = `${foreign.statusCode} ${JSON.stringify(errorOf(foreign.body, id))}`;
        const b = `${unknown.statusCode} ${JSON.stringify(errorOf(unknown.body, UNKNOWN))}`;
        if (foreign.statusCode < 400 || a !== b)
          differ.push(`${probe.method} ${probe.url(id)} (${probe.label}): ${a} ≠ ${b}`);
        // a probe of a route that does not exist would pass above without proving anything
        if (unknown.json().error?.message === '接口不存在')
          differ.push(`${probe.method} ${probe.url(id)} (${probe.label}): no such route`);
      }
      expect(differ).toEqual([]);
    });
  }

  it('a bureau of another county gets 404 NOT_FOUND for every record of 清城 (never 403, 400 or 409)', async () => {
    for (const [probe, id] of cases.yingde ?? []) {
      const res = await send('yingde', probe.method, probe.url(id), probe.body?.(id));
      expect(res.statusCode, `${probe.method} ${probe.url(id)}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});
