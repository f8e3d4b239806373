/**
 * The rubric editor's reads through HTTP: a rubric's versions (newest first, who saved each and when, its warnings
 * count), whether the reader may edit it (the owner's officers, not a county below that only uses it), and a
 * built-in with no versions. Another county's rubric reads exactly like an unknown one. The live items a node may
 * declare (`GET /evaluation/metrics`), and a node's declared item kept by a saved version.
 */
import type { MetricDefinition, RubricDetail, RubricSummary, RubricVersion } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { loadDemoRegion } from '../../demo/load-region';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  type TestApp,
} from '../../test/factories';
import { apiClient } from '../../test/routes';
import type { OrgRow } from '../org';
import { METRIC_DEFINITIONS } from './metrics/definitions';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let city: OrgRow;
let qc: OrgRow;
let yd: OrgRow;
const nowMs = Date.parse('2026-12-07T02:00:00Z');

const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await loadDemoRegion(h.db, { teachers: 50 });
  t = await buildTestApp(h.db, () => new Date(nowMs));
  city = await orgByName(h.db, 'city', '清远');
  qc = await orgByName(h.db, 'county', '清城');
  yd = await orgByName(h.db, 'county', '英德');
  await buildAccount(h.db, 'v_city', 'bureau_admin', city);
  await buildAccount(h.db, 'v_qc', 'bureau_admin', qc);
  await buildAccount(h.db, 'v_yd', 'bureau_admin', yd);
  await buildAccount(h.db, 'v_school', 'school_admin', qc);
  for (const u of ['v_city', 'v_qc', 'v_yd', 'v_school']) s[u] = await login(t.app, u);
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('a rubric’s versions (Y-EVAL-CHECK)', () => {
  it('lists every saved version newest first with who saved it, when, and its warnings count', async () => {
    const c = await req('POST', '/evaluation/rubrics/clone', 'v_city', {
      ownerOrgId: city.id,
      from: 'builtin:B',
    });
    expect(c.statusCode).toBe(201);
    const v1 = c.json() as RubricDetail;
    expect(v1).toMatchObject({ ownerOrgId: city.id, canEdit: true });
    const n = await req('POST', '/evaluation/rubrics', 'v_city', {
      ownerOrgId: city.id,
      rubricId: v1.rubricId,
      rubric: { ...v1.rubric, title: '示范校评价标准（修订）' },
    });
    expect(n.statusCode).toBe(201);
    const v2 = n.json() as RubricDetail;

    for (const ref of [v1.ref, v2.ref]) {
      const r = await req('GET', `/evaluation/rubrics/${encodeURIComponent(ref)}/versions`, 'v_city');
      expect(r.statusCode).toBe(200);
      const versions = r.json() as RubricVersion[];
      expect(versions.map((v) => [v.ref, v.version, v.title])).toEqual([
        [v2.ref, 2, '示范校评价标准（修订）'],
        [v1.ref, 1, v1.title],
      ]);
      expect(versions[0]?.createdBy).toBeTruthy();
      expect(versions[0]?.createdAt).toBe('2026-12-07T02:00:00.000Z');
      expect(versions[0]?.warnings).toBe(v2.warnings.length);
      expect(versions[0]?.warnings).toBeGreaterThan(0);
    }
  });

  it('a county below uses the city’s rubric but may not edit it; another county’s rubric is unknown', async () => {
    const list = (await req('GET', '/evaluation/rubrics', 'v_qc')).json() as RubricSummary[];
    const cityRubric = list.find((r) => r.ownerOrgId === city.id);
    expect(cityRubric).toMatchObject({ canEdit: false, builtin: false });
    expect(list.filter((r) => r.builtin).every((r) => !r.canEdit && r.ownerOrgId === null)).toBe(true);
    // the maximum under each built-in's own normalisation: B by its item points, C scaled to 100
    expect(list.filter((r) => r.builtin).map((r) => r.maxPoints)).toEqual([100, 100, 100]);

    const own = (
      await req('POST', '/evaluation/rubrics/clone', 'v_yd', { ownerOrgId: yd.id, from: 'builtin:C' })
    ).json() as RubricDetail;
    expect(own.canEdit).toBe(true);
    const other = await req('GET', `/evaluation/rubrics/${encodeURIComponent(own.ref)}/versions`, 'v_qc');
    expect(other.statusCode).toBe(404);
  });

  it('a county cloning a built-in gets a title with its own name, not 济源’s; the built-in stays as it is', async () => {
    const c = await req('POST', '/evaluation/rubrics/clone', 'v_qc', {
      ownerOrgId: qc.id,
      from: 'builtin:C',
    });
    expect(c.statusCode).toBe(201);
    const own = c.json() as RubricDetail;
    expect(own.title).toBe(`${qc.name}中小学优秀教师工作坊评价标准`);
    expect(own.title).not.toContain('济源');
    // the clone names its owner where the built-in named 济源, so a clone of it is renamed in turn
    expect(own).toMatchObject({ region: qc.name, rubric: { region: qc.name } });
    const list = (await req('GET', '/evaluation/rubrics', 'v_qc')).json() as RubricSummary[];
    expect(list.find((r) => r.ref === 'builtin:C')).toMatchObject({
      title: '济源示范区中小学优秀教师工作坊评价标准',
      region: '济源示范区',
    });
    // a title the officer gives is kept as given
    const named = await req('POST', '/evaluation/rubrics/clone', 'v_qc', {
      ownerOrgId: qc.id,
      from: 'builtin:C',
      title: '工作坊评价标准（清城试行）',
    });
    expect((named.json() as RubricDetail).title).toBe('工作坊评价标准（清城试行）');
  });

  it('a built-in has no saved versions; no session is refused', async () => {
    const r = await req('GET', '/evaluation/rubrics/builtin%3AA/versions', 'v_city');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([]);
    const anon = await t.app.inject({
      method: 'GET',
      url: '/api/v1/evaluation/rubrics/builtin%3AA/versions',
    });
    expect(anon.statusCode).toBe(401);
  });
});

type Node = RubricDetail['rubric']['nodes'][number];
const find = (nodes: readonly Node[], id: string): Node | undefined =>
  nodes.map((n) => (n.id === id ? n : find(n.children ?? [], id))).find((n) => n !== undefined);
const withMetric = (nodes: readonly Node[], id: string, metric: string | undefined): Node[] =>
  nodes.map((n) =>
    n.id === id
      ? { ...n, metric }
      : { ...n, ...(n.children ? { children: withMetric(n.children, id, metric) } : {}) },
  );

describe('the live items a rubric node may declare', () => {
  it('lists the registry’s definitions to a reader; no session 401, no evaluation.read 403', async () => {
    const r = await req('GET', '/evaluation/metrics', 'v_qc');
    expect(r.statusCode).toBe(200);
    const defs = r.json() as MetricDefinition[];
    expect(defs).toEqual(METRIC_DEFINITIONS);
    expect(defs.find((d) => d.key === 'trainer_team')).toMatchObject({ ruleId: 'R3-P01, R3-P02' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/evaluation/metrics' })).statusCode).toBe(401);
    expect((await req('GET', '/evaluation/metrics', 'v_school')).statusCode).toBe(403);
  });

  it('a saved version keeps the live item a node declares, and loses it when cleared', async () => {
    const v1 = (
      await req('POST', '/evaluation/rubrics/clone', 'v_city', { ownerOrgId: city.id, from: 'builtin:A' })
    ).json() as RubricDetail;
    const declared = (r: RubricDetail) => find(r.rubric.nodes, 'A3.3')?.metric;
    expect(declared(v1)).toBe('trainer_team');
    const setMetric = (r: RubricDetail, metric: string | undefined) => ({
      ...r.rubric,
      nodes: withMetric(r.rubric.nodes, 'A3.3', metric),
    });
    const saved = await req('POST', '/evaluation/rubrics', 'v_city', {
      ownerOrgId: city.id,
      rubricId: v1.rubricId,
      rubric: setMetric(v1, 'trainer_team_size'),
    });
    expect(saved.statusCode).toBe(201);
    const v2 = saved.json() as RubricDetail;
    expect(declared(v2)).toBe('trainer_team_size');
    const list = (await req('GET', '/evaluation/rubrics', 'v_city')).json() as RubricSummary[];
    expect(
      list.find((x) => x.ref === v2.ref)?.liveBindings.find((b) => b.unitId === 'A3.3')?.metric.key,
    ).toBe('trainer_team_size');
    const cleared = (
      await req('POST', '/evaluation/rubrics', 'v_city', {
        ownerOrgId: city.id,
        rubricId: v1.rubricId,
        rubric: setMetric(v2, undefined),
      })
    ).json() as RubricDetail;
    expect(declared(cleared)).toBeUndefined();
  });
});
