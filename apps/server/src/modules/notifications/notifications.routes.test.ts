/**
 * Notifications to accounts: every signed-in account has an inbox (no 403 for staff), the office owning a
 * programme hears of a submitted plan and a submitted shortlist (R-004-59), the provider of its plan's and its
 * shortlist's review; nobody reads or marks another account's notification.
 */
import type { Notification, NotificationList } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { multipart } from '../../test/fixtures/import-files';
import { completeRuralPlan, SEALED_PDF } from '../../test/fixtures/plans';
import { competitiveProgramme } from '../../test/fixtures/shortlists';
import { apiClient } from '../../test/routes';
import type { OrgRow } from '../org';

/** Before the application deadline (R-004-08: 2021-07-30) and the selection deadline, in Asia/Shanghai. */
const CLOCK = () => new Date('2021-07-20T02:00:00Z');

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let provider: OrgRow;

const { req } = apiClient(() => t, s);

const inbox = async (who: string, query = ''): Promise<NotificationList> => {
  const r = await req('GET', `/me/notifications${query}`, who);
  expect(r.statusCode, `${who}: ${r.body}`).toBe(200);
  return r.json() as NotificationList;
};
const kinds = async (who: string) => (await inbox(who)).items.map((n) => n.kind);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, CLOCK);
  provider = await orgByName(h.db, 'provider', '');
  const province = await orgByName(h.db, 'province', '');
  const city = await orgByName(h.db, 'city', '');
  // a second officer of the province: the office is everyone holding the permission there
  await buildAccount(h.db, 'province2', 'bureau_admin', province);
  // staff of the city who do not review plans or shortlists
  await buildAccount(h.db, 'cityTdc', 'tdc_staff', city);
  const school = await schoolIn(h.db, '清城');
  const teacher = await buildTeacher(h.db, school);
  await buildAccount(h.db, 'tq', 'teacher', school, teacher.id);
  for (const u of ['province', 'province2', 'city', 'cityTdc', 'provider', 'school', 'tq', 'qingcheng'])
    s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('every signed-in account has an inbox', () => {
  it('401 without a session; 200 (empty) for an officer, a provider, a school and a teacher', async () => {
    expect((await req('GET', '/me/notifications')).statusCode).toBe(401);
    for (const who of ['province', 'provider', 'school', 'tq', 'cityTdc']) {
      expect(await inbox(who)).toEqual({ items: [], unread: 0 });
    }
  });
});

describe('plans: the office hears of a submission, the provider of the decision', () => {
  let planId: string;

  it('a submitted plan tells every officer of the owning office, and nobody else', async () => {
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
    const programmeId = (p.json() as { id: string }).id;
    const draft = await req('POST', `/programmes/${programmeId}/plans`, 'provider', {
      body: completeRuralPlan(),
    });
    expect(draft.statusCode).toBe(201);
    planId = (draft.json() as { id: string }).id;
    const { payload, contentType } = multipart(
      {},
      { name: '申报书.pdf', body: SEALED_PDF, contentType: 'application/pdf' },
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/file`,
      headers: { ...s.provider?.headers, 'content-type': contentType },
      payload,
    });
    expect(up.statusCode).toBe(200);
    expect((await req('POST', `/plans/${planId}/submit`, 'provider')).statusCode).toBe(200);

    for (const officer of ['province', 'province2']) {
      const box = await inbox(officer);
      expect(box.unread).toBe(1);
      expect(box.items[0]).toMatchObject({
        kind: 'plan.submitted',
        entity: 'plan',
        entityId: planId,
        title: '培训方案待审核：乡村骨干教师素质提升培训',
        readAt: null,
      });
      expect(box.items[0]?.body).toContain(provider.name);
      // the sender's text read back as a code and values, for the bell to word in English
      expect(box.items[0]?.words).toEqual({
        code: 'plan.submitted',
        values: { programme: '乡村骨干教师素质提升培训', provider: provider.name, version: '1' },
        parts: [],
      });
    }
    // not the provider itself, not a city office below the owner, not a county
    expect(await kinds('provider')).toEqual([]);
    expect(await kinds('city')).toEqual([]);
    expect(await kinds('qingcheng')).toEqual([]);
  });

  it('returned: the provider is told with the comment; one officer reading does not read it for the other', async () => {
    const r = await req('POST', `/plans/${planId}/return`, 'province', { comment: '请补充返岗实践安排' });
    expect(r.statusCode).toBe(200);
    const box = await inbox('provider');
    expect(box.items).toHaveLength(1);
    expect(box.items[0]).toMatchObject({ kind: 'plan.returned', entity: 'plan', entityId: planId });
    expect(box.items[0]?.body).toContain('请补充返岗实践安排');
    expect(box.items[0]?.words).toMatchObject({
      code: 'plan.returned',
      values: { comment: '请补充返岗实践安排' },
    });

    const note = (await inbox('province')).items[0] as Notification;
    // another account's notification reads as not found, whoever asks
    for (const who of ['provider', 'province2', 'tq']) {
      expect((await req('POST', `/me/notifications/${note.id}/read`, who)).statusCode).toBe(404);
    }
    expect((await req('POST', '/me/notifications/abc/read', 'province')).statusCode).toBe(404);
    const read = await req('POST', `/me/notifications/${note.id}/read`, 'province');
    expect(read.statusCode).toBe(200);
    expect((read.json() as Notification).readAt).not.toBeNull();
    expect((await inbox('province')).unread).toBe(0);
    expect((await inbox('province', '?unreadOnly=true')).items).toEqual([]);
    expect((await inbox('province2')).unread).toBe(1);
  });

  it('approved: the provider is told it is the programme’s provider', async () => {
    expect((await req('POST', `/plans/${planId}/submit`, 'provider')).statusCode).toBe(200);
    expect((await req('POST', `/plans/${planId}/approve`, 'province', {})).statusCode).toBe(200);
    expect(await kinds('provider')).toEqual(['plan.approved', 'plan.returned']);
    expect((await inbox('provider')).items[0]?.words?.code).toBe('plan.approved');
    // the second submission told the office again
    expect(await kinds('province2')).toEqual(['plan.submitted', 'plan.submitted']);
  });
});

describe('R-004-59 shortlists: the office hears of a submission, the provider of the return and the confirmation', () => {
  it('submitted → the city office; returned and confirmed → the provider', async () => {
    const city = await orgByName(h.db, 'city', '');
    const county = await orgByName(h.db, 'county', '清城');
    const school = await schoolIn(h.db, '清城');
    const { programmeId, nominationIds } = await competitiveProgramme(
      t.services,
      h.db,
      { city, county, school, provider },
      2,
      3,
    );
    const [a, b, c] = nominationIds;
    const marks = {
      marks: [
        { nominationId: a, decision: 'selected' },
        { nominationId: b, decision: 'selected' },
        { nominationId: c, decision: 'not_selected', reason: '综合评分靠后' },
      ],
    };
    const before = (await inbox('provider')).items.length;
    expect(
      (await req('PUT', `/programmes/${programmeId}/shortlist-selection/marks`, 'provider', marks))
        .statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/programmes/${programmeId}/shortlist-selection/submit`, 'provider')).statusCode,
    ).toBe(200);
    const office = await inbox('city');
    expect(office.items[0]).toMatchObject({
      kind: 'shortlist.submitted',
      entity: 'shortlist',
      entityId: programmeId,
    });
    expect(office.items[0]?.body).toContain('入选 2 人');
    expect(office.items[0]?.words).toMatchObject({ code: 'shortlist.submitted', values: { selected: '2' } });
    // the province is above the owning office and is not told
    expect((await kinds('province')).filter((k) => k.startsWith('shortlist'))).toEqual([]);

    const back = await req('POST', `/programmes/${programmeId}/shortlist-selection/return`, 'city', {
      comment: '请说明评分依据',
    });
    expect(back.statusCode).toBe(200);
    const returned = (await inbox('provider')).items[0];
    expect(returned).toMatchObject({
      kind: 'shortlist.returned',
      entity: 'shortlist',
      entityId: programmeId,
    });
    expect(returned?.body).toContain('请说明评分依据');
    expect(returned?.words).toMatchObject({
      code: 'shortlist.returned',
      values: { comment: '请说明评分依据' },
    });

    expect(
      (await req('POST', `/programmes/${programmeId}/shortlist-selection/submit`, 'provider')).statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/programmes/${programmeId}/shortlist-selection/confirm`, 'city')).statusCode,
    ).toBe(200);
    const box = await inbox('provider');
    expect(box.items.length - before).toBe(2);
    expect(box.items[0]).toMatchObject({ kind: 'shortlist.confirmed', entityId: programmeId });
    expect(box.items[0]?.words?.code).toBe('shortlist.confirmed');
  });
});
