import type { ExamReport } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../test/db';
import { buildTestApp, login, seedRegion, type TestApp } from '../test/factories';
import { loadDemoExams } from './demo-exams';

let h: DatabaseHandle;
let t: TestApp;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  t = await buildTestApp(h.db);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('demo exams (so the report pages are not empty)', () => {
  it('loads one city cycle with two exams; the city sees a full report, the demo school its grades', async () => {
    const r = await loadDemoExams(h.db);
    expect(r.exams).toBeGreaterThanOrEqual(2);
    expect(r.students).toBeGreaterThan(0);
    const exams = await h.db.selectFrom('exams').select(['id', 'name', 'students']).orderBy('id').execute();
    expect(exams.length).toBe(r.exams);
    const city = await login(t.app, 'city');
    const rep = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/exams/${exams[1]?.id}/report`,
        headers: city.headers,
      })
    ).json() as ExamReport;
    expect(rep.mode).toBe('full');
    expect(rep.items).toHaveLength(20);
    // FULL_MARKS_MISMATCH: 满分 is the items' sum, and the 10-point bands end at it (no "100–102")
    expect(rep.exam.fullMarks).toBe(100);
    expect(rep.items?.reduce((a, it) => a + it.maxScore, 0)).toBe(100);
    expect(rep.bands?.at(-1)).toMatchObject({ label: '90–100', to: 100 });
    const marks = await h.db.selectFrom('exams').select(['full_marks', 'items']).execute();
    for (const e of marks)
      expect((e.items as Array<{ maxScore: number }>).reduce((a, it) => a + it.maxScore, 0)).toBe(
        e.full_marks,
      );
    expect(rep.schools.some((s) => s.valueAdded !== null)).toBe(true); // prior = the 期中 exam of the cycle
    expect(rep.schools.some((s) => s.suppressed)).toBe(true);
    const school = await login(t.app, 'school');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/exams/${exams[1]?.id}/report`,
      headers: school.headers,
    });
    // SZ-12: a routine compulsory-stage exam reaches the school as grades, its own school only
    const own = res.json() as ExamReport;
    expect(own.mode).toBe('grades');
    expect(own.schools).toHaveLength(1);
    expect(own.schools[0]?.rank).toBeNull();
  });
});
