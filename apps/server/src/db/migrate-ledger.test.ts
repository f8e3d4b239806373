/**
 * Migration 0018 moves the 学时 posted so far (teacher_hours) into the ledger: each posting with its id, dated by its
 * class's end (or the day it was posted, Asia/Shanghai) and that day's school year; a reversed one as its posting
 * plus a reversal entry with the reason; a zero posting left out; then teacher_hours is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPglite, type DatabaseHandle } from './database';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const LEDGER = '0018_hours_ledger.sql';

let instance: PGlite;
let h: DatabaseHandle;

const run = (file: string) => sql.raw(fs.readFileSync(path.join(DIR, file), 'utf8')).execute(h.db);

beforeAll(async () => {
  instance = await PGlite.create();
  h = await connectPglite({ instance });
  for (const f of files.filter((x) => x < LEDGER)) await run(f);
  await sql`INSERT INTO teacher_hours (county_id, id, teacher_id, programme_id, class_id, org_path, hours_tenths,
      rule_id, posted_at, posted_by, reversed_at, reversed_by, reverse_reason)
    VALUES (7, 11, 101, 5, NULL, '/1/7/9/', 1200, 'R-004-05', '2026-07-10T02:00:00Z', 3, NULL, NULL, NULL),
      (7, 12, 102, 5, NULL, '/1/7/9/', 1200, 'R-004-05', '2026-08-31T17:00:00Z', 3, '2026-11-02T03:00:00Z', 4, '重复登记'),
      (7, 13, 103, 5, NULL, '/1/7/9/', 800, 'R-004-05', '2026-09-02T02:00:00Z', 3, '2026-11-02T03:00:00Z', 4, 'x'),
      (7, 14, 104, 5, NULL, '/1/7/9/', 0, 'R-004-05', '2026-09-02T02:00:00Z', 3, NULL, NULL, NULL)`.execute(
    h.db,
  );
  await run(LEDGER);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await instance?.close();
});

describe('migration 0018: teacher_hours into the ledger', () => {
  it('keeps each posting with its id, school year and rule; a reversed one gets its reversal; zero is left out', async () => {
    const rows = await sql<Record<string, unknown>>`
      SELECT id::text, teacher_id::text, amount_tenths, category, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on,
        school_year, source, credit_key, revision, rule_id, reverses_id::text, reason, posted_by::text
      FROM hour_entries ORDER BY id`.execute(h.db);
    const base = { category: 'centralized', source: 'completion', credit_key: 'completion:5', revision: 0 };
    expect(rows.rows).toEqual([
      {
        ...base,
        id: '11',
        teacher_id: '101',
        amount_tenths: 1200,
        occurred_on: '2026-07-10',
        school_year: '2025-2026',
        rule_id: 'R-004-05',
        reverses_id: null,
        reason: null,
        posted_by: '3',
      },
      // posted at 01:00 on 1 September in Shanghai: the new school year
      {
        ...base,
        id: '12',
        teacher_id: '102',
        amount_tenths: 1200,
        occurred_on: '2026-09-01',
        school_year: '2026-2027',
        rule_id: 'R-004-05',
        reverses_id: null,
        reason: null,
        posted_by: '3',
      },
      {
        ...base,
        id: '13',
        teacher_id: '103',
        amount_tenths: 800,
        occurred_on: '2026-09-02',
        school_year: '2026-2027',
        rule_id: 'R-004-05',
        reverses_id: null,
        reason: null,
        posted_by: '3',
      },
      {
        ...base,
        id: expect.any(String),
        teacher_id: '102',
        amount_tenths: -1200,
        occurred_on: '2026-09-01',
        school_year: '2026-2027',
        rule_id: 'R-004-05',
        reverses_id: '12',
        reason: '重复登记',
        posted_by: '4',
      },
      {
        ...base,
        id: expect.any(String),
        teacher_id: '103',
        amount_tenths: -800,
        occurred_on: '2026-09-02',
        school_year: '2026-2027',
        rule_id: 'R-004-05',
        reverses_id: '13',
        reason: '撤销学时',
        posted_by: '4',
      },
    ]);
    const ids = rows.rows.map((r) => Number(r.id));
    expect(Math.min(...ids.slice(3))).toBeGreaterThan(13);
  });

  it('drops teacher_hours, and the ledger goes on numbering after the kept ids', async () => {
    const t = await sql`SELECT 1 FROM information_schema.tables WHERE table_name = 'teacher_hours'`.execute(
      h.db,
    );
    expect(t.rows).toEqual([]);
    const next = await sql<{ id: string }>`
      INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, category, occurred_on, school_year,
        source, credit_key, rule_id)
      VALUES (7, 105, '/1/7/9/', 60, 'workshop', '2026-10-10', '2026-2027', 'activity', 'activity:1', 'R3-W16')
      RETURNING id::text`.execute(h.db);
    expect(Number(next.rows[0]?.id)).toBeGreaterThan(13);
  });
});
