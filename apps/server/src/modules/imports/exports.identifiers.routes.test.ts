/**
 * The teachers export obeys the same permission as the reveal route (teacher.reveal_id): where the caller may
 * not see full numbers, the workbook carries masked ID numbers and phones; a workbook with full values leaves
 * one audit entry that says how many it carried.
 */
import { IMPORT_COLUMNS } from '@yanxun/core';
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
import { readRows } from '../../test/fixtures/import-files';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
let countyQ: OrgRow;
let schoolQ: OrgRow;
const s: Record<string, Session> = {};

const ID_COL = IMPORT_COLUMNS.teachers.findIndex((c) => c.key === 'idNumber');
const PHONE_COL = IMPORT_COLUMNS.teachers.findIndex((c) => c.key === 'phone');
const MASKED_ID = /^\d{4}\*{13}[\dX]$/;
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  t = await buildTestApp(h.db);
  countyQ = await orgByName(h.db, 'county', '清城');
  schoolQ = await schoolIn(h.db, '清城');
  // a school admin of one school who is also teacher-development-centre staff of the whole county
  const both = await buildAccount(h.db, 'x_both', 'school_admin', schoolQ);
  await h.db
    .insertInto('role_grants')
    .values({ account_id: both.id, role: 'tdc_staff', org_id: countyQ.id })
    .execute();
  for (const u of ['qingcheng', 'tdc', 'x_both']) s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

async function exportOf(who: string, orgId: string) {
  const res = await t.app.inject({
    url: `/api/v1/exports/teachers?orgId=${orgId}`,
    headers: s[who]?.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  const [, ...rows] = await readRows(res.rawPayload);
  return rows.map((r) => ({ idNumber: String(r[ID_COL] ?? ''), phone: String(r[PHONE_COL] ?? '') }));
}

async function teachersUnder(path: string) {
  return h.db
    .selectFrom('teachers')
    .select(['id_number', 'phone', 'org_path'])
    .where('org_path', 'like', `${path}%`)
    .execute();
}

async function lastExportAudit() {
  return h.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'export.teachers')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

describe('hardening: the teachers export carries full ID numbers and phones only with teacher.reveal_id', () => {
  it('tdc staff (refused the reveal route) get masked ID numbers and phones only; the audit entry counts 0 full values', async () => {
    const rows = await exportOf('tdc', schoolQ.id);
    const real = await teachersUnder(schoolQ.path);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => MASKED_ID.test(r.idNumber))).toBe(true);
    expect(rows.every((r) => r.phone === '' || MASKED_PHONE.test(r.phone))).toBe(true);
    const cells = new Set(rows.flatMap((r) => [r.idNumber, r.phone]));
    expect(real.filter((x) => cells.has(x.id_number) || (x.phone !== null && cells.has(x.phone)))).toEqual(
      [],
    );
    const audit = await lastExportAudit();
    expect(audit.details).toMatchObject({ rows: rows.length, fullIdNumbers: 0, fullPhones: 0 });
  });

  it('a bureau admin gets full values, and one audit entry says how many full values the workbook carried', async () => {
    const before = await h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'export.teachers')
      .executeTakeFirstOrThrow();
    const rows = await exportOf('qingcheng', schoolQ.id);
    const real = await teachersUnder(schoolQ.path);
    expect(new Set(rows.map((r) => r.idNumber))).toEqual(new Set(real.map((x) => x.id_number)));
    const phones = real.filter((x) => x.phone !== null).length;
    const entries = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export.teachers')
      .orderBy('id')
      .offset(Number(before.n))
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({
      rows: real.length,
      fullIdNumbers: real.length,
      fullPhones: phones,
    });
    // the bureaus above find it in their audit log (entries are filtered by org)
    expect(entries[0]?.org_id).toBe(schoolQ.id);
  });

  it('boundary: full values only for the rows under the school the caller may reveal, masked for the rest of the county', async () => {
    const rows = await exportOf('x_both', countyQ.id);
    const real = await teachersUnder(countyQ.path);
    const inSchool = real.filter((x) => x.org_path.startsWith(schoolQ.path));
    expect(inSchool.length).toBeGreaterThan(0);
    expect(real.length).toBeGreaterThan(inSchool.length);
    const full = rows.filter((r) => !MASKED_ID.test(r.idNumber)).map((r) => r.idNumber);
    expect(new Set(full)).toEqual(new Set(inSchool.map((x) => x.id_number)));
    expect(rows.filter((r) => MASKED_ID.test(r.idNumber))).toHaveLength(real.length - inSchool.length);
    const audit = await lastExportAudit();
    expect(audit.details).toMatchObject({
      rows: real.length,
      fullIdNumbers: inSchool.length,
      fullPhones: inSchool.filter((x) => x.phone !== null).length,
    });
  });
});
