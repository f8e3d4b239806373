/** Builders for the ledger tests (not shipped: only the tests import this file). */
import { type HourCategory, type LedgerEntry, schoolYearOf } from './types';

let serial = 0;

/** One credit of `amountTenths` in `category` on `occurredOn` (school year from the date, default start). */
export function credit(
  amountTenths: number,
  category: HourCategory,
  occurredOn: string,
  extra: Partial<LedgerEntry> = {},
): LedgerEntry {
  serial += 1;
  return {
    id: `e${String(serial).padStart(6, '0')}`,
    teacherId: 't1',
    amountTenths,
    category,
    occurredOn,
    schoolYear: schoolYearOf(occurredOn),
    source: 'claim',
    ruleId: 'Y-HOURS-TEST',
    reversesId: null,
    postedAt: `${occurredOn}T08:00:00.000Z`,
    ...extra,
  };
}

/** The reversal of `entry`, posted at `postedAt`. */
export function reversalOf(entry: LedgerEntry, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  serial += 1;
  return {
    ...entry,
    id: `r${String(serial).padStart(6, '0')}`,
    amountTenths: 0 - entry.amountTenths,
    source: 'adjustment',
    reversesId: entry.id,
    postedAt: `${entry.occurredOn}T09:00:00.000Z`,
    ...extra,
  };
}

/** A small seeded PRNG (mulberry32), the same as the exam tests use: [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
