import { findProjectType, type PolicyPack } from '@yanxun/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { syncBuiltinPacks } from '../modules/programs';
import { createTestDatabase } from '../test/db';
import { demoCalendar } from './as-of';
import { loadDemoRegion } from './load-region';

/** A Wednesday of the city class's second week. */
const AS_OF = '2026-11-25';
const { packYear } = demoCalendar({ asOf: AS_OF });

let h: DatabaseHandle;
const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(h.db)).rows;

beforeAll(async () => {
  h = await createTestDatabase();
  await syncBuiltinPacks(h.db);
  await loadDemoRegion(h.db, { teachers: 1500, seed: 7, programmes: true, asOf: AS_OF });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the demo programme year', () => {
  it('a published regional pack of the demo year, cloned from the Henan 2021 pack', async () => {
    const packs = await rows<{ status: string; derived_from: string; year: number; builtin: boolean }>(
      'SELECT status, derived_from, year, builtin FROM policy_packs WHERE NOT builtin',
    );
    expect(packs).toEqual([
      { status: 'published', derived_from: 'henan-2021', year: packYear, builtin: false },
    ]);
    // issue 11: Guangdong's pack carries Guangdong's name and bureau; the Henan notice is where its values come from
    const [meta] = await rows<{ title: string; issuer: string; adopted: string }>(
      `SELECT title, body->'source'->>'issuer' AS issuer, body->'source'->'adoptedFrom'->>'issuer' AS adopted
       FROM policy_packs WHERE NOT builtin`,
    );
    expect(meta).toEqual({
      title: `广东省 ${packYear} 年义务教育师资薄弱环节改善暨中小学教师素质提升工程`,
      issuer: '广东省教育厅',
      adopted: '河南省教育厅',
    });
  });

  it('four programmes at three levels; the first selection deadline is past, the county one is still open', async () => {
    const ps = await rows<{ level: string; selection_deadline: string }>(
      "SELECT level, to_char(selection_deadline, 'YYYY-MM-DD') AS selection_deadline FROM programmes ORDER BY id",
    );
    expect(ps.map((p) => p.level)).toEqual(['provincial', 'city', 'county', 'provincial']);
    expect((ps[2]?.selection_deadline ?? '') > AS_OF).toBe(true);
  });

  it("every programme's title names the project type it was created with (its pack's name or alias of the type)", async () => {
    const ps = await rows<{ title: string; project_type_code: string; body: PolicyPack }>(
      `SELECT p.title, p.project_type_code, k.body FROM programmes p JOIN policy_packs k ON k.id = p.pack_id
       ORDER BY p.id`,
    );
    expect(ps).toHaveLength(4);
    for (const p of ps) {
      const type = findProjectType(p.body, p.project_type_code);
      const names = [type?.name ?? '', ...(type?.aliases ?? [])].map((n) => n.replace(/项目$/, ''));
      expect(
        names.some((n) => n && p.title.includes(n)),
        `${p.title} ↔ ${type?.name}`,
      ).toBe(true);
    }
  });

  it('outcome files carry the names a teacher gives them (教学反思.pdf), no requirement key or id', async () => {
    const files = await rows<{ name: string; requirement: string }>(
      `SELECT f.name, o.requirement FROM outcome_submissions o JOIN files f ON f.id = o.file_id`,
    );
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      expect(f.name).not.toContain(f.requirement.split(':')[0] ?? '');
      expect(f.name).not.toMatch(/[:_]|\d{3}/);
    }
    expect(files.map((f) => f.name)).toContain('教学反思.pdf');
  });

  it('R-004-17: every quota node: used = its selected nominations, children never exceed the parent', async () => {
    const bad = await rows(`
      SELECT q.programme_id, q.org_id, q.used, q.seats, q.allocated,
        (SELECT count(*) FROM nominations n WHERE n.programme_id = q.programme_id AND n.quota_org_id = q.org_id
           AND n.status = 'selected') AS selected,
        (SELECT coalesce(sum(c.seats), 0) FROM quota_allocations c WHERE c.programme_id = q.programme_id AND c.parent_org_id = q.org_id) AS children
      FROM quota_allocations q`);
    expect(bad.length).toBeGreaterThan(3);
    for (const q of bad as Array<Record<string, string | number>>) {
      expect(Number(q.used)).toBe(Number(q.selected));
      expect(Number(q.children)).toBeLessThanOrEqual(Number(q.seats));
      expect(Number(q.allocated)).toBe(Number(q.children));
      expect(Number(q.used) + Number(q.children)).toBeLessThanOrEqual(Number(q.seats));
    }
    const statuses = await rows<{ status: string }>('SELECT DISTINCT status FROM nominations ORDER BY 1');
    // candidates: the competitive programme (R-004-59), whose provider is still selecting
    expect(statuses.map((s) => s.status)).toEqual(['candidate', 'selected', 'waitlisted']);
    // an override (when the region has a candidate failing only a soft rule) carries its reason in the eligibility
    expect(
      await rows(`SELECT 1 FROM nominations WHERE override_reason IS NOT NULL
        AND eligibility::text NOT LIKE '%overrideReason%'`),
    ).toEqual([]);
    expect(await rows('SELECT 1 FROM nomination_refusals')).toHaveLength(1);
  });

  it('R-004-59: the trainer programme has ⌈1 × 1.2⌉ = 2 candidates per one-seat school, scored by its provider, six schools decided (one selected, one not, with a reason), none submitted', async () => {
    const [p4] = await rows<{ id: string }>(
      "SELECT id FROM programmes WHERE project_type_code = 'trainer_advanced'",
    );
    const nodes = await rows<{ org_id: string; seats: number; n: string }>(`
      SELECT q.org_id, q.seats, (SELECT count(*) FROM nominations n WHERE n.programme_id = q.programme_id
        AND n.quota_org_id = q.org_id AND n.status = 'candidate') AS n
      FROM quota_allocations q JOIN orgs o ON o.id = q.org_id
      WHERE q.programme_id = ${p4?.id} AND o.kind = 'school'`);
    // up to ten schools that have two eligible heads (fewer in a small demo region)
    expect(nodes.length).toBeGreaterThanOrEqual(6);
    expect(nodes.length).toBeLessThanOrEqual(10);
    for (const q of nodes) expect([Number(q.seats), Number(q.n)]).toEqual([1, 2]);
    const marks = await rows<{ decision: string | null; reason: string | null; score: string | null }>(
      `SELECT decision, reason, score_tenths::text AS score FROM shortlist_marks WHERE programme_id = ${p4?.id}`,
    );
    expect(marks).toHaveLength(2 * nodes.length);
    expect(marks.every((m) => m.score !== null)).toBe(true);
    expect(marks.filter((m) => m.decision === 'selected')).toHaveLength(6);
    expect(marks.filter((m) => m.decision === 'not_selected' && m.reason)).toHaveLength(6);
    // in each decided school the selected candidate scored at least as high as the one not selected
    expect(
      await rows(`SELECT 1 FROM shortlist_marks a JOIN shortlist_marks b
        ON b.programme_id = a.programme_id AND b.quota_org_id = a.quota_org_id
        WHERE a.programme_id = ${p4?.id} AND a.decision = 'selected' AND b.decision = 'not_selected'
          AND a.score_tenths < b.score_tenths`),
    ).toEqual([]);
  });

  it('enrolments come from selected nominations; attendance and leave only for enrolled teachers', async () => {
    expect(
      await rows(`SELECT e.teacher_id FROM class_enrolments e JOIN classes c ON c.id = e.class_id
        WHERE NOT EXISTS (SELECT 1 FROM nominations n WHERE n.programme_id = c.programme_id
          AND n.teacher_id = e.teacher_id AND n.status = 'selected')`),
    ).toEqual([]);
    expect(
      await rows(`SELECT a.teacher_id FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM class_enrolments e
        WHERE e.class_id = a.class_id AND e.teacher_id = a.teacher_id)`),
    ).toEqual([]);
    expect(
      await rows(`SELECT l.teacher_id FROM leave_requests l WHERE NOT EXISTS (SELECT 1 FROM class_enrolments e
        WHERE e.class_id = l.class_id AND e.teacher_id = l.teacher_id)`),
    ).toEqual([]);
    // session check-ins only for sessions held by the as-of day (the KPIs count those begun by now)
    expect(
      await rows(`SELECT 1 FROM attendance a JOIN class_sessions s ON a.slot = 's' || s.id
        WHERE s.session_date > DATE '${AS_OF}'`),
    ).toEqual([]);
  });

  it('hours posted = completed results × the result hours, one certificate per completed teacher', async () => {
    const r = await rows<{
      completed: string;
      certs: string;
      hours: string;
      expected: string;
      posted: string;
    }>(`
      SELECT (SELECT count(*) FROM completion_results WHERE completed) AS completed,
        (SELECT count(*) FROM certificates WHERE revoked_at IS NULL) AS certs,
        (SELECT coalesce(sum(amount_tenths), 0) FROM hour_entries) AS hours,
        (SELECT coalesce(sum(hours_tenths), 0) FROM completion_results WHERE completed) AS expected,
        (SELECT count(*) FROM hour_entries WHERE reverses_id IS NULL) AS posted`);
    const x = r[0];
    expect(Number(x?.completed)).toBeGreaterThan(0);
    expect(x?.certs).toBe(x?.completed);
    expect(x?.posted).toBe(x?.completed);
    expect(x?.hours).toBe(x?.expected);
    // every completed teacher got the same programme hours; nobody not completed has hours
    const distinct = await rows('SELECT DISTINCT hours_tenths FROM completion_results WHERE completed');
    expect(distinct).toHaveLength(1);
    expect(
      await rows(`SELECT 1 FROM hour_entries h JOIN completion_results c ON c.teacher_id = h.teacher_id
        AND c.programme_id = h.programme_id WHERE NOT c.completed`),
    ).toEqual([]);
  });

  it('the demo teacher login completed the provincial programme: certificate and hours', async () => {
    const r = await rows(`SELECT 1 FROM accounts a JOIN certificates c ON c.teacher_id = a.teacher_id
      JOIN hour_entries h ON h.teacher_id = a.teacher_id WHERE a.username = 'teacher'`);
    expect(r).toHaveLength(1);
  });

  it('R-004-20: a no-show on the 诚信档案 is an enrolled teacher with no check-in at all', async () => {
    const r = await rows<{ n: string }>(`SELECT count(*) AS n FROM integrity_records i
      JOIN class_enrolments e ON e.teacher_id = i.teacher_id AND e.programme_id = i.programme_id
      WHERE i.kind = 'no_show' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.teacher_id = i.teacher_id AND a.class_id = e.class_id)`);
    expect(r[0]?.n).toBe('1');
  });

  it('the same seed gives the same data', async () => {
    const again = await createTestDatabase();
    try {
      await syncBuiltinPacks(again.db);
      await loadDemoRegion(again.db, { teachers: 1500, seed: 7, programmes: true, asOf: AS_OF });
      const digest = async (db: DatabaseHandle['db']) =>
        (
          await sql<{ d: string }>`SELECT md5(string_agg(x, '|' ORDER BY x)) AS d FROM (
            SELECT 'n' || teacher_id || status AS x FROM nominations
            UNION ALL SELECT 'a' || class_id || slot || teacher_id || checked_at::text FROM attendance
            UNION ALL SELECT 'c' || certificate_no || teacher_id FROM certificates) u`.execute(db)
        ).rows[0]?.d;
      expect(await digest(again.db)).toBe(await digest(h.db));
    } finally {
      await again.close();
    }
  }, 120_000);
});
