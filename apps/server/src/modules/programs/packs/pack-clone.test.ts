/**
 * Issue 11: a pack cloned into a region is that region's — titled with its name and the year, issued by its
 * education authority unless the officer sets title, issuer and document (GET …/clone-defaults offers them),
 * with the document its values were adopted from recorded; the title and document are edited on a draft; the
 * built-in Henan pack stays Henan's.
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

const CLOCK = () => new Date('2026-05-01T02:00:00Z');
const SUBJECT = '义务教育师资薄弱环节改善暨中小学教师素质提升工程';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let cityName = '';

const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 20);
  t = await buildTestApp(h.db, CLOCK);
  cityName = (await orgByName(h.db, 'city', '')).name;
  for (const u of ['province', 'city', 'qingcheng']) s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('cloning the Henan pack into Guangdong', () => {
  it('clone-defaults: the province is offered 广东省 2026 年…, 广东省教育厅, and the Henan origin', async () => {
    const res = await req('GET', '/packs/henan-2021/clone-defaults?year=2026', 'province');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      regionName: '广东省',
      title: `广东省 2026 年${SUBJECT}`,
      issuer: '广东省教育厅',
      adoptsFrom: { issuer: '河南省教育厅', year: 2021 },
    });
    expect(res.json().document).toContain('2026年');
    expect((await req('GET', '/packs/henan-2021/clone-defaults?year=1999', 'province')).statusCode).toBe(400);
    // a county keeps no packs
    expect((await req('GET', '/packs/henan-2021/clone-defaults?year=2026', 'qingcheng')).statusCode).toBe(
      403,
    );
  });

  it('the clone is titled 广东省 and issued by 广东省教育厅; the Henan document is its origin', async () => {
    const res = await req('POST', '/packs/henan-2021/clone', 'province', { year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      id: '440000-2026-v2',
      title: `广东省 2026 年${SUBJECT}`,
      regionOrgName: '广东省',
    });
    expect(d.pack.title).toBe(d.title);
    expect(d.pack.source).toMatchObject({
      issuer: '广东省教育厅',
      adoptedFrom: { issuer: '河南省教育厅', signedOn: '2021-07-16', year: 2021 },
    });
    expect(d.pack.source.signedOn).toBeUndefined();
    expect(JSON.stringify([d.title, d.pack.source.issuer, d.pack.source.document])).not.toContain('河南');
  });

  it('the built-in Henan pack is unchanged', async () => {
    const res = await req('GET', '/packs/henan-2021', 'province');
    expect(res.json()).toMatchObject({ title: `河南省 2021 年${SUBJECT}`, builtin: true });
    expect(res.json().pack.source).toMatchObject({ issuer: '河南省教育厅', signedOn: '2021-07-16' });
    expect(res.json().pack.source.adoptedFrom).toBeUndefined();
  });

  it('cloning Guangdong 2026 for 2027 keeps 广东省; the city’s clone is the city’s', async () => {
    const next = await req('POST', '/packs/440000-2026-v2/clone', 'province', { year: 2027 });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().title).toBe(`广东省 2027 年${SUBJECT}`);
    expect(next.json().pack.source.adoptedFrom.issuer).toBe('河南省教育厅');
    const city = await req('POST', '/packs/440000-2026-v2/clone', 'city', { year: 2027 });
    expect(city.statusCode, city.body).toBe(201);
    expect(city.json().title).toBe(`${cityName} 2027 年${SUBJECT}`);
    expect(city.json().pack.source.issuer).toBe(`${cityName}教育局`);
  });

  it('the officer sets title, issuer, document, number and date on clone; bad text is refused', async () => {
    const meta = {
      year: 2028,
      title: '广东省 2028 年中小学教师素质提升工程',
      issuer: '广东省教育厅',
      document: '关于做好2028年中小学教师素质提升工程的通知',
      documentNumber: '粤教师〔2028〕1号',
      signedOn: '2028-03-01',
    };
    expect(
      (await req('POST', '/packs/henan-2021/clone', 'province', { ...meta, issuer: ' ' })).statusCode,
    ).toBe(400);
    expect(
      (await req('POST', '/packs/henan-2021/clone', 'province', { ...meta, signedOn: '2028-3-1' }))
        .statusCode,
    ).toBe(400);
    const res = await req('POST', '/packs/henan-2021/clone', 'province', meta);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().title).toBe(meta.title);
    expect(res.json().pack.source).toMatchObject({
      issuer: meta.issuer,
      document: meta.document,
      documentNumber: meta.documentNumber,
      signedOn: meta.signedOn,
    });
  });
});

describe('editing the title and document of a draft', () => {
  it('saves title, issuer, document and number; the origin stays what the clone recorded', async () => {
    const id = '440000-2027-v3';
    const draft = (await req('GET', `/packs/${id}`, 'province')).json().pack;
    const edited = {
      ...draft,
      title: '广东省 2027 年中小学教师素质提升工程（修订）',
      source: {
        ...draft.source,
        issuer: '广东省教育厅 广东省财政厅',
        documentNumber: '粤教师〔2027〕5号',
        adoptedFrom: undefined,
      },
    };
    const res = await req('PUT', `/packs/${id}`, 'province', { pack: edited });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().title).toBe(edited.title);
    expect(res.json().pack.source).toMatchObject({
      issuer: '广东省教育厅 广东省财政厅',
      documentNumber: '粤教师〔2027〕5号',
      adoptedFrom: { issuer: '河南省教育厅' },
    });
    // a blank issuer is refused: by its shape, and (a blank document) by validatePack naming the field
    const blank = await req('PUT', `/packs/${id}`, 'province', {
      pack: { ...edited, source: { ...edited.source, issuer: '' } },
    });
    expect(blank.statusCode).toBe(400);
  });
});
