/**
 * the class-operation, completion and KPI-target sections of a pack through the API — shown with their
 * rule IDs (defaults filled for packs saved before them), checked on save and in the what-if preview by zod
 * (shape) and validatePack (ranges and contradictions, naming the rule), boundaries on both sides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { createTestDatabase } from '../../../test/db';
import {
  buildTestApp,
  login,
  orgByName,
  type Session,
  seedRegion,
  type TestApp,
} from '../../../test/factories';
import { apiClient } from '../../../test/routes';

const CLOCK = () => new Date('2021-07-01T02:00:00Z');

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let draftId: string;

const { req } = apiClient(() => t, s);

// biome-ignore lint/suspicious/noExplicitAny: a pack body as JSON, edited by path in the tests
type PackJson = any;

async function draft(): Promise<PackJson> {
  return (await req('GET', `/packs/${draftId}`, 'city')).json().pack;
}

async function save(pack: PackJson) {
  return req('PUT', `/packs/${draftId}`, 'city', { pack });
}

function problemsOf(
  res: Awaited<ReturnType<typeof req>>,
): Array<{ ruleId: string; path: string; code: string }> {
  return res.json().error?.details?.problems ?? [];
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 50);
  t = await buildTestApp(h.db, CLOCK);
  const city = await orgByName(h.db, 'city', '');
  for (const u of ['city', 'qingcheng']) s[u] = await login(t.app, u);
  const res = await req('POST', '/packs/henan-2021/clone', 'city', { year: 2022, regionOrgId: city.id });
  expect(res.statusCode, res.body).toBe(201);
  draftId = res.json().id;
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('pack sections classOps / completion / kpiTargets', () => {
  it('a pack shows every section with its rule IDs; KPI targets default to R3-B02', async () => {
    const pack = await draft();
    expect(pack.classOps.checkinOpensDaysBefore).toMatchObject({ value: 1, ruleId: 'Y-004-CHECKIN-OPEN' });
    expect(pack.completion.minAttendancePct).toMatchObject({ value: 80, ruleId: 'Y-004-ATTEND-MIN' });
    expect(pack.kpiTargets.completionRate).toMatchObject({ value: 1, ruleId: 'R3-B02' });
    expect(pack.deadlines.timetable).toMatchObject({ ruleId: 'R-004-11' });
    // the built-in pack too (read by a county)
    const builtin = (await req('GET', '/packs/henan-2021', 'qingcheng')).json().pack;
    expect(builtin.kpiTargets.arrivalRate.ruleId).toBe('R3-B02');
  });

  it('save: attendance share 100 % is kept, 101 % is refused naming Y-004-ATTEND-MIN', async () => {
    const ok = await draft();
    ok.completion.minAttendancePct.value = 100;
    const res = await save(ok);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pack.completion.minAttendancePct.value).toBe(100);
    const bad = await draft();
    bad.completion.minAttendancePct.value = 101;
    const refused = await save(bad);
    expect(refused.statusCode).toBe(400);
    expect(problemsOf(refused)).toEqual([
      expect.objectContaining({ ruleId: 'Y-004-ATTEND-MIN', path: 'completion.minAttendancePct' }),
    ]);
  });

  it('save: negative days are refused with their rule (Y-004-DUE-SOON, R-004-11 direction)', async () => {
    const bad = await draft();
    bad.classOps.dueSoonDays.value = -1;
    bad.deadlines.timetable.value.offsetDays = 1;
    const refused = await save(bad);
    expect(refused.statusCode).toBe(400);
    expect(problemsOf(refused).map((p) => [p.ruleId, p.path])).toEqual([
      ['R-004-11', 'deadlines.timetable.offsetDays'],
      ['Y-004-DUE-SOON', 'classOps.dueSoonDays'],
    ]);
  });

  it('save: a KPI target share of 1 is kept, 1.2 is refused (PACK.SHARE_RANGE, R3-B02)', async () => {
    const bad = await draft();
    bad.kpiTargets.arrivalRate.value = 1.2;
    const refused = await save(bad);
    expect(refused.statusCode).toBe(400);
    expect(problemsOf(refused)).toEqual([
      expect.objectContaining({ code: 'PACK.SHARE_RANGE', ruleId: 'R3-B02', path: 'kpiTargets.arrivalRate' }),
    ]);
    const ok = await draft();
    ok.kpiTargets.arrivalRate.value = 0.95;
    expect((await save(ok)).json().pack.kpiTargets.arrivalRate.value).toBe(0.95);
  });

  it('save: a contradiction between sections names the rule (outcomes due after the R-004-15 reports)', async () => {
    const pack = await draft();
    pack.completion.outcomeDueDaysAfterEnd.value = 30;
    expect((await save(pack)).statusCode).toBe(200);
    pack.completion.outcomeDueDaysAfterEnd.value = 31;
    const refused = await save(pack);
    expect(problemsOf(refused)).toEqual([
      expect.objectContaining({ code: 'PACK.COMPLETION', ruleId: 'Y-004-OUTCOME-DUE' }),
    ]);
  });

  it('save: zod refuses a section of the wrong shape (a text where a number goes, an unknown reading)', async () => {
    const pack = await draft();
    pack.classOps.dueSoonDays.value = 'three';
    expect((await save(pack)).statusCode).toBe(400);
    const other = await draft();
    other.completion.approvedLeave.value = 'sometimes';
    const res = await save(other);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('what-if preview: a change in these sections is checked like any rule (10 days passes, 11 is refused)', async () => {
    const base = { projectTypeCode: 'rural_backbone' };
    const ok = await req('POST', `/packs/${draftId}/preview`, 'city', {
      ...base,
      changes: [{ path: 'classOps.checkinOpensDaysBefore', value: 10 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changed.eligible).toBe(ok.json().current.eligible);
    const refused = await req('POST', `/packs/${draftId}/preview`, 'city', {
      ...base,
      changes: [{ path: 'classOps.checkinOpensDaysBefore', value: 11 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(problemsOf(refused)).toEqual([
      expect.objectContaining({ code: 'PACK.CLASS_OPS', ruleId: 'Y-004-CHECKIN-OPEN' }),
    ]);
    // a KPI target of a pack saved without one can be previewed too (the defaults are filled)
    const kpi = await req('POST', '/packs/henan-2021/preview', 'city', {
      ...base,
      changes: [{ path: 'kpiTargets.completionRate', value: -0.1 }],
    });
    expect(problemsOf(kpi)[0]).toMatchObject({ ruleId: 'R3-B02', path: 'kpiTargets.completionRate' });
  });
});
