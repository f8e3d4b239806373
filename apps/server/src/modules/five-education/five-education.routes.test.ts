/**
 * 五育 comprehensive evaluation through HTTP: weights not summing to 100 % refused with the numbers (CD-24); the
 * starter framework labelled as examples; a published framework frozen; the stratified draw reproducible from its
 * seed and the same whatever order the counts came in (CD-25, TL-14); a bad upload row refused with its row, column
 * and value and nothing written; bands at 89.9/90.0 (Y-EVAL-BANDS); the ±10 % sensitivity (Y-EVAL-SENSITIVITY);
 * another county's round reads like an unknown id; a school admin sees only its own school.
 */
import type {
  FiveEduFramework,
  FiveEduFrameworkBody,
  FiveEduResults,
  FiveEduRoundDetail,
  FiveEduSample,
} from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildOrgUnder,
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { multipart, workbook } from '../../test/fixtures/import-files';
import { apiClient, errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
const schools: OrgRow[] = [];
let qingcheng: OrgRow;
let ydSchool: OrgRow;
const nowMs = Date.parse('2026-11-20T10:00:00+08:00');

const { req } = apiClient(() => t, s);
const sc = (i: number) => schools[i]?.id ?? '';

const ind = (code: string, name: string) => ({
  code,
  name,
  unit: '分',
  direction: 'higher' as const,
  normalise: { method: 'min_max' as const, min: 0, max: 100 },
  source: 'school_report' as const,
  example: false,
});
/** One element with one 0–100 indicator per dimension: a school's dimension score is its value. */
const plainBody = (weights = { moral: 20, intellectual: 20, physical: 20, aesthetic: 20, labour: 20 }) =>
  ({
    weights,
    dimensions: (
      [
        ['moral', 'M', '德'],
        ['intellectual', 'I', '智'],
        ['physical', 'P', '体'],
        ['aesthetic', 'A', '美'],
        ['labour', 'L', '劳'],
      ] as const
    ).map(([dimension, c, n]) => ({
      dimension,
      elements: [{ code: `${c}E`, name: `${n}要素`, indicators: [ind(c, `${n}指标`)] }],
    })),
  }) satisfies FiveEduFrameworkBody;

async function upload(roundId: string, header: (string | number)[], rows: (string | number | null)[][]) {
  const { payload, contentType } = multipart({}, { name: 'values.xlsx', body: await workbook(header, rows) });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/five-edu/rounds/${roundId}/values/upload`,
    headers: { ...s.qingcheng?.headers, 'content-type': contentType },
    payload,
  });
}

const HEADER = ['学校编号', '学校名称', 'M 德指标', 'I 智指标', 'P 体指标', 'A 美指标', 'L 劳指标'];
const values = (i: number, xs: number[]) =>
  ['M', 'I', 'P', 'A', 'L'].map((code, k) => ({ schoolId: sc(i), indicatorCode: code, value: xs[k] ?? 0 }));

let frameworkId = '';
let roundId = '';

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  qingcheng = await orgByName(h.db, 'county', '清城');
  for (let i = 0; i < 2; i++) schools.push(await schoolIn(h.db, '清城', i));
  for (let i = 2; i < 5; i++) schools.push(await buildOrgUnder(h.db, qingcheng, `清城五育学校${i}`));
  ydSchool = await schoolIn(h.db, '英德', 0);
  for (const name of ['五育甲', '五育乙', '五育丙']) await buildTeacher(h.db, schools[2] as OrgRow, { name });
  await buildAccount(h.db, 'five_school0', 'school_admin', schools[0] as OrgRow);
  await buildAccount(h.db, 'five_school4', 'school_admin', schools[4] as OrgRow);
  await buildAccount(h.db, 'five_yd_school', 'school_admin', ydSchool);
  for (const u of ['qingcheng', 'yingde', 'city', 'five_school0', 'five_school4', 'five_yd_school'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('frameworks (CD-24)', () => {
  it('CD-24: a new framework starts from the starter one: five dimensions at 20 %, indicators marked as examples', async () => {
    const r = await req('POST', '/five-edu/frameworks', 'qingcheng', {
      orgId: qingcheng.id,
      year: 2026,
      name: '清城区五育评价（试行）',
    });
    expect(r.statusCode).toBe(201);
    const f = r.json() as FiveEduFramework;
    expect(f.status).toBe('draft');
    expect(f.body.weights).toEqual({ moral: 20, intellectual: 20, physical: 20, aesthetic: 20, labour: 20 });
    expect(f.body.dimensions.map((d) => d.dimension)).toEqual([
      'moral',
      'intellectual',
      'physical',
      'aesthetic',
      'labour',
    ]);
    expect(f.indicatorCount).toBeGreaterThanOrEqual(5);
    // the example flag marks them (the editor's 示例 tag and its note); the names read as the indicators themselves
    const all = f.body.dimensions.flatMap((d) => d.elements.flatMap((e) => e.indicators));
    expect(all.every((i) => i.example)).toBe(true);
    const names = f.body.dimensions.flatMap((d) =>
      d.elements.flatMap((e) => [e.name, ...e.indicators.map((i) => i.name)]),
    );
    expect(names.filter((n) => /示例/.test(n))).toEqual([]);
  });

  it('CD-24: weights not summing to 100 % are refused with the numbers, in a sentence without the rule ID', async () => {
    const created = (
      await req('POST', '/five-edu/frameworks', 'qingcheng', {
        orgId: qingcheng.id,
        year: 2026,
        name: '测试框架',
      })
    ).json() as FiveEduFramework;
    const r = await req('PUT', `/five-edu/frameworks/${created.id}`, 'qingcheng', {
      name: '测试框架',
      body: plainBody({ moral: 30, intellectual: 20, physical: 20, aesthetic: 20, labour: 20 }),
    });
    expect(r.statusCode).toBe(400);
    const e = errorOf(r);
    expect(e.message).toBe('五个维度的权重合计须为 100%，现为 110%');
    expect(e.details).toMatchObject({ ruleId: 'CD-24', sum: 110, weights: { moral: 30 } });
    const ok = await req('PUT', `/five-edu/frameworks/${created.id}`, 'qingcheng', {
      name: '测试框架',
      body: plainBody(),
    });
    expect(ok.statusCode).toBe(200);
    frameworkId = created.id;
  });

  it('a published framework is frozen; a change is a new draft version', async () => {
    const p = await req('POST', `/five-edu/frameworks/${frameworkId}/publish`, 'qingcheng');
    expect(p.statusCode).toBe(200);
    expect((p.json() as FiveEduFramework).status).toBe('published');
    const put = await req('PUT', `/five-edu/frameworks/${frameworkId}`, 'qingcheng', {
      name: '测试框架',
      body: plainBody(),
    });
    expect(put.statusCode).toBe(409);
    const v = await req('POST', `/five-edu/frameworks/${frameworkId}/versions`, 'qingcheng');
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ status: 'draft', version: 3, year: 2026 });
  });

  it("another county's framework reads exactly like an unknown id", async () => {
    const other = await req('GET', `/five-edu/frameworks/${frameworkId}`, 'yingde');
    const unknown = await req('GET', '/five-edu/frameworks/999999', 'yingde');
    expect(other.statusCode).toBe(404);
    expect(errorOf(other)).toEqual(errorOf(unknown));
    // the city above reads it
    expect((await req('GET', `/five-edu/frameworks/${frameworkId}`, 'city')).statusCode).toBe(200);
  });
});

describe('the monitoring round and its sample (CD-25, TL-14)', () => {
  it('a round covers every school of the subtree', async () => {
    const r = await req('POST', '/five-edu/rounds', 'qingcheng', {
      frameworkId,
      orgId: qingcheng.id,
      name: '2026 年清城区五育监测',
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as FiveEduRoundDetail;
    roundId = d.id;
    expect(d.studentPercent).toBe(5);
    expect(d.schools.map((x) => x.id)).toEqual(expect.arrayContaining(schools.map((x) => x.id)));
    expect(d.schools.every((x) => x.countyName.includes('清城'))).toBe(true);
  });

  it('CD-25/TL-14: ⌈5 %⌉ per school × grade, the same sample again from the seed and from counts in another order', async () => {
    const counts = [
      { schoolId: sc(0), grades: { '7': 100, '8': 41 } },
      { schoolId: sc(1), grades: { '1': 20 } },
    ];
    expect(
      (await req('PUT', `/five-edu/rounds/${roundId}/enrolments`, 'qingcheng', { schools: counts }))
        .statusCode,
    ).toBe(200);
    const drawn = await req('POST', `/five-edu/rounds/${roundId}/draw`, 'qingcheng', { seed: '五育-2026' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const first = drawn.json() as FiveEduSample;
    expect(first.seed).toBe('五育-2026');
    expect(first.students.strata.map((x) => [x.schoolId, x.grade, x.population, x.count])).toEqual([
      [sc(0), 7, 100, 5],
      [sc(0), 8, 41, 3],
      [sc(1), 1, 20, 1],
    ]);
    const again = (
      await req('POST', `/five-edu/rounds/${roundId}/draw`, 'qingcheng', { seed: '五育-2026' })
    ).json();
    expect(again).toEqual(first);

    const other = (
      await req('POST', '/five-edu/rounds', 'qingcheng', {
        frameworkId,
        orgId: qingcheng.id,
        name: '同一范围的第二次监测',
      })
    ).json() as FiveEduRoundDetail;
    const reversed = [
      { schoolId: sc(1), grades: { '1': 20 } },
      { schoolId: sc(0), grades: { '8': 41, '7': 100 } },
    ];
    await req('PUT', `/five-edu/rounds/${other.id}/enrolments`, 'qingcheng', { schools: reversed });
    const second = (
      await req('POST', `/five-edu/rounds/${other.id}/draw`, 'qingcheng', { seed: '五育-2026' })
    ).json() as FiveEduSample;
    expect(second.students).toEqual(first.students);
    // staff per school from the people module's roster: 3 teachers → ⌈0.15⌉ = 1
    expect(first.staff.picks.filter((p) => p.schoolId === sc(2)).map((p) => p.name)).toEqual([
      expect.stringMatching(/^五育[甲乙丙]$/),
    ]);
    expect(second.staff).toEqual(first.staff);
    const reseeded = (
      await req('POST', `/five-edu/rounds/${other.id}/draw`, 'qingcheng', { seed: 'another' })
    ).json() as FiveEduSample;
    expect(reseeded.students.strata.map((x) => x.picks)).not.toEqual(
      first.students.strata.map((x) => x.picks),
    );

    const csv = await req('GET', `/five-edu/rounds/${roundId}/sample.csv`, 'qingcheng');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('随机种子,五育-2026');
    expect(csv.body.split('\r\n').filter((l) => l.startsWith('学生,'))).toHaveLength(9);
  });

  it('without a session 401; unknown school or indicator in an entry refused with the value', async () => {
    expect((await req('GET', '/five-edu/rounds')).statusCode).toBe(401);
    const r = await req('PUT', `/five-edu/rounds/${roundId}/values`, 'qingcheng', {
      values: [{ schoolId: sc(0), indicatorCode: 'NOPE', value: 1 }],
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).details).toEqual({ field: 'indicatorCode', value: 'NOPE' });
  });

  it('CD-25: students per grade uploaded for many schools; a bad count refuses the file whole', async () => {
    const { payload, contentType } = multipart(
      {},
      {
        name: 'grades.xlsx',
        body: await workbook(
          ['学校编号', '学校名称', '1年级', '2年级'],
          [
            [sc(3), '丁', 30, 31],
            [sc(4), '戊', 12.5, 10],
          ],
        ),
      },
    );
    const url = `/api/v1/five-edu/rounds/${roundId}/enrolments/upload`;
    const headers = { ...s.qingcheng?.headers, 'content-type': contentType };
    const bad = await t.app.inject({ method: 'POST', url, headers, payload });
    expect(bad.statusCode).toBe(400);
    expect((errorOf(bad).details as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: '1年级', value: '12.5', reason: '应为 0–5000 的整数' },
    ]);
    let d = (await req('GET', `/five-edu/rounds/${roundId}`, 'qingcheng')).json() as FiveEduRoundDetail;
    expect(d.schools.find((x) => x.id === sc(3))?.students).toBe(0);
    const good = multipart(
      {},
      {
        name: 'grades.xlsx',
        body: await workbook(['学校编号', '学校名称', '1年级', '2年级'], [[sc(3), '丁', 30, 31]]),
      },
    );
    const ok = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...s.qingcheng?.headers, 'content-type': good.contentType },
      payload: good.payload,
    });
    expect(ok.statusCode).toBe(200);
    d = (await req('GET', `/five-edu/rounds/${roundId}`, 'qingcheng')).json() as FiveEduRoundDetail;
    expect(d.schools.find((x) => x.id === sc(3))?.grades).toEqual({ '1': 30, '2': 31 });
    expect(d.schools.find((x) => x.id === sc(0))?.students).toBe(141);
  });

  it('a school admin cannot draw the sample', async () => {
    const r = await req('POST', `/five-edu/rounds/${roundId}/draw`, 'five_school0', { seed: 'x' });
    expect(r.statusCode).toBe(403);
  });
});

describe('indicator values and scores (Y-EVAL-BANDS, Y-EVAL-SENSITIVITY)', () => {
  it('an upload with a bad row is refused with row, column and value; nothing is written', async () => {
    const r = await upload(roundId, HEADER, [
      [sc(0), '学校甲', 90, 90, 90, 90, 90],
      [sc(1), '学校乙', 80, 80, 'abc', 80, 80],
      ['999999', '不存在', 1, 1, 1, 1, 1],
    ]);
    expect(r.statusCode).toBe(400);
    const e = errorOf(r);
    expect(e.message).toContain('未导入任何数据');
    expect((e.details as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: 'P 体指标', value: 'abc', reason: '应为数字' },
      { row: 4, column: '学校编号', value: '999999', reason: '该学校不在本次监测范围内' },
    ]);
    const d = (await req('GET', `/five-edu/rounds/${roundId}`, 'qingcheng')).json() as FiveEduRoundDetail;
    expect(d.schools.find((x) => x.id === sc(0))?.valuesEntered).toBe(0);
  });

  it('Y-EVAL-BANDS: 90.0 is 优秀 and 89.9 良好; a good upload is written', async () => {
    const r = await upload(roundId, HEADER, [
      [sc(0), '学校甲', 90, 90, 90, 90, 90],
      [sc(1), '学校乙', 89.9, 89.9, 89.9, 89.9, 89.9],
    ]);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ rows: 2, values: 10 });
    const res = (
      await req('GET', `/five-edu/rounds/${roundId}/results`, 'qingcheng')
    ).json() as FiveEduResults;
    const of = (i: number) => res.schools.find((x) => x.schoolId === sc(i));
    expect(of(0)).toMatchObject({ score: 90, band: { label: '优秀' } });
    expect(of(1)).toMatchObject({ score: 89.9, band: { label: '良好' } });
    expect(of(2)).toMatchObject({ score: null, band: null });
    expect(of(2)?.missing).toEqual(['德', '智', '体', '美', '劳']);
  });

  it('Y-EVAL-SENSITIVITY: a school near a band boundary is flagged, one far from it is not', async () => {
    const put = await req('PUT', `/five-edu/rounds/${roundId}/values`, 'qingcheng', {
      values: [...values(2, [100, 80, 90, 90, 90.5]), ...values(3, [70, 70, 70, 70, 70])],
    });
    expect(put.statusCode).toBe(200);
    const res = (
      await req('GET', `/five-edu/rounds/${roundId}/results`, 'qingcheng')
    ).json() as FiveEduResults;
    const near = res.schools.find((x) => x.schoolId === sc(2));
    expect(near).toMatchObject({ score: 90.1, band: { label: '优秀' }, bandMayChange: true });
    expect(near?.sensitivity.find((l) => l.dimension === 'moral')).toMatchObject({
      downWeight: 10,
      downScore: 88.9,
      downBand: { label: '良好' },
      changesBand: true,
    });
    expect(res.schools.find((x) => x.schoolId === sc(3))).toMatchObject({ score: 70, bandMayChange: false });
    expect(res.schools.find((x) => x.schoolId === sc(0))).toMatchObject({ score: 90, bandMayChange: false });
    // the district: the mean of its four scored schools, each counting once
    const district = res.districts.find((x) => x.countyId === qingcheng.id);
    expect(district).toMatchObject({ scored: 4 });
    expect(district?.dimensions.moral).toBe(87.5);
  });

  it('CD-24: what-if weights are applied without being saved, and refused with the numbers when not 100 %', async () => {
    const w = 'moral=40&intellectual=15&physical=15&aesthetic=15&labour=15';
    const res = (
      await req('GET', `/five-edu/rounds/${roundId}/results?${w}`, 'qingcheng')
    ).json() as FiveEduResults;
    expect(res.weights.moral).toBe(40);
    expect(res.savedWeights.moral).toBe(20);
    expect(res.schools.find((x) => x.schoolId === sc(2))?.score).toBe(92.6);
    const bad = await req('GET', `/five-edu/rounds/${roundId}/results?${w.replace('40', '50')}`, 'qingcheng');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details).toMatchObject({ ruleId: 'CD-24', sum: 110 });
    const again = (
      await req('GET', `/five-edu/rounds/${roundId}/results`, 'qingcheng')
    ).json() as FiveEduResults;
    expect(again.weights.moral).toBe(20);
  });

  it('the template lists the schools and the indicators', async () => {
    const r = await req('GET', `/five-edu/rounds/${roundId}/values/template`, 'qingcheng');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('scope', () => {
  it("another county's round reads exactly like an unknown id", async () => {
    for (const path of ['', '/results', '/sample']) {
      const other = await req('GET', `/five-edu/rounds/${roundId}${path}`, 'yingde');
      const unknown = await req('GET', `/five-edu/rounds/999999${path}`, 'yingde');
      expect(other.statusCode).toBe(404);
      expect(errorOf(other)).toEqual(errorOf(unknown));
    }
    expect((await req('GET', `/five-edu/rounds/${roundId}`, 'five_yd_school')).statusCode).toBe(404);
    const list = (await req('GET', '/five-edu/rounds', 'yingde')).json() as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('a school admin sees only its own school, and no district', async () => {
    const res = (
      await req('GET', `/five-edu/rounds/${roundId}/results`, 'five_school0')
    ).json() as FiveEduResults;
    expect(res.schools.map((x) => x.schoolId)).toEqual([sc(0)]);
    expect(res.schools[0]).toMatchObject({ score: 90, band: { label: '优秀' } });
    expect(res.districts).toEqual([]);
    const d = (await req('GET', `/five-edu/rounds/${roundId}`, 'five_school4')).json() as FiveEduRoundDetail;
    expect(d.schools.map((x) => x.id)).toEqual([sc(4)]);
    const sample = (
      await req('GET', `/five-edu/rounds/${roundId}/sample`, 'five_school0')
    ).json() as FiveEduSample;
    expect(new Set(sample.students.strata.map((x) => x.schoolId))).toEqual(new Set([sc(0)]));
  });
});
