/**
 * The demo is coherent as of the day it is loaded (as-of.ts): loaded as of four days spread over a year (a
 * January weekday, a Saturday in April, a Monday in August, a Friday in October: as of their end), and as of the
 * moment the test runs (what the first start does), and looked at with the services on the demo's clock, as the
 * pages are the day it is loaded:
 * - no record is dated after the demo's now (timestamps of every table; submitted, reported and recorded dates);
 * - no nomination is made after its programme's selection deadline (R-004-18);
 * - no class shows an overdue deadline item (core deadlineBoard, R-004-09…15, as the class page and the alerts
 *   compute it), and the finished class has every item delivered;
 * - the attendance KPI (R-004-27) counts the sessions begun by the demo's now, and those sessions have check-ins;
 * - only exams sat before the as-of are scored, and only those are released to the public and to parents.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../db/database';
import { syncBuiltinPacks } from '../modules/programs';
import { createServices } from '../services';
import type { Actor } from '../shared/actor';
import { createTestDatabase } from '../test/db';
import { demoCalendar } from './as-of';
import { type DemoLoaded, loadDemo } from './load-demo';
import { DEMO_SERVICES_CONFIG } from './load-programmes';

const CASES: Array<{ label: string; asOf?: string; now?: Date }> = [
  ...['2026-01-15', '2026-04-25', '2026-08-03', '2026-10-30'].map((asOf) => ({ label: asOf, asOf })),
  { label: 'the moment the test runs (the real clock, as the first start)', now: new Date() },
];

async function actorOf(db: Database, username: string): Promise<Actor> {
  const g = await db
    .selectFrom('accounts as a')
    .innerJoin('role_grants as g', 'g.account_id', 'a.id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select([
      'a.id',
      'a.display_name',
      'a.teacher_id',
      'g.role',
      'o.id as org_id',
      'o.path',
      'o.name',
      'o.kind',
    ])
    .where('a.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    accountId: g.id,
    username,
    displayName: g.display_name,
    teacherId: g.teacher_id,
    requestId: 'demo-coherence',
    ip: null,
    grants: [
      {
        role: g.role as Actor['grants'][number]['role'],
        orgId: g.org_id,
        orgPath: g.path,
        orgName: g.name,
        orgKind: g.kind,
      },
    ],
  };
}

describe.each(CASES)('the demo as of $label', ({ asOf: day, now: moment }) => {
  const cal = demoCalendar({ asOf: day, now: moment });
  const { asOf } = cal;
  let h: DatabaseHandle;
  let loaded: DemoLoaded;
  /** The database's clock just before the load: rows stamped earlier are the test database's own (code tables). */
  let loadStart: string;
  const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(h.db)).rows;
  const services = () => createServices(h.db, DEMO_SERVICES_CONFIG, () => cal.now);
  const now = () => cal.now.toISOString();

  beforeAll(async () => {
    h = await createTestDatabase();
    await syncBuiltinPacks(h.db);
    loadStart =
      (await sql<{ t: string }>`SELECT clock_timestamp()::text AS t`.execute(h.db)).rows[0]?.t ?? '';
    loaded = await loadDemo(h.db, { teachers: 800, seed: 11, asOf: day, now: moment });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  it('is loaded as of that day: four programmes, two classes, two exams per stage', async () => {
    expect(loaded.asOf).toBe(asOf);
    expect(loaded.programmes).toHaveLength(4);
    expect(loaded.programmes.every((t) => t.includes(String(cal.packYear)))).toBe(true);
    expect(loaded.exams.exams).toBeGreaterThanOrEqual(2);
    expect(loaded.exams.released).toBe(true);
    expect(loaded.restamped).toBeGreaterThan(0);
  });

  it('no timestamp of any table is after the demo’s now', async () => {
    const cols = await rows<{ table_name: string; column_name: string }>(`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'`);
    expect(cols.length).toBeGreaterThan(30);
    const late: string[] = [];
    for (const c of cols) {
      const [r] = await rows<{ n: string; max: string | null }>(
        `SELECT count(*) AS n, max("${c.column_name}")::text AS max FROM "${c.table_name}"
         WHERE "${c.column_name}" > '${now()}'::timestamptz AND "${c.column_name}" >= '${loadStart}'::timestamptz`,
      );
      if (Number(r?.n)) late.push(`${c.table_name}.${c.column_name}: ${r?.n} (latest ${r?.max})`);
    }
    expect(late).toEqual([]);
  });

  it('no recorded date is after the as-of day', async () => {
    const checks = {
      'documents submitted': 'SELECT max(submitted_on) AS d FROM class_documents',
      'class dates reported': 'SELECT max(dates_reported_on) AS d FROM classes',
      spending: 'SELECT max(spent_on) AS d FROM programme_spending',
      'integrity records': 'SELECT max(record_date) AS d FROM integrity_records',
      'teaching started': 'SELECT max(teaching_start_date) AS d FROM teachers',
      'community activities held': 'SELECT max(held_on) AS d FROM community_activities',
      'community members joined': 'SELECT max(joined_on) AS d FROM community_members',
      'communities registered': 'SELECT max(registered_on) AS d FROM community_registrations',
      'pairing activities held': 'SELECT max(held_on) AS d FROM pairing_activities',
      '校本研修 records held': 'SELECT max(held_on) AS d FROM school_research_records',
      '校本研修 plans submitted': 'SELECT max(submitted_on) AS d FROM school_research_plans',
      '学时 earned': 'SELECT max(occurred_on) AS d FROM hour_entries',
      'evaluation appeal windows closed': 'SELECT max(appeal_closes_on) AS d FROM evaluation_campaigns',
      'scored exams sat': `SELECT max(e.exam_date) AS d FROM exams e
        WHERE EXISTS (SELECT 1 FROM exam_students s WHERE s.exam_id = e.id AND s.total IS NOT NULL)`,
    };
    for (const [what, q] of Object.entries(checks)) {
      const [r] = await rows<{ d: string | null }>(`SELECT to_char(d, 'YYYY-MM-DD') AS d FROM (${q}) x`);
      expect({ what, d: r?.d && r.d <= asOf }).toEqual({ what, d: true });
    }
    // the exams scored were sat before the as-of day, not on it
    const [e] = await rows<{ d: string }>(`SELECT to_char(max(exam_date), 'YYYY-MM-DD') AS d FROM exams`);
    expect((e?.d ?? '') < asOf).toBe(true);
  });

  it('R-004-18: every nomination (and refused attempt) is made by its programme’s selection deadline', async () => {
    const late = await rows(`
      SELECT n.id, n.created_at, p.selection_deadline FROM nominations n JOIN programmes p ON p.id = n.programme_id
      WHERE (n.created_at AT TIME ZONE 'Asia/Shanghai')::date > p.selection_deadline
      UNION ALL
      SELECT r.id, r.created_at, p.selection_deadline FROM nomination_refusals r
        JOIN programmes p ON p.id = r.programme_id
      WHERE (r.created_at AT TIME ZONE 'Asia/Shanghai')::date > p.selection_deadline`);
    expect(late).toEqual([]);
    const [n] = await rows<{ n: string }>('SELECT count(*) AS n FROM nominations');
    expect(Number(n?.n)).toBeGreaterThan(20);
  });

  it('R-004-09…15: no class has an overdue item; the finished class has delivered every item', async () => {
    const s = services();
    const province = await actorOf(h.db, 'province');
    const classes = await rows<{ id: string; end_date: string }>(
      "SELECT id, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM classes ORDER BY start_date",
    );
    expect(classes).toHaveLength(2);
    const finished = classes.filter((c) => c.end_date < asOf);
    expect(finished).toHaveLength(1);
    for (const c of classes) {
      const detail = await s.classes.get(province, c.id);
      expect(detail.board.filter((i) => i.light === 'red').map((i) => i.message)).toEqual([]);
      // the finished class delivered everything: dates, notice, timetable, 工作简报 and the final reports
      if (c.end_date < asOf) {
        expect(detail.board.length).toBeGreaterThanOrEqual(7);
        expect(detail.board.filter((i) => i.light !== 'green').map((i) => i.message)).toEqual([]);
      }
    }
    const alerts = await s.classes.alerts(province);
    expect(alerts.filter((a) => a.light === 'red')).toEqual([]);
  });

  it('R-004-27: attendance counts the sessions begun by now, and those sessions have check-ins', async () => {
    const s = services();
    const city = await actorOf(h.db, 'city');
    // a session has begun once its start (Asia/Shanghai) is past the demo's now: as of a day's end, every session
    // of that day; as of a moment, the later sessions of the day are still to come and not yet owed
    const begun = `((s.session_date + s.starts_at::time) AT TIME ZONE 'Asia/Shanghai') <= '${now()}'::timestamptz`;
    const programmes = await rows<{ id: string; held: string; begun: string; enrolled: string }>(`
      SELECT p.id,
        (SELECT count(*) FROM class_sessions s JOIN classes c ON c.id = s.class_id
          WHERE c.programme_id = p.id AND s.session_date <= DATE '${asOf}') AS held,
        (SELECT count(*) FROM class_sessions s JOIN classes c ON c.id = s.class_id
          WHERE c.programme_id = p.id AND ${begun}) AS begun,
        (SELECT count(*) FROM class_enrolments e WHERE e.programme_id = p.id) AS enrolled
      FROM programmes p WHERE EXISTS (SELECT 1 FROM classes c WHERE c.programme_id = p.id) ORDER BY p.id`);
    expect(programmes).toHaveLength(2);
    for (const p of programmes) {
      const kpi = await s.reports.programmeKpis(city, p.id, { level: 'county' });
      expect(kpi.asOf).toBe(asOf);
      expect(kpi.total.sessionsExpected).toBe(Number(p.begun) * Number(p.enrolled));
      expect(Number(p.held)).toBeGreaterThanOrEqual(4);
      // nearly everyone who arrived attends: no session is counted as held with nobody present
      expect(kpi.total.attendanceRate.rate ?? 0).toBeGreaterThan(0.75);
    }
    expect(
      await rows(`SELECT 1 FROM attendance a JOIN class_sessions s ON a.slot = 's' || s.id
        WHERE s.session_date > DATE '${asOf}'`),
    ).toEqual([]);
    expect(
      await rows(`SELECT s.id FROM class_sessions s WHERE ${begun}
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.class_id = s.class_id AND a.slot = 's' || s.id)`),
    ).toEqual([]);
    // a pending leave request is for a session after the as-of day
    expect(
      await rows(`SELECT 1 FROM leave_requests l JOIN class_sessions s ON s.id = l.session_id
        WHERE l.status = 'pending' AND s.session_date <= DATE '${asOf}'`),
    ).toEqual([]);
  });

  it('issue 13: studios and workshops, their year, pairings, the trainer pool and 校本研修 are there, none dated after now', async () => {
    // 清城's schools: the demo's pairings and 校本研修 plans are made among them (few in a small demo region)
    const [qc] = await rows<{ n: string }>(`SELECT count(*) AS n FROM orgs s JOIN orgs c ON c.id = s.county_id
      WHERE s.kind = 'school' AND c.name LIKE '%清城%'`);
    const schools = Number(qc?.n);
    expect(loaded.communities).toMatchObject({
      communities: 4,
      pairings: 3,
      schoolPlans: Math.min(4, schools),
    });
    expect(loaded.communities.trainers).toBeGreaterThanOrEqual(3);
    const s = services();
    const tdc = await actorOf(h.db, 'tdc');
    const list = await s.communities.list(tdc, {});
    // the town workshop still forming is flagged (R3-W02/W03), not hidden
    expect(list.some((c) => c.level === 'town' && c.errorCount > 0)).toBe(true);
    const city = list.find((c) => c.kind === 'workshop' && c.level === 'city');
    expect(city?.status).toBe('registered');
    // every activity held is closed with its attendance; their 学时 are in the ledger, none after the as-of
    const open = await rows(
      `SELECT id FROM community_activities WHERE status <> 'closed' OR held_on >= DATE '${asOf}'`,
    );
    expect(open).toEqual([]);
    const [held] = await rows<{ n: string }>('SELECT count(*) AS n FROM community_activities');
    const [posted] = await rows<{ n: string }>(
      "SELECT count(*) AS n FROM hour_entries WHERE category = 'workshop'",
    );
    expect(Number(posted?.n) > 0).toBe(Number(held?.n) > 0);
    // the demo teacher: a member of the city workshop, offered for backbone recommendation (R3-W15)
    const teacher = await actorOf(h.db, 'teacher');
    const mine = await s.communities.mine(teacher);
    const ws = mine.find((m) => m.id === city?.id);
    expect(ws?.role).toBe('formal');
    expect(ws?.backbone?.rule).toBe('R3-W15');
    // pairings: the 示范校 with four schools is flagged (R3-B06: 1–3), with fewer it is not; the studio–workshop
    // pair holds (R3-G20)
    const pairs = await s.pairings.list(tdc, {});
    const demo = pairs.items.find((p) => p.kind === 'demo_school');
    expect(demo?.findings.map((f) => f.rule)).toEqual((demo?.partners.length ?? 0) > 3 ? ['R3-B06'] : []);
    expect(pairs.items.find((p) => p.kind === 'studio_workshop')?.findings).toEqual([]);
    // 校本研修: approved plans and one returned; trainer pool: appointed, approved and one pending application
    const plans = await rows<{ status: string }>(
      'SELECT DISTINCT status FROM school_research_plans ORDER BY 1',
    );
    expect(plans.map((p) => p.status)).toEqual(['approved', 'returned']);
    // R3-B09: the four schools' 教师培训经费 of one year, two meeting both conditions (fewer schools: fewer records)
    const years = await rows<{ y: number }>('SELECT DISTINCT year AS y FROM school_training_budgets');
    expect(years.length).toBe(1);
    const budgets = await s.schoolResearch.listTrainingBudgets(tdc, Number(years[0]?.y));
    expect(budgets.items.length).toBe(Math.min(4, schools));
    expect(budgets.metBoth).toBe(Math.min(2, schools));
    const trainers = await rows<{ status: string }>('SELECT DISTINCT status FROM trainer_records ORDER BY 1');
    expect(trainers.map((t) => t.status)).toEqual(
      expect.arrayContaining(['applied', 'approved', 'appointed']),
    );
  });

  it('issue 14: last year’s 项目县考核评估 is published, this year’s in scoring with the expert’s sheet half-way', async () => {
    expect(loaded.evaluation).toEqual({ campaigns: 2 });
    const s = services();
    const city = await actorOf(h.db, 'city');
    const campaigns = await s.evaluation.listCampaigns(city);
    expect(campaigns.map((c) => [c.year, c.status]).sort()).toEqual([
      [cal.packYear - 1, 'published'],
      [cal.packYear, 'scoring'],
    ]);
    // the published one: its appeal window closed before publication, 清城's appeal upheld (Y-EVAL-APPEAL)
    const past = campaigns.find((c) => c.status === 'published');
    const detail = await s.evaluation.campaign(city, past?.id ?? '');
    expect(detail.appeals.map((a) => a.status)).toEqual(['upheld']);
    const [w] = await rows<{ closes: string; published: string }>(
      `SELECT appeal_closes_on::text AS closes, to_char(published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS published
       FROM evaluation_campaigns WHERE status = 'published'`,
    );
    expect((w?.closes ?? '') < (w?.published ?? '')).toBe(true);
    // 清城 reads its scorecard; the expert has this year's 清城 sheet saved, not submitted, and 英德's to do
    const qc = await actorOf(h.db, 'qingcheng');
    const mine = await s.evaluation.mySubjects(qc);
    expect(mine.length).toBe(2);
    const card = await s.evaluation.scorecard(
      qc,
      detail.subjects.find((x) => x.name.includes('清城'))?.id ?? '',
    );
    expect(card.score).toBeGreaterThan(60);
    expect(card.appeals.map((a) => a.status)).toEqual(['upheld']);
    const tasks = await s.evaluation.myTasks(await actorOf(h.db, 'expert'));
    const open = tasks.filter((t) => t.status === 'scoring');
    expect(open.map((t) => t.submitted)).toEqual([false, false]);
    expect(open.map((t) => t.scoredUnits > 0).sort()).toEqual([false, true]);
  });

  it('issue 14: 清城’s 五育 round has its sample drawn from a stored seed and every school’s values but one', async () => {
    expect(loaded.fiveEducation.rounds).toBe(1);
    const s = services();
    const qc = await actorOf(h.db, 'qingcheng');
    const [round] = (await s.fiveEducation.listRounds(qc)).items;
    const detail = await s.fiveEducation.getRound(qc, round?.id ?? '');
    expect(detail.schools.length).toBe(loaded.fiveEducation.schools);
    const complete = detail.schools.filter((x) => x.valuesEntered === detail.indicators.length);
    expect(complete.length).toBe(Math.max(1, detail.schools.length - 1));
    // CD-25/TL-14: the sample is the one its stored seed draws, 5 % of each school × grade rounded up
    const sample = await s.fiveEducation.getSample(qc, detail.id);
    expect(sample.seed).toBe(`qingcheng-${cal.packYear}`);
    for (const st of sample.students.strata) expect(st.count).toBe(Math.ceil(st.population * 0.05));
    const results = await s.fiveEducation.results(qc, detail.id, {});
    expect(results.schools.filter((x) => x.score !== null).length).toBe(complete.length);
  });

  it('R3-S06, R3-S08: 清城’s 先进个人 of last year is published; the teacher’s archive holds it and its code verifies', async () => {
    expect(loaded.selections).toEqual({ selections: 1, honours: 2 });
    const s = services();
    const qc = await actorOf(h.db, 'qingcheng');
    const [sel] = await s.evaluation.selections.list(qc);
    expect(sel).toMatchObject({
      year: cal.packYear - 1,
      category: 'advanced_individual',
      status: 'published',
    });
    const detail = await s.evaluation.selections.detail(qc, sel?.id ?? '');
    const teacher = await actorOf(h.db, 'teacher');
    const mine = detail.honours.find(
      (x) => detail.candidateList.find((c) => c.id === x.candidateId)?.holderId === teacher.teacherId,
    );
    expect(mine?.title).toBe(`${cal.packYear - 1}年度校本研修先进个人`);
    const archive = await s.archive.myArchive(teacher);
    expect(archive.honours).toContainEqual(
      expect.objectContaining({ title: mine?.title, level: '县级', awardedOn: mine?.issuedOn }),
    );
    expect((mine?.issuedOn ?? '') <= asOf).toBe(true);
    const v = await s.hours.verify(mine?.code ?? '', { ip: '203.0.113.9', requestId: 'demo-coherence' });
    expect(v).toMatchObject({
      kind: 'honour',
      status: 'valid',
      title: mine?.title,
      issuer: sel?.ownerOrgName,
    });
  });

  it('only exams sat before the as-of are released, to the public and to parents', async () => {
    const released = await rows<{ exam_date: string; parents: boolean }>(`
      SELECT to_char(e.exam_date, 'YYYY-MM-DD') AS exam_date, r.parents_at IS NOT NULL AS parents
      FROM exam_releases r JOIN exams e ON e.id = r.exam_id
      WHERE r.public_at IS NOT NULL OR r.parents_at IS NOT NULL`);
    expect(released.length).toBeGreaterThanOrEqual(1);
    expect(released.filter((r) => r.exam_date >= asOf)).toEqual([]);
    expect(released.some((r) => r.parents)).toBe(true);
    const pub = await services().examRelease.listPublic();
    expect(pub.length).toBeGreaterThanOrEqual(1);
    for (const p of pub) {
      expect((p.examDate ?? '') < asOf).toBe(true);
      expect(p.publishedAt <= now()).toBe(true);
    }
  });
});
