import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  type Session,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { multipart } from '../../test/fixtures/import-files';
import { completeRuralPlan, NOT_A_PDF, SEALED_PDF } from '../../test/fixtures/plans';
import { apiClient } from '../../test/routes';
import type { OrgRow } from '../org';

/** Before the application deadline (R-004-08: 2021-07-30), in Asia/Shanghai. */
const CLOCK = () => new Date('2021-07-20T02:00:00Z');

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let programmeId: string;
let planId: string;

const { req } = apiClient(() => t, s);

const uploadAs = (who: string, id: string, body: Buffer, name = '申报书.pdf') => {
  const { payload, contentType } = multipart({}, { name, body, contentType: 'application/pdf' });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/plans/${id}/file`,
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
};

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 100);
  t = await buildTestApp(h.db, CLOCK);
  const providers = (await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'provider')
    .orderBy('id')
    .execute()) as unknown as OrgRow[];
  const second = providers[1];
  if (!second) throw new Error('the demo region has two providers');
  await buildAccount(h.db, 'provider2', 'provider_staff', second);
  // an evaluator of the city (as the demo's `expert`), for the 403s below: plans are not an evaluator's work
  const city = (await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'city')
    .orderBy('id')
    .executeTakeFirstOrThrow()) as unknown as OrgRow;
  await buildAccount(h.db, 'evaluator', 'evaluator', city);
  for (const u of ['province', 'city', 'qingcheng', 'provider', 'provider2', 'tdc', 'evaluator'])
    s[u] = await login(t.app, u);
  const p = await req('POST', '/programmes', 'province', {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    title: '乡村骨干教师素质提升培训',
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-15',
    totalSeats: 10,
  });
  expect(p.statusCode).toBe(201);
  programmeId = (p.json() as { id: string }).id;
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('plans routes', () => {
  it('401 without a session', async () => {
    expect((await req('GET', '/plans')).statusCode).toBe(401);
    expect((await req('GET', '/plans/programmes')).statusCode).toBe(401);
    expect((await req('GET', `/programmes/${programmeId}/budget`)).statusCode).toBe(401);
  });

  it('403 for roles without plan permissions (teacher development centre staff, an evaluator)', async () => {
    expect((await req('GET', '/plans', 'tdc')).statusCode).toBe(403);
    expect((await req('GET', '/plans/programmes', 'evaluator')).statusCode).toBe(403);
    expect(
      (await req('POST', `/programmes/${programmeId}/plans`, 'province', { body: completeRuralPlan() }))
        .statusCode,
    ).toBe(403);
  });

  it('400 on a malformed body', async () => {
    const r = await req('POST', `/programmes/${programmeId}/plans`, 'provider', { body: { theme: 1 } });
    expect(r.statusCode).toBe(400);
    expect((r.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('200/201: the provider sees the programme open and drafts a plan', async () => {
    const open = await req('GET', '/plans/programmes', 'provider');
    expect(open.statusCode).toBe(200);
    expect((open.json() as Array<{ id: string }>).map((p) => p.id)).toContain(programmeId);
    const r = await req('POST', `/programmes/${programmeId}/plans`, 'provider', {
      body: completeRuralPlan(),
    });
    expect(r.statusCode).toBe(201);
    planId = (r.json() as { id: string }).id;
  });

  it('scope: another provider cannot see, edit or upload to it (404); a county cannot review it (403)', async () => {
    expect((await req('GET', `/plans/${planId}`, 'provider2')).statusCode).toBe(404);
    expect(
      (await req('PUT', `/plans/${planId}`, 'provider2', { body: completeRuralPlan() })).statusCode,
    ).toBe(404);
    expect((await req('POST', `/plans/${planId}/submit`, 'provider2')).statusCode).toBe(404);
    expect((await uploadAs('provider2', planId, SEALED_PDF)).statusCode).toBe(404);
    expect(((await req('GET', '/plans', 'provider2')).json() as unknown[]).length).toBe(0);
    const review = await req('POST', `/plans/${planId}/return`, 'qingcheng', { comment: '退回' });
    expect(review.statusCode).toBe(403);
    expect((await req('POST', `/plans/${planId}/approve`, 'city', {})).statusCode).toBe(403);
  });

  it('R-004-08 submitting without the sealed PDF is refused with the rule; a non-PDF upload is refused (400)', async () => {
    const r = await req('POST', `/plans/${planId}/submit`, 'provider');
    expect(r.statusCode).toBe(400);
    const body = r.json() as { error: { message: string; details: { ruleIds: string[] } } };
    expect(body.error.details.ruleIds).toEqual(['R-004-08']);
    expect(body.error.message).not.toContain('R-004-08');
    const bad = await uploadAs('provider', planId, NOT_A_PDF);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    expect((bad.json() as { error: { details: { ruleId: string } } }).error.details.ruleId).toBe('R-004-08');
    expect((bad.json() as { error: { message: string } }).error.message).not.toContain('R-004-08');
    const ok = await uploadAs('provider', planId, SEALED_PDF);
    expect(ok.statusCode).toBe(200);
    const pdf = await req('GET', `/plans/${planId}/versions/1/file`, 'provider');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.equals(SEALED_PDF)).toBe(true);
    expect((await req('GET', `/plans/${planId}/versions/1/file`, 'provider2')).statusCode).toBe(404);
  });

  it('R-004-08 past the deadline (2021-07-31) the submission is refused with the rule in details', async () => {
    const late = await buildTestApp(h.db, () => new Date('2021-07-31T02:00:00Z'));
    try {
      const who = await login(late.app, 'provider');
      const r = await late.app.inject({
        method: 'POST',
        url: `/api/v1/plans/${planId}/submit`,
        headers: who.headers,
      });
      expect(r.statusCode).toBe(400);
      const e = (r.json() as { error: { message: string; details: { ruleIds: string[] } } }).error;
      expect(e.message).not.toContain('R-004-08');
      expect(e.message).toContain('2021-07-30');
      expect(e.details.ruleIds).toEqual(['R-004-08']);
    } finally {
      await late.app.close();
      // logging in 11 days later purged every session idle by then: sign in again
      for (const u of Object.keys(s)) s[u] = await login(t.app, u);
    }
    const after = await req('GET', `/plans/${planId}`, 'provider');
    expect((after.json() as { status: string }).status).toBe('draft');
  });

  it('200: check, submit, the office queue, return, resubmit, approve', async () => {
    const c = await req('POST', `/plans/${planId}/check`, 'provider');
    expect((c.json() as { passed: boolean }).passed).toBe(true);
    expect((await req('POST', `/plans/${planId}/submit`, 'provider')).statusCode).toBe(200);
    const queue = await req('GET', '/plans?status=submitted', 'province');
    expect(
      (queue.json() as Array<{ id: string; canReview: boolean }>).find((p) => p.id === planId)?.canReview,
    ).toBe(true);
    expect((await req('POST', `/plans/${planId}/return`, 'province', {})).statusCode).toBe(400);
    expect((await req('POST', `/plans/${planId}/return`, 'province', { comment: '请补充' })).statusCode).toBe(
      200,
    );
    expect((await req('PUT', `/plans/${planId}`, 'provider', { body: completeRuralPlan() })).statusCode).toBe(
      200,
    );
    expect((await req('POST', `/plans/${planId}/submit`, 'provider')).statusCode).toBe(200);
    const a = await req('POST', `/plans/${planId}/approve`, 'province', { comment: '同意' });
    expect(a.statusCode).toBe(200);
    const d = a.json() as { status: string; versions: Array<{ version: number; decision: string }> };
    expect(d.status).toBe('approved');
    expect(d.versions.map((v) => [v.version, v.decision])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);
    expect((await req('POST', `/plans/${planId}/approve`, 'province', {})).statusCode).toBe(409);
  });

  it('budget: 200 for the owner and the approved provider, 403 for a county; spending 201/400/403', async () => {
    const b = await req('GET', `/programmes/${programmeId}/budget`, 'province');
    expect(b.statusCode).toBe(200);
    expect((b.json() as { totalFen: number }).totalFen).toBe(6_090_000);
    expect((await req('GET', `/programmes/${programmeId}/budget`, 'provider')).statusCode).toBe(200);
    expect((await req('GET', `/programmes/${programmeId}/budget`, 'qingcheng')).statusCode).toBe(403);
    const entry = { category: 'online', amountFen: 100_000, spentOn: '2021-09-10' };
    const added = await req('POST', `/programmes/${programmeId}/spending`, 'province', entry);
    expect(added.statusCode).toBe(201);
    const cmp = (
      added.json() as { comparison: { categories: Array<{ category: string; overBudget: boolean }> } }
    ).comparison;
    expect(cmp.categories.find((c) => c.category === 'online')?.overBudget).toBe(true);
    expect(
      (await req('POST', `/programmes/${programmeId}/spending`, 'province', { ...entry, amountFen: 0 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await req('POST', `/programmes/${programmeId}/spending`, 'province', { ...entry, amountFen: -5 }))
        .statusCode,
    ).toBe(400);
    expect((await req('POST', `/programmes/${programmeId}/spending`, 'qingcheng', entry)).statusCode).toBe(
      403,
    );
    expect((await req('POST', `/programmes/${programmeId}/spending`, 'provider', entry)).statusCode).toBe(
      403,
    );
    expect((await req('GET', '/programmes/999999/budget', 'province')).statusCode).toBe(404);
  });
});
