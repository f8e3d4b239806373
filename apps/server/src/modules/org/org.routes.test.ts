import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import type { OrgRow } from './org.repository';

interface NodeBody {
  id: string;
  parentId: string | null;
  kind: string;
  code: string | null;
  name: string;
  stages?: string[];
  locationType?: string | null;
  teacherCount?: number;
  schoolCount?: number;
  childCount?: number;
  countyName?: string | null;
  townshipName?: string | null;
}

let h: DatabaseHandle;
let t: TestApp;
let qingcheng: Session;
let city: Session;
let teacher: Session;
let cityOrg: OrgRow;
let countyQ: OrgRow;
let countyY: OrgRow;
let schoolQ: OrgRow;
let schoolY: OrgRow;
let townshipY: OrgRow;

beforeAll(async () => {
  h = await createTestDatabase();
  // enough teachers that 清城区 has a couple of dozen schools of every stage and two location types
  await seedRegion(h.db, 8000);
  t = await buildTestApp(h.db);
  cityOrg = await orgByName(h.db, 'city', '清远');
  countyQ = await orgByName(h.db, 'county', '清城');
  countyY = await orgByName(h.db, 'county', '英德');
  schoolQ = await schoolIn(h.db, '清城');
  schoolY = await schoolIn(h.db, '英德');
  townshipY = (await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'township')
    .where('county_id', '=', countyY.id)
    .orderBy('id')
    .executeTakeFirstOrThrow()) as unknown as OrgRow;
  qingcheng = await login(t.app, 'qingcheng');
  city = await login(t.app, 'city');
  teacher = await login(t.app, 'teacher');
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

const get = (url: string, s?: Session) =>
  t.app.inject({ url: `/api/v1${url}`, headers: s ? { cookie: s.cookie } : {} });

/** Teachers on the books of a county (everyone but those who left), counted by the rows' own county key. */
async function teachersOfCounty(countyId: string): Promise<number> {
  const r = await h.db
    .selectFrom('teachers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('county_id', '=', countyId)
    .where('status', '<>', 'left')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function countSchools(where: { countyId?: string; parentId?: string }): Promise<number> {
  let q = h.db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', 'school');
  if (where.countyId) q = q.where('county_id', '=', where.countyId);
  if (where.parentId) q = q.where('parent_id', '=', where.parentId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function childIds(parentId: string): Promise<string[]> {
  const rows = await h.db.selectFrom('orgs').select('id').where('parent_id', '=', parentId).execute();
  return rows.map((r) => r.id).sort();
}

describe('GET /api/v1/orgs/roots', () => {
  it('401 without a session', async () => {
    const res = await get('/orgs/roots');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('403 for a teacher (the teacher role carries no org.read)', async () => {
    const res = await get('/orgs/roots', teacher);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('200: a county admin’s root is the county, with counts that match the database', async () => {
    const res = await get('/orgs/roots', qingcheng);
    expect(res.statusCode).toBe(200);
    const roots: NodeBody[] = res.json();
    expect(roots.map((r) => r.id)).toEqual([countyQ.id]);
    const [root] = roots;
    expect(root).toMatchObject({ name: '清城区', kind: 'county', parentId: cityOrg.id });
    expect(root?.teacherCount).toBe(await teachersOfCounty(countyQ.id));
    expect(root?.teacherCount).toBeGreaterThan(0);
    expect(root?.schoolCount).toBe(await countSchools({ countyId: countyQ.id }));
    expect(root?.childCount).toBe((await childIds(countyQ.id)).length);
  });

  it('200: the city admin’s root is the city, counting every county’s teachers', async () => {
    const res = await get('/orgs/roots', city);
    expect(res.statusCode).toBe(200);
    const roots: NodeBody[] = res.json();
    expect(roots.map((r) => r.id)).toEqual([cityOrg.id]);
    const inCity = await h.db
      .selectFrom('teachers as t')
      .innerJoin('orgs as s', 's.id', 't.school_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('s.path', 'like', `${cityOrg.path}%`)
      .where('t.status', '<>', 'left')
      .executeTakeFirstOrThrow();
    expect(roots[0]?.teacherCount).toBe(Number(inCity.n));
    expect(roots[0]?.teacherCount).toBeGreaterThan(await teachersOfCounty(countyQ.id));
  });
});

describe('GET /api/v1/orgs/:id', () => {
  it('401 without a session', async () => {
    expect((await get(`/orgs/${countyQ.id}`)).statusCode).toBe(401);
  });

  it('400 on a malformed id', async () => {
    const res = await get(`/orgs/${'1'.repeat(21)}`, qingcheng);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('404 for a non-numeric or unknown id', async () => {
    expect((await get('/orgs/abc', qingcheng)).statusCode).toBe(404);
    expect((await get('/orgs/999999999', qingcheng)).statusCode).toBe(404);
  });

  it('200 with ancestors and counts for the own county', async () => {
    const res = await get(`/orgs/${countyQ.id}`, qingcheng);
    expect(res.statusCode).toBe(200);
    const body: { node: NodeBody; ancestors: NodeBody[] } = res.json();
    expect(body.node.id).toBe(countyQ.id);
    expect(body.node.teacherCount).toBe(await teachersOfCounty(countyQ.id));
    expect(body.node.schoolCount).toBe(await countSchools({ countyId: countyQ.id }));
    expect(body.ancestors.map((a) => a.kind)).toEqual(['province', 'city']);
    expect(body.ancestors[1]?.id).toBe(cityOrg.id);
  });

  it('teacherCount follows the teachers: a new one counts, one who left does not', async () => {
    const before = (await get(`/orgs/${countyQ.id}`, qingcheng)).json().node.teacherCount;
    await buildTeacher(h.db, schoolQ, { name: '新来的' });
    await buildTeacher(h.db, schoolQ, { name: '调走的', status: 'left' });
    const after = (await get(`/orgs/${countyQ.id}`, qingcheng)).json().node.teacherCount;
    expect(after).toBe(before + 1);
    expect(after).toBe(await teachersOfCounty(countyQ.id));
    const school = (await get(`/orgs/${schoolQ.id}`, qingcheng)).json().node;
    const atSchool = await h.db
      .selectFrom('teachers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('school_id', '=', schoolQ.id)
      .where('status', '<>', 'left')
      .executeTakeFirstOrThrow();
    expect(school.teacherCount).toBe(Number(atSchool.n));
    expect(school.schoolCount).toBe(1);
  });

  it('404 for another county’s node (not even confirmed to exist); the city admin sees it', async () => {
    for (const id of [countyY.id, townshipY.id, schoolY.id]) {
      const res = await get(`/orgs/${id}`, qingcheng);
      expect(res.statusCode, id).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await get(`/orgs/${id}`, city)).statusCode, id).toBe(200);
    }
  });

  it('404 for ancestors above the grant: a county admin cannot read the city node', async () => {
    expect((await get(`/orgs/${cityOrg.id}`, qingcheng)).statusCode).toBe(404);
  });

  it('403 for a teacher (no org.read), even on the own school', async () => {
    const own = await h.db
      .selectFrom('accounts as a')
      .innerJoin('role_grants as g', 'g.account_id', 'a.id')
      .select('g.org_id')
      .where('a.username', '=', 'teacher')
      .executeTakeFirstOrThrow();
    expect((await get(`/orgs/${own.org_id}`, teacher)).statusCode).toBe(403);
  });
});

describe('GET /api/v1/orgs/:id/children', () => {
  it('401 without a session', async () => {
    expect((await get(`/orgs/${countyQ.id}/children`)).statusCode).toBe(401);
  });

  it('400 on a malformed id', async () => {
    expect((await get(`/orgs/${'9'.repeat(25)}/children`, qingcheng)).statusCode).toBe(400);
  });

  it('200: every child of the county, whose teacher counts add up to the county’s', async () => {
    const res = await get(`/orgs/${countyQ.id}/children`, qingcheng);
    expect(res.statusCode).toBe(200);
    const children: NodeBody[] = res.json();
    expect(children.map((c) => c.id).sort()).toEqual(await childIds(countyQ.id));
    expect(children.every((c) => c.parentId === countyQ.id)).toBe(true);
    const sum = children.reduce((s, c) => s + (c.teacherCount ?? 0), 0);
    expect(sum).toBe(await teachersOfCounty(countyQ.id));
    for (const c of children.filter((x) => x.kind === 'township')) {
      expect(c.schoolCount, c.name).toBe(await countSchools({ parentId: c.id }));
    }
    const schools = children.reduce((s, c) => s + (c.schoolCount ?? 0), 0);
    expect(schools).toBe(await countSchools({ countyId: countyQ.id }));
  });

  it('404 for another county’s nodes and their children; the city admin gets them', async () => {
    for (const id of [countyY.id, townshipY.id]) {
      expect((await get(`/orgs/${id}/children`, qingcheng)).statusCode, id).toBe(404);
      const ok = await get(`/orgs/${id}/children`, city);
      expect(ok.statusCode).toBe(200);
      expect(
        ok
          .json()
          .map((c: NodeBody) => c.id)
          .sort(),
      ).toEqual(await childIds(id));
    }
  });
});

describe('GET /api/v1/schools', () => {
  it('401 without a session', async () => {
    expect((await get('/schools')).statusCode).toBe(401);
  });

  it('403 for a teacher', async () => {
    const res = await get('/schools', teacher);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('400 on bad paging or filters', async () => {
    for (const q of ['pageSize=0', 'pageSize=201', 'page=0', 'locationType=moon', `q=${'x'.repeat(65)}`]) {
      const res = await get(`/schools?${q}`, qingcheng);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('200 without orgId lists exactly the own county’s schools', async () => {
    const res = await get('/schools?pageSize=200', qingcheng);
    expect(res.statusCode).toBe(200);
    const body: { items: NodeBody[]; total: number } = res.json();
    const expected = await countSchools({ countyId: countyQ.id });
    expect(body.total).toBe(expected);
    expect(body.items).toHaveLength(expected);
    expect(body.items.every((s) => s.kind === 'school' && s.countyName === '清城区')).toBe(true);
    expect(body.items.map((s) => s.id)).toContain(schoolQ.id);
    expect(body.items.map((s) => s.id)).not.toContain(schoolY.id);
  });

  it('pages do not overlap and add up to the total', async () => {
    const p1: { items: NodeBody[]; total: number } = (
      await get('/schools?pageSize=3&page=1', qingcheng)
    ).json();
    const p2: { items: NodeBody[] } = (await get('/schools?pageSize=3&page=2', qingcheng)).json();
    expect(p1.items).toHaveLength(3);
    expect(p2.items.length).toBeGreaterThan(0);
    const ids1 = p1.items.map((s) => s.id);
    expect(p2.items.some((s) => ids1.includes(s.id))).toBe(false);
  });

  it('404 when orgId is another county’s node or school', async () => {
    for (const id of [countyY.id, townshipY.id, schoolY.id]) {
      const res = await get(`/schools?orgId=${id}`, qingcheng);
      expect(res.statusCode, id).toBe(404);
    }
  });

  it('the city admin sees both counties, and can narrow to one', async () => {
    const all: { items: NodeBody[]; total: number } = (await get('/schools?pageSize=200', city)).json();
    const names = new Set(all.items.map((s) => s.countyName));
    expect(names).toContain('清城区');
    expect(names).toContain('英德市');
    const inCity = await h.db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'school')
      .where('city_id', '=', cityOrg.id)
      .executeTakeFirstOrThrow();
    expect(all.total).toBe(Number(inCity.n));
    const y = await get(`/schools?orgId=${countyY.id}&pageSize=200`, city);
    expect(y.statusCode).toBe(200);
    expect(y.json().total).toBe(await countSchools({ countyId: countyY.id }));
    expect(y.json().items.every((s: NodeBody) => s.countyName === '英德市')).toBe(true);
  });

  it('orgId narrows to a township within scope', async () => {
    const township = await h.db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'township')
      .where('county_id', '=', countyQ.id)
      .where((eb) =>
        eb.exists(eb.selectFrom('orgs as s').select('s.id').whereRef('s.parent_id', '=', 'orgs.id')),
      )
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const res = await get(`/schools?orgId=${township.id}&pageSize=200`, qingcheng);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(await countSchools({ parentId: township.id }));
    expect(res.json().items.every((s: NodeBody) => s.parentId === township.id)).toBe(true);
  });

  it('q matches a name fragment', async () => {
    const fragment = [...schoolQ.name].slice(1, 4).join('');
    const res = await get(`/schools?q=${encodeURIComponent(fragment)}&pageSize=200`, city);
    expect(res.statusCode).toBe(200);
    const items: NodeBody[] = res.json().items;
    expect(items.map((s) => s.id)).toContain(schoolQ.id);
    expect(items.every((s) => s.name.includes(fragment))).toBe(true);
    const all = (await get('/schools?pageSize=200', city)).json().total;
    expect(res.json().total).toBeLessThan(all);
  });

  it('q matches a code prefix', async () => {
    const code = schoolQ.code ?? '';
    const prefix = code.slice(0, code.length - 2);
    const res = await get(`/schools?q=${prefix}&pageSize=200`, city);
    expect(res.statusCode).toBe(200);
    const items: NodeBody[] = res.json().items;
    expect(items.map((s) => s.id)).toContain(schoolQ.id);
    expect(items.every((s) => (s.code ?? '').startsWith(prefix))).toBe(true);
    const expected = await h.db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'school')
      .where('code', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    expect(res.json().total).toBe(Number(expected.n));
    // the middle of a code is not a prefix
    const middle = await get(`/schools?q=${code.slice(3)}&pageSize=200`, city);
    expect(middle.json().total).toBe(0);
  });

  it('filters by stage and by location type, alone and together', async () => {
    const count = async (extra = sql``) => {
      const r = await sql<{ n: string }>`SELECT count(*) AS n FROM orgs
        WHERE kind = 'school' AND county_id = ${countyQ.id} ${extra}`.execute(h.db);
      return Number(r.rows[0]?.n);
    };
    const all = await count();
    const junior = await get('/schools?stage=junior&pageSize=200', qingcheng);
    expect(junior.statusCode).toBe(200);
    expect(junior.json().total).toBe(await count(sql`AND 'junior' = ANY(stages)`));
    expect(junior.json().total).toBeGreaterThan(0);
    expect(junior.json().total).toBeLessThan(all);
    expect(junior.json().items.every((s: NodeBody) => s.stages?.includes('junior'))).toBe(true);

    const urban = await get('/schools?locationType=urban&pageSize=200', qingcheng);
    expect(urban.statusCode).toBe(200);
    expect(urban.json().total).toBe(await count(sql`AND location_type = 'urban'`));
    expect(urban.json().items.every((s: NodeBody) => s.locationType === 'urban')).toBe(true);

    const rural = await get('/schools?locationType=rural&pageSize=200', city);
    expect(rural.json().total).toBeGreaterThan(0);
    expect(rural.json().items.every((s: NodeBody) => s.locationType === 'rural')).toBe(true);

    const both = await get('/schools?stage=primary&locationType=urban&pageSize=200', qingcheng);
    expect(both.json().total).toBe(await count(sql`AND 'primary' = ANY(stages) AND location_type = 'urban'`));
  });
});

describe('GET /api/v1/schools/:id', () => {
  it('401 without a session', async () => {
    expect((await get(`/schools/${schoolQ.id}`)).statusCode).toBe(401);
  });

  it('400 on a malformed id', async () => {
    expect((await get(`/schools/${'1'.repeat(21)}`, qingcheng)).statusCode).toBe(400);
  });

  it('200 for an own school, with county, township and its teacher count', async () => {
    const res = await get(`/schools/${schoolQ.id}`, qingcheng);
    expect(res.statusCode).toBe(200);
    const body: NodeBody = res.json();
    expect(body).toMatchObject({ id: schoolQ.id, kind: 'school', code: schoolQ.code, countyName: '清城区' });
    const atSchool = await h.db
      .selectFrom('teachers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('school_id', '=', schoolQ.id)
      .where('status', '<>', 'left')
      .executeTakeFirstOrThrow();
    expect(body.teacherCount).toBe(Number(atSchool.n));
    const parent = await h.db
      .selectFrom('orgs')
      .select(['kind', 'name'])
      .where('id', '=', schoolQ.parent_id ?? '0')
      .executeTakeFirstOrThrow();
    expect(body.townshipName).toBe(parent.kind === 'township' ? parent.name : null);
  });

  it('404 for another county’s school; the city admin reads it', async () => {
    expect((await get(`/schools/${schoolY.id}`, qingcheng)).statusCode).toBe(404);
    const res = await get(`/schools/${schoolY.id}`, city);
    expect(res.statusCode).toBe(200);
    expect(res.json().countyName).toBe('英德市');
  });

  it('404 for a node that is not a school', async () => {
    expect((await get(`/schools/${countyQ.id}`, qingcheng)).statusCode).toBe(404);
  });
});
