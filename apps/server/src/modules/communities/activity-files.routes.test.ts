/**
 * An activity's photos and files through HTTP (Y-COMM-ACTIVITY-FILES): the host adds a photo while the activity is
 * open, anyone who reads the community downloads it byte for byte; a file whose content is not an accepted kind is
 * refused with the reason and nothing is linked; the 21st is refused; a closed activity takes no more and keeps
 * its files; another county reads the activity's files exactly like an unknown id.
 */
import type { Activity, CommunityDetail } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { multipartFiles } from '../../test/fixtures/exam-files';
import { apiClient, errorOf } from '../../test/routes';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
const nowMs = Date.parse('2026-10-20T02:00:00Z');
let communityId: string;
let activityId: string;

/** A 1×1 PNG with `n` appended after its end (each one a file of its own). */
const png = (n: number) =>
  Buffer.concat([
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
    Buffer.from(`#${n}`),
  ]);

const { req } = apiClient(() => t, s);
const upload = (who: string, name: string, body: Buffer, activity = activityId) => {
  const { payload, contentType } = multipartFiles({ file: { name, body } });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/communities/${communityId}/activities/${activity}/files`,
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
};

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  const school = await schoolIn(h.db, '清城', 0);
  const host = await buildTeacher(h.db, school, { name: '坊主乙' });
  await buildAccount(h.db, 'f_host', 'teacher', school, host.id);
  for (const u of ['qingcheng', 'yingde', 'f_host']) s[u] = await login(t.app, u);
  const c = await req('POST', '/communities', 'qingcheng', {
    kind: 'workshop',
    workshopClass: 'class_2',
    level: 'county',
    name: '清城区小学科学工作坊',
    hostTeacherId: host.id,
  });
  communityId = (c.json() as CommunityDetail).id;
  const a = await req('POST', `/communities/${communityId}/activities`, 'qingcheng', {
    heldOn: '2026-10-19',
    kind: 'live_lesson',
    title: '科学探究课展示',
    hostSchoolId: school.id,
  });
  expect(a.statusCode).toBe(201);
  activityId = (a.json() as Activity).id;
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('an activity’s photos and files (Y-COMM-ACTIVITY-FILES)', () => {
  let fileId: string;

  it('the host adds a photo; the officer downloads the same bytes', async () => {
    const r = await upload('f_host', '课堂照片.png', png(0));
    expect(r.statusCode).toBe(201);
    const a = r.json() as Activity;
    expect(a.files).toHaveLength(1);
    expect(a.files?.[0]).toMatchObject({ name: '课堂照片.png', mime: 'image/png' });
    fileId = a.files?.[0]?.id ?? '';
    const got = await req(
      'GET',
      `/communities/${communityId}/activities/${activityId}/files/${fileId}`,
      'qingcheng',
    );
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png(0))).toBe(true);
    const list = (
      await req('GET', `/communities/${communityId}/activities`, 'qingcheng')
    ).json() as Activity[];
    expect(list[0]?.files?.map((f) => f.id)).toEqual([fileId]);
  });

  it('a text file named .png is refused with the kinds accepted, and nothing is linked', async () => {
    const r = await upload('qingcheng', '伪装.png', Buffer.from('not a picture'));
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({
      code: 'FILE_UNREADABLE',
      details: { ruleId: 'Y-COMM-ACTIVITY-FILES', allowed: ['jpg', 'png', 'pdf', 'docx', 'mp4'] },
    });
    expect(String(errorOf(r).message)).toContain('JPG 图片');
    const rows = await h.db.selectFrom('community_activity_files').select('file_id').execute();
    expect(rows).toHaveLength(1);
  });

  it('another county reads the files like an unknown id, and cannot add one', async () => {
    const theirs = await req(
      'GET',
      `/communities/${communityId}/activities/${activityId}/files/${fileId}`,
      'yingde',
    );
    const unknown = await req(
      'GET',
      `/communities/999999/activities/${activityId}/files/${fileId}`,
      'yingde',
    );
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
    const add = await upload('yingde', 'x.png', png(99));
    expect(add.statusCode).toBe(404);
    const notLinked = await req(
      'GET',
      `/communities/${communityId}/activities/${activityId}/files/${Number(fileId) + 1000}`,
      'qingcheng',
    );
    expect(notLinked.statusCode).toBe(404);
  });

  it('the 20th file is kept, the 21st refused with the limit', async () => {
    for (let i = 1; i < 20; i++)
      expect((await upload('qingcheng', `照片${i}.png`, png(i))).statusCode).toBe(201);
    const over = await upload('qingcheng', '照片20.png', png(20));
    expect(over.statusCode).toBe(409);
    expect(errorOf(over)).toMatchObject({ details: { ruleId: 'Y-COMM-ACTIVITY-FILES', max: 20 } });
    expect(String(errorOf(over).message)).toContain('最多保存 20 个');
  });

  it('removing one frees a place; a closed activity takes no more and keeps its files', async () => {
    const r = await req(
      'DELETE',
      `/communities/${communityId}/activities/${activityId}/files/${fileId}`,
      'f_host',
    );
    expect(r.statusCode).toBe(200);
    expect((r.json() as Activity).files).toHaveLength(19);
    const again = await req(
      'DELETE',
      `/communities/${communityId}/activities/${activityId}/files/${fileId}`,
      'f_host',
    );
    expect(again.statusCode).toBe(404);
    const closed = await req(
      'POST',
      `/communities/${communityId}/activities/${activityId}/close`,
      'qingcheng',
      {},
    );
    expect(closed.statusCode).toBe(200);
    const late = await upload('qingcheng', '补传.png', png(30));
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toMatchObject({ details: { ruleId: 'Y-COMM-ACTIVITY-FILES' } });
    const list = (
      await req('GET', `/communities/${communityId}/activities`, 'qingcheng')
    ).json() as Activity[];
    expect(list[0]?.files).toHaveLength(19);
  });
});
