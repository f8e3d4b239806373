/**
 * A teacher's record explains its balance line by line (issue 12 item 2): workshop hours over 6 a day or 40 a school
 * year are recorded but not counted (R3-W16), with the reason in words and the rule beside it; a reversed posting
 * counts nothing; 校本研修 24 学时 a school year (R3-S02) and a 教研员's 90 (R-002-19) are judged; the cycle total
 * (Y-HOURS-CYCLE) and whether the teacher is on track. Changing nothing in the ledger, the rules decide.
 */
import type { TeacherHours } from '@yanxun/contracts';
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
let school: OrgRow;
const roles = new Map<string, string[]>();
/** 2027-03-15, 10:00 in Shanghai: the second term of the cycle's first school year (2026-2027). */
const NOW = new Date('2027-03-15T02:00:00Z');

function service(): HoursService {
  return createHoursService({
    db: h.db,
    repo: createLedgerRepository(h.db),
    people: {
      detail: async (_a, id) => ({ id, name: '', schoolName: '', countyName: null, rolesHeld: [] }),
      rolesOf: async (id) => roles.get(id) ?? [],
      cardOf: async () => undefined,
      namesOf: async () => [],
    },
    audit: createAuditService({ db: h.db }),
    docs: createDocumentsRepository(h.db),
    throttle: createThrottleService({ repo: createThrottleRepository(h.db) }),
    clock: () => NOW,
  });
}

async function teacherWith(credits: Array<Partial<CreditInput>>, role?: string): Promise<string> {
  const id = (await buildTeacher(h.db, school)).id;
  if (role) roles.set(id, [role]);
  await h.db.transaction().execute((trx) =>
    service().postCredits(
      credits.map((c, i) => ({
        countyId: regionKeyOf(school),
        teacherId: id,
        orgPath: school.path,
        amountTenths: 60,
        category: 'workshop' as const,
        occurredOn: '2026-10-10',
        source: 'activity' as const,
        creditKey: `activity:${i}`,
        ruleId: 'R3-W16',
        postedBy: null,
        ...c,
      })),
      trx,
    ),
  );
  return id;
}

const record = (teacherId: string): Promise<TeacherHours> => service().hoursOf(teacherId);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  school = await schoolIn(h.db, '清城', 0);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('R3-W16 workshop hours: 6 a day, 40 a school year', () => {
  it('6 学时 for one day counts; 6.1 for one day counts 6 and says why the 0.1 does not', async () => {
    const ok = await record(await teacherWith([{ amountTenths: 60, days: 1 }]));
    expect(ok.entries[0]).toMatchObject({ hoursTenths: 60, countedTenths: 60, notCounted: null });
    const over = await record(await teacherWith([{ amountTenths: 61, days: 1 }]));
    expect(over.entries[0]).toMatchObject({ hoursTenths: 61, countedTenths: 60 });
    expect(over.entries[0]?.notCounted).toMatchObject({ tenths: 1, ruleId: 'R3-W16' });
    expect(over.entries[0]?.notCounted?.message).toMatch(/学时/);
    expect(over.entries[0]?.notCounted?.message).not.toMatch(/R3-W16/);
    // the reasons by code and values, for the web to word in the user's language
    expect(over.entries[0]?.notCounted?.reasons).toEqual([
      {
        code: 'DAY_CAP',
        ruleId: 'R3-W16',
        values: { dayCapTenths: 60, days: 1, limitTenths: 60, amountTenths: 61, notCountedTenths: 1 },
      },
    ]);
    expect(over.totalTenths).toBe(60);
  });

  it('40 学时 in a school year count; the entry crossing 40 counts up to it, the next school year starts again', async () => {
    const days = Array.from({ length: 7 }, (_, i) => ({
      amountTenths: 60,
      days: 1,
      occurredOn: `2026-10-${String(10 + i).padStart(2, '0')}`,
    }));
    const r = await record(
      await teacherWith([...days, { amountTenths: 60, days: 1, occurredOn: '2027-09-01' }]),
    );
    // newest first: 2027-09-01 (next school year) counts whole; of 7 × 6 = 42 in 2026-2027, 40 count
    expect(r.entries.map((e) => e.countedTenths)).toEqual([60, 40, 60, 60, 60, 60, 60, 60]);
    expect(r.entries[1]?.notCounted).toMatchObject({ tenths: 20, ruleId: 'R3-W16' });
    expect(r.entries[1]?.notCounted?.reasons).toMatchObject([
      { code: 'YEAR_CAP', values: { yearCapTenths: 400, countedBeforeTenths: 360, notCountedTenths: 20 } },
    ]);
    expect(r.totalTenths).toBe(400 + 60);
    expect(r.standing.years).toEqual([
      {
        schoolYear: '2026-2027',
        countedTenths: 400,
        notCountedTenths: 20,
        categories: [{ category: 'workshop', countedTenths: 400, notCountedTenths: 20 }],
      },
      {
        schoolYear: '2027-2028',
        countedTenths: 60,
        notCountedTenths: 0,
        categories: [{ category: 'workshop', countedTenths: 60, notCountedTenths: 0 }],
      },
    ]);
  });
});

describe('requirements and the cycle', () => {
  it('R3-S02 24 学时 of 校本研修 in the school year: 23.9 is 0.1 behind; 24 is met', async () => {
    const base = { category: 'school_based' as const, source: 'activity' as const, ruleId: 'R3-S02' };
    const short = await record(await teacherWith([{ ...base, amountTenths: 239 }]));
    const req = short.standing.requirements.find(
      (x) => x.ruleId === 'R3-S02' && x.schoolYear === '2026-2027',
    );
    expect(req).toMatchObject({ requiredTenths: 240, countedTenths: 239, behindTenths: 1, met: false });
    expect(req?.status).not.toBe('met');
    const met = await record(await teacherWith([{ ...base, amountTenths: 240 }]));
    expect(
      met.standing.requirements.find((x) => x.ruleId === 'R3-S02' && x.schoolYear === '2026-2027'),
    ).toMatchObject({ countedTenths: 240, met: true, status: 'met', behindTenths: 0 });
  });

  it('R-002-19 a 教研员 needs 90 学时 a school year; a teacher who is not one has no such requirement', async () => {
    const credit = { category: 'research' as const, amountTenths: 899, ruleId: 'R-002-19' };
    const researcher = await record(await teacherWith([credit], 'researcher'));
    expect(researcher.standing.requirements.find((x) => x.ruleId === 'R-002-19')).toMatchObject({
      requiredTenths: 900,
      countedTenths: 899,
      behindTenths: 1,
      met: false,
      groupName: expect.any(String),
    });
    const teacher = await record(await teacherWith([credit]));
    expect(teacher.standing.requirements.find((x) => x.ruleId === 'R-002-19')).toBeUndefined();
  });

  it('Y-HOURS-CYCLE the cycle 2026-2027 … 2030-2031 of 360 学时: counted so far and how much is left', async () => {
    const r = await record(
      await teacherWith([
        { category: 'centralized', amountTenths: 1200, ruleId: 'R-004-05', creditKey: 'completion:1' },
      ]),
    );
    expect(r.standing.asOf).toBe('2027-03-15');
    expect(r.standing.cycle).toMatchObject({
      schoolYears: ['2026-2027', '2027-2028', '2028-2029', '2029-2030', '2030-2031'],
      targetTenths: 3600,
      countedTenths: 1200,
      behindTenths: 2400,
      targetRuleId: 'Y-HOURS-CYCLE',
      elapsedYears: 0,
    });
    // in the cycle's first school year nothing is expected yet
    expect(r.standing.cycle.onTrack).toBe(true);
  });

  it('a reversed posting counts nothing and frees the school year’s cap for the others', async () => {
    const id = await teacherWith([
      { amountTenths: 400, days: 7, creditKey: 'activity:big' },
      { amountTenths: 60, days: 1, occurredOn: '2026-11-01', creditKey: 'activity:late' },
    ]);
    const before = await record(id);
    expect(before.totalTenths).toBe(400);
    const big = before.entries.find((e) => e.hoursTenths === 400);
    await h.db
      .transaction()
      .execute((trx) =>
        service().reverseCredits('activity:big', [id], { by: null, reason: '活动取消' }, trx),
      );
    const after = await record(id);
    expect(after.entries.find((e) => e.id === big?.id)).toMatchObject({
      countedTenths: 0,
      reverseReason: '活动取消',
    });
    expect(after.entries.find((e) => e.hoursTenths === 60)).toMatchObject({
      countedTenths: 60,
      notCounted: null,
    });
    expect(after.totalTenths).toBe(60);
  });
});
