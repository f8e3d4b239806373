/**
 * Posting at an explicit revision keeps the ledger's guarantee that a credit has at most one standing posting:
 * revision n + 1 only after revision n has its reversal, once per revision (also two at the same moment).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { createTestDatabase } from '../../../test/db';
import { buildTeacher, schoolIn, seedRegion } from '../../../test/factories';
import { type OrgRow, regionKeyOf } from '../../org';
import { type CreditWrite, createLedgerRepository } from '../ledger.repository';
import { createRevisionsRepository } from './revisions.repository';

let h: DatabaseHandle;
let school: OrgRow;
let teacher: string;
const at = new Date('2026-11-01T00:00:00Z');

const credit = (amountTenths: number): CreditWrite => ({
  countyId: regionKeyOf(school),
  teacherId: teacher,
  orgPath: school.path,
  amountTenths,
  days: 1,
  category: 'online',
  occurredOn: '2026-10-01',
  schoolYear: '2026-2027',
  source: 'import',
  creditKey: 'import:smartedu:R-1',
  ruleId: 'Y-HOURS-IMPORT-DAY',
  provenanceSystem: 'smartedu',
  provenanceRecord: 'R-1',
  postedBy: null,
});

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  school = await schoolIn(h.db, '清城', 0);
  teacher = (await buildTeacher(h.db, school)).id;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('postRevision', () => {
  it('Y-HOURS-REVERSAL: revision 1 only after revision 0 is reversed, once; never skipping a revision', async () => {
    const ledger = createLedgerRepository(h.db);
    const revisions = createRevisionsRepository(h.db);
    expect(await ledger.post([credit(10)], at)).toBe(1);
    expect(await revisions.postRevision([{ ...credit(20), revision: 1 }], at)).toBe(0);
    const [latest] = await revisions.latest([{ teacherId: teacher, creditKey: 'import:smartedu:R-1' }]);
    expect(latest).toMatchObject({
      revision: 0,
      amount_tenths: 10,
      reversed: false,
      days: 1,
      occurred_on: '2026-10-01',
    });
    await ledger.reverse([{ countyId: latest?.county_id ?? '', id: latest?.id ?? '' }], {
      by: null,
      reason: '记录已变更',
      at,
    });
    const twice = await Promise.all([
      h.db.transaction().execute((trx) => revisions.postRevision([{ ...credit(20), revision: 1 }], at, trx)),
      h.db.transaction().execute((trx) => revisions.postRevision([{ ...credit(20), revision: 1 }], at, trx)),
    ]);
    expect(twice[0] + twice[1]).toBe(1);
    expect(await revisions.postRevision([{ ...credit(30), revision: 3 }], at)).toBe(0);
    await expect(revisions.postRevision([{ ...credit(30), revision: 0 }], at)).rejects.toThrow(RangeError);
    const [now] = await revisions.latest([{ teacherId: teacher, creditKey: 'import:smartedu:R-1' }]);
    expect(now).toMatchObject({ revision: 1, amount_tenths: 20, reversed: false });
  });
});
