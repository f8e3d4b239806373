/**
 * shortlist, routes (R-004-59): 401 without a session, the provider of the programme reads (ID numbers masked)
 * and selects, another provider / another county / a school cannot read or select (404, 403), bad input is 400
 * naming the rule, submitting twice is 409, the owner confirms.
 */
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
import { competitiveProgramme } from '../../test/fixtures/shortlists';
import { apiClient } from '../../test/routes';
import type { OrgRow } from '../org';

const CLOCK = () => new Date('2021-07-01T02:00:00Z');

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let programmeId: string;
let ids: string[];
let fullIdNumbers: string[];

const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, CLOCK);
  const city = await orgByName(h.db, 'city', '');
  const county = await orgByName(h.db, 'county', '清城');
  const yingde = await orgByName(h.db, 'county', '英德');
  const school = await schoolIn(h.db, '清城');
  const providers = (await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'provider')
    .orderBy('id')
    .execute()) as unknown as OrgRow[];
  const [p1, p2] = providers;
  if (!p1 || !p2) throw new Error('the demo region has two providers');
  const made = await competitiveProgramme(t.services, h.db, { city, county, school, provider: p1 }, 2, 3);
  programmeId = made.programmeId;
  ids = made.nominationIds;
  fullIdNumbers = (
    await h.db.selectFrom('teachers').select('id_number').where('id', 'in', made.teacherIds).execute()
  ).map((r) => r.id_number);
  const accounts: Array<[string, Parameters<typeof buildAccount>[2], OrgRow]> = [
    ['sl_provider', 'provider_staff', p1],
    ['sl_other_provider', 'provider_staff', p2],
    ['sl_city', 'bureau_admin', city],
    ['sl_county', 'bureau_admin', county],
    ['sl_yingde', 'bureau_admin', yingde],
    ['sl_school', 'school_admin', school],
  ];
  for (const [username, role, org] of accounts) {
    const a = await buildAccount(h.db, username, role, org);
    s[username] = await login(t.app, a.username, a.password);
  }
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

const path = () => `/programmes/${programmeId}/shortlist-selection`;

describe('shortlist routes (R-004-59)', () => {
  it('401 without a session', async () => {
    expect((await req('GET', path())).statusCode).toBe(401);
    expect((await req('GET', '/shortlist-selections')).statusCode).toBe(401);
  });

  it('the provider reads its programme: candidates, nominating unit, places and caps, ID numbers masked', async () => {
    const res = await req('GET', path(), 'sl_provider');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ruleId: 'R-004-59', ratio: 1.2, totalPlaces: 2, canSelect: true });
    expect(body.nodes[0]).toMatchObject({ places: 2, cap: 3, candidates: 3 });
    expect(body.candidates).toHaveLength(3);
    for (const n of fullIdNumbers) expect(res.body).not.toContain(n);
    const list = await req('GET', '/shortlist-selections', 'sl_provider');
    expect(list.json().map((x: { programmeId: string }) => x.programmeId)).toContain(programmeId);
  });

  it('another provider, another county, the county below the owner and a school cannot read or select (404 / 403)', async () => {
    for (const who of ['sl_other_provider', 'sl_yingde', 'sl_county', 'sl_school']) {
      const res = await req('GET', path(), who);
      expect(res.statusCode, who).toBe(404);
    }
    const mark = { marks: [{ nominationId: ids[0], decision: 'selected' }] };
    expect((await req('PUT', `${path()}/marks`, 'sl_other_provider', mark)).statusCode).toBe(404);
    expect((await req('PUT', `${path()}/marks`, 'sl_yingde', mark)).statusCode).toBe(403);
    expect((await req('PUT', `${path()}/marks`, 'sl_school', mark)).statusCode).toBe(403);
    expect((await req('POST', `${path()}/submit`, 'sl_other_provider')).statusCode).toBe(404);
    expect((await req('POST', `${path()}/confirm`, 'sl_yingde')).statusCode).toBe(404);
    expect((await req('POST', `${path()}/confirm`, 'sl_county')).statusCode).toBe(404);
    // the owner reads but does not select
    expect((await req('GET', path(), 'sl_city')).statusCode).toBe(200);
    expect((await req('PUT', `${path()}/marks`, 'sl_city', mark)).statusCode).toBe(403);
    const other = await req('GET', '/shortlist-selections', 'sl_other_provider');
    expect(other.json().map((x: { programmeId: string }) => x.programmeId)).not.toContain(programmeId);
    expect((await req('GET', '/shortlist-selections', 'sl_school')).statusCode).toBe(403);
    // nothing was written by the refused requests
    const marks = await h.db.selectFrom('shortlist_marks').selectAll().execute();
    expect(marks).toEqual([]);
  });

  it('400 on malformed marks (score above 100 or with two decimals, unknown field, empty list)', async () => {
    for (const body of [
      { marks: [{ nominationId: ids[0], score: 101 }] },
      { marks: [{ nominationId: ids[0], score: 88.25 }] },
      { marks: [{ nominationId: ids[0], decision: 'maybe' }] },
      { marks: [{ nominationId: ids[0], extra: 1 }] },
      { marks: [] },
    ]) {
      const res = await req('PUT', `${path()}/marks`, 'sl_provider', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const notCandidate = await req('PUT', `${path()}/marks`, 'sl_provider', {
      marks: [{ nominationId: '987654321', decision: 'selected' }],
    });
    expect(notCandidate.statusCode).toBe(400);
    expect(notCandidate.json().error.details.ruleId).toBe('R-004-59');
    expect(notCandidate.json().error.message).not.toContain('R-004-59');
  });

  it('R-004-59 exactly 2 of 2 places pass, the third is 400 with the rule in details; submit 200, submit again 409; the owner confirms', async () => {
    const two = await req('PUT', `${path()}/marks`, 'sl_provider', {
      marks: [
        { nominationId: ids[0], decision: 'selected', score: 91 },
        { nominationId: ids[1], decision: 'selected', score: 88.5 },
      ],
    });
    expect(two.statusCode).toBe(200);
    expect(two.json().selected).toBe(2);
    const over = await req('PUT', `${path()}/marks`, 'sl_provider', {
      marks: [{ nominationId: ids[2], decision: 'selected' }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { ruleId: 'R-004-59' } });
    expect(over.json().error.message).not.toContain('R-004-59');
    const noReason = await req('PUT', `${path()}/marks`, 'sl_provider', {
      marks: [{ nominationId: ids[2], decision: 'not_selected' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await req('PUT', `${path()}/marks`, 'sl_provider', {
          marks: [{ nominationId: ids[2], decision: 'not_selected', reason: '培训实践经验不足' }],
        })
      ).statusCode,
    ).toBe(200);
    const submitted = await req('POST', `${path()}/submit`, 'sl_provider');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const again = await req('POST', `${path()}/submit`, 'sl_provider');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.ruleId).toBe('R-004-59');
    expect(again.json().error.message).not.toContain('R-004-59');
    expect((await req('POST', `${path()}/return`, 'sl_city', { comment: '' })).statusCode).toBe(400);
    const confirmed = await req('POST', `${path()}/confirm`, 'sl_city');
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', selected: 2 });
  });
});
