/**
 * The 学时 ledger in the database (issue 12 item 1): append-only whatever the code does (UPDATE, DELETE and
 * TRUNCATE refused by triggers), a reversal is exactly the negative of one posting and happens once, a credit is
 * posted once — also when two transactions post it at the same moment (on PostgreSQL 15 in CI: real concurrency).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import { buildTeacher, schoolIn, seedRegion } from '../../test/factories';
import { createAuditService } from '../audit';
import { type OrgRow, regionKeyOf } from '../org';
import { createThrottleRepository, createThrottleService } from '../throttle';
import {
  type CreditInput,
  createDocumentsRepository,
  createHoursService,
  createLedgerRepository,
  type HoursService,
} from '.';

let h: DatabaseHandle;
let hours: HoursService;
let school: OrgRow;
let teacher: string;
let other: string;

const credit = (over: Partial<CreditInput> = {}): CreditInput => ({
  countyId: regionKeyOf(school),
  teacherId: teacher,
  orgPath: school.path,
  amountTenths: 1200,
  category: 'centralized',
  occurredOn: '2026-08-31',
  source: 'completion',
  creditKey: 'completion:9001',
  ruleId: 'R-004-05',
  programmeId: null,
  classId: null,
  postedBy: null,
  ...over,
});

const post = (rows: CreditInput[]) => h.db.transaction().execute((trx) => hours.postCredits(rows, trx));

async function entries(teacherId: string) {
  return h.db
    .selectFrom('hour_entries')
    .select(['id', 'amount_tenths', 'school_year', 'credit_key', 'revision', 'reverses_id', 'reason'])
    .where('teacher_id', '=', teacherId)
    .orderBy('id')
    .execute();
}

/** The message of the database's refusal, or null when the statement went through. */
async function refusal(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  school = await schoolIn(h.db, '清城', 0);
  teacher = (await buildTeacher(h.db, school)).id;
  other = (await buildTeacher(h.db, school)).id;
  hours = createHoursService({
    db: h.db,
    repo: createLedgerRepository(h.db),
    people: {
      detail: async (_actor, id) => ({ id, name: '', schoolName: '', countyName: null, rolesHeld: [] }),
      rolesOf: async () => [],
      cardOf: async () => undefined,
      namesOf: async () => [],
    },
    audit: createAuditService({ db: h.db }),
    docs: createDocumentsRepository(h.db),
    throttle: createThrottleService({ repo: createThrottleRepository(h.db) }),
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('posting: once per credit, with its school year', () => {
  it('a credit posted twice, or twice in one call, is in the ledger once; 08-31 is the last day of 2025-2026', async () => {
    expect(await post([credit(), credit()])).toBe(1);
    expect(await post([credit()])).toBe(0);
    expect(await entries(teacher)).toEqual([
      {
        id: expect.any(String),
        amount_tenths: 1200,
        school_year: '2025-2026',
        credit_key: 'completion:9001',
        revision: 0,
        reverses_id: null,
        reason: null,
      },
    ]);
    expect(await post([credit({ creditKey: 'completion:9002', occurredOn: '2026-09-01' })])).toBe(1);
    expect((await entries(teacher)).map((e) => e.school_year)).toEqual(['2025-2026', '2026-2027']);
  });

  it('two transactions posting the same credits at the same moment post each once', async () => {
    const batch = Array.from({ length: 20 }, (_, i) =>
      credit({ teacherId: other, creditKey: `completion:${9100 + i}`, amountTenths: 10 + i }),
    );
    const [a, b] = await Promise.all([post(batch), post([...batch].reverse())]);
    expect(a + b).toBe(20);
    const rows = await entries(other);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.credit_key)).size).toBe(20);
  });

  it('a reversed credit is not posted again (the reversal stands); reverseCredits touches only standing ones', async () => {
    const key = 'completion:9200';
    await post([credit({ creditKey: key, amountTenths: 80 })]);
    const by = { by: null, reason: '重新评定为未结业' };
    const reverse = () =>
      h.db.transaction().execute((trx) => hours.reverseCredits(key, [teacher, other], by, trx));
    expect(await reverse()).toBe(1);
    expect(await reverse()).toBe(0);
    expect(await post([credit({ creditKey: key, amountTenths: 80 })])).toBe(0);
    const mine = (await entries(teacher)).filter((e) => e.credit_key === key);
    expect(mine.map((e) => e.amount_tenths)).toEqual([80, -80]);
    expect(mine[1]?.reverses_id).toBe(mine[0]?.id);
    expect((await hours.hoursOf(teacher)).totalTenths).toBe(1200 + 1200);
  });
});

describe('append-only, enforced by the database', () => {
  it('UPDATE, DELETE and TRUNCATE of hour_entries are refused and change nothing', async () => {
    const before = await entries(teacher);
    const id = before[0]?.id as string;
    expect(
      await refusal(sql`UPDATE hour_entries SET amount_tenths = 1 WHERE id = ${id}`.execute(h.db)),
    ).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM hour_entries WHERE id = ${id}`.execute(h.db))).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`TRUNCATE hour_entries`.execute(h.db))).toMatch(/append-only/);
    expect(await entries(teacher)).toEqual(before);
  });

  it('a reversal must be the exact negative of one posting of the same teacher, and only once', async () => {
    const [p] = await entries(teacher);
    if (!p) throw new Error('no posting');
    const reversal = (over: Record<string, unknown>) =>
      h.db
        .insertInto('hour_entries')
        .values({
          county_id: regionKeyOf(school),
          teacher_id: teacher,
          org_path: school.path,
          amount_tenths: -p.amount_tenths,
          category: 'centralized',
          occurred_on: '2026-08-31',
          school_year: p.school_year,
          source: 'completion',
          credit_key: p.credit_key,
          revision: p.revision,
          rule_id: 'R-004-05',
          reverses_id: p.id,
          reason: '误登记',
          ...over,
        })
        .execute();
    const invalid = /a reversal must cancel exactly one posting/;
    expect(await refusal(reversal({ amount_tenths: -(p.amount_tenths - 1) }))).toMatch(invalid);
    expect(await refusal(reversal({ teacher_id: other }))).toMatch(invalid);
    expect(await refusal(reversal({ reverses_id: '999999999' }))).toMatch(invalid);
    expect(await refusal(reversal({ reason: null }))).not.toBeNull();
    expect(await refusal(reversal({}))).toBeNull();
    // a second reversal of it, or a reversal of the reversal
    expect(await refusal(reversal({}))).not.toBeNull();
    const rev = (await entries(teacher)).find((e) => e.reverses_id === p.id);
    expect(await refusal(reversal({ reverses_id: rev?.id, amount_tenths: p.amount_tenths }))).toMatch(
      invalid,
    );
  });

  it('an amount of 0, beyond ±10,000 学时, an unknown category or source, a bad school year: refused', async () => {
    const n = (await entries(teacher)).length;
    for (const bad of [
      credit({ amountTenths: 0, creditKey: 'x:1' }),
      credit({ amountTenths: 100_001, creditKey: 'x:2' }),
      credit({ category: 'sleeping' as CreditInput['category'], creditKey: 'x:3' }),
      credit({ source: 'rumour' as CreditInput['source'], creditKey: 'x:4' }),
    ]) {
      expect(await refusal(post([bad]))).not.toBeNull();
    }
    expect(await refusal(post([credit({ amountTenths: 100_000, creditKey: 'x:5' })]))).toBeNull();
    expect((await entries(teacher)).length).toBe(n + 1);
  });
});
