import { makeIdNumber } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { createTestDatabase } from '../../test/db';
import { buildTestApp, schoolIn, seedRegion, type TestApp } from '../../test/factories';
import { TEACHER_HEADERS, teacherRow, workbook } from '../../test/fixtures/import-files';

let h: DatabaseHandle;
let t: TestApp;
let actor: Actor;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  t = await buildTestApp(h.db);
  const county = await h.db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('kind', '=', 'county')
    .where('name', 'like', '%清城%')
    .executeTakeFirstOrThrow();
  const account = await h.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', 'qingcheng')
    .executeTakeFirstOrThrow();
  actor = {
    accountId: account.id,
    username: 'qingcheng',
    displayName: 'qingcheng',
    teacherId: null,
    requestId: 'test',
    ip: null,
    grants: [
      {
        role: 'bureau_admin',
        orgId: county.id,
        orgPath: county.path,
        orgName: county.name,
        orgKind: 'county',
      },
    ],
  };
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('imports after a server restart', () => {
  it('a validated job the old process held in memory is marked failed at start-up, and nothing was written', async () => {
    const school = await schoolIn(h.db, '清城');
    const buf = await workbook(TEACHER_HEADERS, [
      teacherRow({
        idNumber: makeIdNumber('441802', '1990-05-06', '123'),
        name: '重启测',
        phone: '13900001111',
        schoolCode: school.code,
        stage: '小学',
        subject: '语文',
        title: '一级教师',
        teachingStartDate: '2012-09-01',
      }),
    ]);
    const before = await h.db
      .selectFrom('teachers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const job = await t.services.imports.start(actor, 'teachers', 'restart.xlsx', buf);
    await t.services.imports.waitFor(job.id);
    expect((await t.services.imports.get(actor, job.id)).status).toBe('validated');

    // a new process: fresh services over the same database
    const restarted = await buildTestApp(h.db);
    expect(await restarted.services.imports.recoverInterrupted()).toBe(1);
    const after = await restarted.services.imports.get(actor, job.id);
    expect(after.status).toBe('failed');
    expect(after.error?.message).toContain('重新上传');
    await expect(restarted.services.imports.commit(actor, job.id, 'all')).rejects.toMatchObject({
      code: 'IMPORT_NOT_READY',
    });
    const now = await h.db
      .selectFrom('teachers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(now.n).toBe(before.n);
    // finished jobs are left alone
    expect(await restarted.services.imports.recoverInterrupted()).toBe(0);
    await restarted.app.close();
  });

  it('a role that may not import is refused before its upload is read', () => {
    const tdc: Actor = { ...actor, grants: actor.grants.map((g) => ({ ...g, role: 'tdc_staff' as const })) };
    expect(() => t.services.imports.assertMayImport(tdc, 'teachers')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => t.services.imports.assertMayImport(actor, 'teachers')).not.toThrow();
  });
});
