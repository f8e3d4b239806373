import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import { buildTestApp, login, type Session, seedRegion, type TestApp } from '../../test/factories';
import { type KpiFixture, REPORT_DAY, seedKpiFixture } from '../../test/fixtures/kpi-report';

let h: DatabaseHandle;
let t: TestApp;
let f: KpiFixture;
const s: Record<string, Session> = {};

const get = (url: string, who?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, ...(who ? { headers: s[who]?.headers } : {}) });

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  f = await seedKpiFixture(h.db);
  t = await buildTestApp(h.db, REPORT_DAY);
  for (const u of ['city', 'qingcheng', 'yingde', 'teacher']) s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('GET /programmes/:id/kpis (R-004-27, R3-B03)', () => {
  it('401 without a session; 400 on a bad level', async () => {
    expect((await get(`/programmes/${f.programmeId}/kpis`)).statusCode).toBe(401);
    expect((await get(`/programmes/${f.programmeId}/kpis?level=province`, 'city')).statusCode).toBe(400);
  });

  it('200 for the city with every county; 英德 sees its own numbers only, 清城 is not in the answer', async () => {
    const city = await get(`/programmes/${f.programmeId}/kpis?level=county`, 'city');
    expect(city.statusCode).toBe(200);
    const ids = (city.json().rows as Array<{ orgId: string }>).map((r) => r.orgId);
    expect(ids).toContain(f.qingcheng.id);
    expect(ids).toContain(f.yingde.id);

    const y = await get(`/programmes/${f.programmeId}/kpis?level=school`, 'yingde');
    expect(y.statusCode).toBe(200);
    const body = y.json() as { rows: Array<{ orgId: string }>; total: { enrolled: number } };
    expect(body.rows.some((r) => r.orgId === f.schoolQA.id || r.orgId === f.schoolQB.id)).toBe(false);
    expect(body.total.enrolled).toBe(2);
    expect(JSON.stringify(body)).not.toContain(f.qingcheng.name);
  });

  it("404 when a county drills into another county's schools", async () => {
    const r = await get(
      `/programmes/${f.programmeId}/kpis?level=school&parentOrgId=${f.qingcheng.id}`,
      'yingde',
    );
    expect(r.statusCode).toBe(404);
  });

  it('403 for a teacher (no program.read on reports)', async () => {
    const r = await get(`/programmes/${f.programmeId}/kpis`, 'teacher');
    expect([403, 404]).toContain(r.statusCode);
  });

  it('the Excel download is an xlsx with a Chinese file name', async () => {
    const r = await get(`/programmes/${f.programmeId}/kpis.xlsx?level=county`, 'qingcheng');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('数据看板'));
  });
});
