/**
 * Y-HOURS-SELF-TRANSCRIPT: a teacher prints their own 学时证明 — in the county bureau's name, verifiable on the
 * public page; staff and strangers may not; at most five a day, the sixth refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { createTestDatabase } from '../../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../../test/factories';
import { pdfText } from '../../../test/pdf-text';

let h: DatabaseHandle;
let t: TestApp;
let teacherName: string;
const s: Record<string, Session> = {};

const post = (url: string, who?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, ...(who ? { headers: s[who]?.headers } : {}) });
const count = async () =>
  Number(
    (
      await h.db
        .selectFrom('verification_codes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db, () => new Date('2026-12-07T02:00:00Z'));
  const school = await schoolIn(h.db, '清城', 0);
  teacherName = '林自印';
  const teacher = await buildTeacher(h.db, school, { name: teacherName });
  await buildAccount(h.db, 'own_teacher', 'teacher', school, teacher.id);
  await buildAccount(h.db, 'own_school', 'school_admin', school);
  for (const u of ['own_teacher', 'own_school']) s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('Y-HOURS-SELF-TRANSCRIPT: a teacher prints their own 学时证明', () => {
  it('in the county bureau’s name, verifiable; staff and anonymous may not; the sixth of a day is refused and writes nothing', async () => {
    expect((await post('/me/transcripts')).statusCode).toBe(401);
    expect((await post('/me/transcripts', 'own_school')).statusCode).toBe(403);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post('/me/transcripts', 'own_teacher');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      codes.push(String(res.headers['x-verification-code']));
      if (i === 0) {
        const text = pdfText(res.rawPayload);
        expect(text).toContain(teacherName);
        expect(text).toMatch(/清城区教育局/);
      }
    }
    expect(new Set(codes).size).toBe(5);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/verify/${codes[0]}` });
    expect(page.json()).toMatchObject({ kind: 'transcript', status: 'valid', issuer: '清城区教育局' });
    const before = await count();
    const sixth = await post('/me/transcripts', 'own_teacher');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { ruleId: 'Y-HOURS-SELF-TRANSCRIPT', limit: 5 },
    });
    expect(await count()).toBe(before);
  });
});
