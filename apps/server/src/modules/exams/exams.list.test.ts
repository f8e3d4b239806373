import type { Exam } from '@yanxun/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { apiClient } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let city: OrgRow;
let qingcheng: OrgRow;
let primary: OrgRow;

const { req } = apiClient(() => t, s);

async function createExam(who: string, stage: string, ownerOrgId: string): Promise<Exam> {
  const r = await req('POST', '/exams', who, {
    name: `2026 秋季${stage}数学期中`,
    semester: '2026-2027-1',
    stage,
    subject: 'math',
    grade: stage === 'primary' ? '五年级' : '七年级',
    fullMarks: 100,
    kind: 'routine',
    examDate: '2026-11-10',
    ownerOrgId,
  });
  if (r.statusCode !== 201) throw new Error(`exam: ${r.statusCode} ${r.body}`);
  return r.json() as Exam;
}

const names = async (who: string) =>
  ((await req('GET', '/exams', who)).json() as Exam[]).map((e) => e.name).sort();

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000); // a school per 50 teachers: several in 清城
  t = await buildTestApp(h.db);
  city = await orgByName(h.db, 'city', '清远');
  qingcheng = await orgByName(h.db, 'county', '清城');
  primary = await schoolIn(h.db, '清城', 0);
  const junior = await schoolIn(h.db, '清城', 1);
  // every 清城 school teaches one stage only: one primary, the rest junior; none senior
  await sql`UPDATE orgs SET stages = '{junior}' WHERE kind = 'school' AND county_id = ${qingcheng.id}`.execute(
    h.db,
  );
  await sql`UPDATE orgs SET stages = '{primary}' WHERE id = ${primary.id}`.execute(h.db);
  await buildAccount(h.db, 'l_city', 'bureau_admin', city);
  await buildAccount(h.db, 'l_qc', 'bureau_admin', qingcheng);
  await buildAccount(h.db, 'l_primary', 'school_admin', primary);
  await buildAccount(h.db, 'l_junior', 'school_admin', junior);
  for (const u of ['l_city', 'l_qc', 'l_primary', 'l_junior']) s[u] = await login(t.app, u);
  for (const stage of ['primary', 'junior', 'senior']) await createExam('l_city', stage, city.id);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('the exam list: exams set above reach a unit for the stages its schools teach, or that they sat', () => {
  it('a school lists the city’s exams of its own stage only', async () => {
    expect(await names('l_primary')).toEqual(['2026 秋季primary数学期中']);
    expect(await names('l_junior')).toEqual(['2026 秋季junior数学期中']);
  });

  it('its county lists the stages any of its schools teaches, not the one none teaches', async () => {
    expect(await names('l_qc')).toEqual(['2026 秋季junior数学期中', '2026 秋季primary数学期中']);
  });

  it('the city that set them lists them all, and a county’s own exam is listed whatever its stage', async () => {
    expect(await names('l_city')).toHaveLength(3);
    await createExam('l_qc', 'senior', qingcheng.id);
    expect(await names('l_qc')).toContain('2026 秋季senior数学期中');
    expect(await names('l_city')).toHaveLength(4);
    expect(await names('l_primary')).toEqual(['2026 秋季primary数学期中']);
  });

  it('a school whose students sat an exam of another stage lists it, whatever its record of stages says', async () => {
    const exams = (await req('GET', '/exams', 'l_city')).json() as Exam[];
    const senior = exams.find((e) => e.name === '2026 秋季senior数学期中' && e.ownerOrgId === city.id);
    if (!senior) throw new Error('no city senior exam');
    await sql`INSERT INTO exam_students (county_id, exam_id, student_id, school_id, school_path, class_name, source_row)
      VALUES (${qingcheng.id}, ${senior.id}, 'S0001', ${primary.id}, ${primary.path}, '1班', 2)`.execute(
      h.db,
    );
    const ids = async (who: string) => ((await req('GET', '/exams', who)).json() as Exam[]).map((e) => e.id);
    expect(await names('l_primary')).toEqual(['2026 秋季primary数学期中', '2026 秋季senior数学期中']);
    expect(await ids('l_primary')).toContain(senior.id);
    expect(await ids('l_qc')).toContain(senior.id);
    expect(await ids('l_junior')).not.toContain(senior.id);
  });
});
