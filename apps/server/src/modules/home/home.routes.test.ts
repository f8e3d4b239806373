/**
 * The landing page (GET /home) on the demo programme year and its exams, on the demo's "today": each role sees
 * its own sections, the officer's figures are the training overview's (R-004-09…15 overdue deadlines, R3-B02
 * 结业率), the monitoring office sees the newest cycle's early warnings (R-002-12), providers and trainers their
 * classes and tasks, a teacher nothing but an empty page (their home is their own profile).
 */
import type { ExamWarning, Home, TrainingOverview } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { loadDemo } from '../../demo/load-demo';
import { createTestDatabase } from '../../test/db';
import { buildTestApp, login, type Session, type TestApp } from '../../test/factories';
import { syncBuiltinPacks } from '../programs';

/** The demo as of 10:00 in Shanghai on a Monday of the city class's second week. */
const DEMO_TODAY = '2026-11-23';
const NOW = new Date(`${DEMO_TODAY}T02:00:00Z`);

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};

const get = async <T>(url: string, who: string): Promise<T> => {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s[who]?.headers });
  expect(r.statusCode, `${who} ${url}: ${r.body}`).toBe(200);
  return r.json() as T;
};
const home = (who: string) => get<Home>('/home', who);

beforeAll(async () => {
  h = await createTestDatabase();
  await syncBuiltinPacks(h.db);
  await loadDemo(h.db, { teachers: 1500, seed: 7, now: NOW });
  t = await buildTestApp(h.db, () => NOW);
  for (const u of ['province', 'city', 'qingcheng', 'school', 'provider', 'trainer', 'teacher'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('GET /home', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/home' })).statusCode).toBe(401);
  });

  it('R-004-09…15, R3-B02 an officer: the year at a glance is the training overview’s totals, in its own scope', async () => {
    for (const who of ['province', 'city', 'qingcheng', 'school']) {
      const [mine, ov] = await Promise.all([
        home(who),
        get<TrainingOverview>('/reports/training-overview', who),
      ]);
      expect(mine.asOf).toBe(DEMO_TODAY);
      const tr = mine.training;
      if (!tr) throw new Error(`${who} has no training section`);
      expect(tr.year).toBe(ov.year);
      expect(tr.programmes).toBe(ov.programmes.length);
      expect(tr.running + tr.upcoming + tr.finished).toBe(tr.programmes);
      expect({
        seats: tr.seats,
        seatsUsed: tr.seatsUsed,
        enrolled: tr.enrolled,
        arrived: tr.arrived,
        completed: tr.completed,
        arrivalRate: tr.arrivalRate,
        completionRate: tr.completionRate,
        overdueDeadlines: tr.overdueDeadlines,
      }).toEqual({
        seats: ov.total.seats,
        seatsUsed: ov.total.seatsUsed,
        enrolled: ov.total.enrolled,
        arrived: ov.total.arrived,
        completed: ov.total.completed,
        arrivalRate: ov.total.arrivalRate,
        completionRate: ov.total.completionRate,
        overdueDeadlines: ov.total.overdueDeadlines,
      });
      // running programmes first, each with its own figures from the overview
      for (const p of tr.current) expect(ov.programmes).toContainEqual(p);
      expect(mine.classes).toBeNull();
      expect(mine.plans).toBeNull();
    }
  });

  it('the demo year on its today: the 市培 runs, the 省培 is over, the 县培 and the trainers’ programme come next', async () => {
    const tr = (await home('province')).training;
    expect(tr).toMatchObject({ year: 2026, programmes: 4, running: 1, finished: 1, upcoming: 2 });
    expect(tr?.current.map((p) => p.level)).toEqual(['city', 'county', 'provincial']);
    // a county sees only its own share: fewer seats than the province
    const county = (await home('qingcheng')).training;
    expect(county?.seats).toBeLessThan(tr?.seats ?? 0);
    // the demo is coherent on its today: nothing overdue, so no such task
    expect(tr?.overdueDeadlines).toBe(0);
    expect((await home('province')).tasks.map((x) => x.kind)).not.toContain('deadline_overdue');
  });

  it('R-004-09…15 an overdue deadline item reaches the province as one count and the class’s provider as a task', async () => {
    // the running 市培 class loses its 报到通知书, due before its start: now overdue
    const running = (await home('provider')).classes?.items.find((c) => c.endDate >= DEMO_TODAY);
    if (!running) throw new Error('the provider has no running class');
    const removed = await h.db
      .deleteFrom('class_documents')
      .where('class_id', '=', running.id)
      .where('kind', '=', 'registration_notice')
      .executeTakeFirst();
    expect(Number(removed.numDeletedRows)).toBeGreaterThan(0);
    const province = await home('province');
    expect(province.training?.overdueDeadlines).toBe(1);
    expect(province.tasks).toContainEqual({
      kind: 'deadline_overdue',
      count: 1,
      subject: null,
      id: null,
      due: null,
    });
    const provider = await home('provider');
    expect(provider.tasks).toContainEqual({
      kind: 'deadline_overdue',
      count: 1,
      subject: running.name,
      id: running.id,
      due: null,
    });
    // a school does not manage the class: not told
    expect((await home('school')).tasks.map((x) => x.kind)).not.toContain('deadline_overdue');
  });

  it('R-002-12 the monitoring office sees the newest cycle’s warnings; a school does not', async () => {
    const w = (await home('city')).warnings;
    if (!w) throw new Error('the city has no warnings section');
    const cycles = await get<Array<{ id: string }>>('/exam-cycles', 'city');
    expect(w.cycleId).toBe(cycles[0]?.id);
    const all = await get<ExamWarning[]>(`/exam-cycles/${w.cycleId}/warnings`, 'city');
    expect(w.total).toBe(all.length);
    expect(w.total).toBeGreaterThan(0);
    expect(w.latest.length).toBeLessThanOrEqual(5);
    for (const x of w.latest) expect(all.map((a) => a.message)).toContain(x.message);
    // the values the web words the warning from travel with it (rates as fractions; EW-DROP its margin)
    for (const x of w.latest) {
      const same = all.find((a) => a.message === x.message);
      expect(x).toMatchObject({ value: same?.value, reference: same?.reference });
      expect(x.margin).toBe(same?.margin);
    }
    expect(new Set(w.latest.map((x) => x.examId)).size).toBeLessThanOrEqual(1);
    expect((await home('school')).warnings).toBeNull();
    expect((await home('provider')).warnings).toBeNull();
  });

  it('R-004-59 a provider: its classes (running first), its plans and its tasks; no year-wide figures', async () => {
    const mine = await home('provider');
    expect(mine.training).toBeNull();
    const classes = mine.classes;
    if (!classes) throw new Error('the provider has no classes section');
    expect(classes.total).toBe(2);
    expect(classes.running).toBe(1);
    // the running 市培 class first, then the ended 省培 class
    expect(classes.items.map((c) => c.endDate >= DEMO_TODAY)).toEqual([true, false]);
    expect(mine.plans?.map((p) => p.status).sort()).toEqual(['approved', 'approved']);
    const kinds = mine.tasks.map((x) => x.kind);
    // the trainers' programme: the provider is still selecting, before the selection deadline (R-004-18)
    const select = mine.tasks.find((x) => x.kind === 'shortlist_select');
    expect(select).toMatchObject({ subject: expect.stringContaining('培训师高端研修'), count: 14 });
    expect((select?.due ?? '') >= DEMO_TODAY).toBe(true);
    // a class's overdue deadline items (red lights) are a task of the class's managers
    for (const c of classes.items.filter((x) => x.lights.red > 0)) {
      expect(mine.tasks).toContainEqual({
        kind: 'deadline_overdue',
        count: c.lights.red,
        subject: c.name,
        id: c.id,
        due: null,
      });
    }
    // the 省培 class has its completion run: no task to run it
    expect(kinds).not.toContain('completion_run');
  });

  it('a trainer of the provider: the same classes to read, but no plans and no managers’ tasks', async () => {
    const [trainer, provider] = await Promise.all([home('trainer'), home('provider')]);
    expect(trainer.classes?.items.map((c) => c.id)).toEqual(provider.classes?.items.map((c) => c.id));
    expect(trainer.classes?.items.every((c) => !c.canManage)).toBe(true);
    expect(trainer.plans).toBeNull();
    expect(trainer.training).toBeNull();
    expect(trainer.tasks.filter((x) => x.kind !== 'outcomes_review')).toEqual([]);
  });

  it('a teacher: nothing (their home is their own profile)', async () => {
    expect(await home('teacher')).toEqual({
      asOf: DEMO_TODAY,
      training: null,
      warnings: null,
      classes: null,
      plans: null,
      tasks: [],
    });
  });
});
