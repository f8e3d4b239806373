/**
 * The ledger invariants of issue 12 as property tests: hundreds of random ledgers from a seeded PRNG (no new
 * dependency), each checked for every invariant. A failure names the seed and the ledger's index.
 */
import { describe, expect, it } from 'vitest';
import { pv } from '../programs/policy-pack';
import { evaluateLedger, type LedgerEvaluation } from './evaluate';
import { seeded } from './ledger.test-data';
import { DEFAULT_HOUR_RULES, dayLimitTenths, RESEARCHER_GROUP } from './rules';
import { HOUR_CATEGORIES, type HourRules, type LedgerEntry, schoolYearOf } from './types';

const LEDGERS = 300;

type Rnd = () => number;

function pick<T>(rnd: Rnd, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function randomDate(rnd: Rnd): string {
  // 2025-06 … 2032-05: before, across and after the 2026-2027 … 2030-2031 cycle
  const day = new Date(Date.UTC(2025, 5, 1) + Math.floor(rnd() * 7 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A random ledger of one teacher: credits (some over caps, some with days), reversals, and a few bad lines. */
function randomLedger(rnd: Rnd, tag: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const count = Math.floor(rnd() * 40);
  for (let i = 0; i < count; i += 1) {
    const occurredOn = randomDate(rnd);
    const category = pick(rnd, HOUR_CATEGORIES);
    const roll = rnd();
    const earlier = entries.length > 0 ? pick(rnd, entries) : undefined;
    const id = `${tag}-${String(i).padStart(3, '0')}`;
    const postedAt = `${occurredOn}T${String(Math.floor(rnd() * 24)).padStart(2, '0')}:00:00.000Z`;
    if (roll < 0.15 && earlier) {
      // a reversal, sometimes of an entry already reversed, sometimes not exact, sometimes of nothing
      const exact = rnd() < 0.85;
      entries.push({
        ...earlier,
        id,
        amountTenths: exact ? 0 - earlier.amountTenths : -1 - earlier.amountTenths, // 0 - x: no -0
        reversesId: rnd() < 0.9 ? earlier.id : `${tag}-missing`,
        source: 'adjustment',
        occurredOn,
        postedAt,
        schoolYear: schoolYearOf(occurredOn),
      });
      continue;
    }
    const amountTenths =
      roll < 0.2 ? pick(rnd, [0, -5, 2.5]) : 1 + Math.floor(rnd() * (rnd() < 0.3 ? 900 : 120));
    const days =
      category === 'workshop' || category === 'centralized' ? pick(rnd, [null, 1, 2, 0.5, 3]) : null;
    entries.push({
      id,
      teacherId: 't1',
      amountTenths,
      category,
      occurredOn,
      schoolYear: schoolYearOf(occurredOn),
      source: pick(rnd, ['completion', 'claim', 'import', 'xapi', 'activity'] as const),
      ruleId: 'Y-HOURS-TEST',
      reversesId: null,
      postedAt,
      days,
    });
  }
  return entries;
}

function shuffled<T>(rnd: Rnd, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Every total of an evaluation (what a report shows), without the lines. */
function totals(e: LedgerEvaluation) {
  const { lines: _lines, errorCount: _errors, ...rest } = e;
  return rest;
}

function forEachLedger(seed: number, check: (entries: LedgerEntry[], rnd: Rnd, i: number) => void): void {
  const rnd = seeded(seed);
  for (let i = 0; i < LEDGERS; i += 1) check(randomLedger(rnd, `s${seed}l${i}`), rnd, i);
}

const asOfs = ['2026-06-01', '2027-09-01', '2029-03-15', '2031-09-01'];

describe('ledger invariants (issue 12), over random ledgers', () => {
  it('balance = the sum of the counted amounts; counted + not counted = amount on every line', () => {
    forEachLedger(1, (entries, rnd, i) => {
      const e = evaluateLedger(entries, DEFAULT_HOUR_RULES, { asOf: pick(rnd, asOfs) });
      expect(e.lines).toHaveLength(entries.length);
      expect(e.balance, `ledger ${i}`).toBe(e.lines.reduce((s, l) => s + l.countedTenths, 0));
      for (const l of e.lines) {
        expect(l.countedTenths + l.notCountedTenths, `ledger ${i} ${l.entry.id}`).toBe(l.entry.amountTenths);
        // an entry line explains itself exactly when part of it is not counted; other lines always do
        const explained = l.kind === 'entry' ? l.notCountedTenths !== 0 : true;
        expect(l.reason !== null, `ledger ${i} ${l.entry.id}`).toBe(explained);
        expect(l.message === null).toBe(l.reason === null);
        if (l.kind !== 'entry') expect(l.countedTenths).toBe(0);
        else expect(l.countedTenths).toBeGreaterThanOrEqual(0);
      }
      const cells = e.byYearCategory.reduce((s, c) => s + c.countedTenths, 0);
      expect(cells).toBe(e.balance);
      expect(e.byYear.reduce((s, y) => s + y.countedTenths, 0)).toBe(e.balance);
    });
  });

  it('Y-HOURS-REVERSAL: adding an entry and its reversal leaves every total unchanged', () => {
    forEachLedger(2, (entries, rnd, i) => {
      const options = { asOf: pick(rnd, asOfs), group: RESEARCHER_GROUP };
      const before = evaluateLedger(entries, DEFAULT_HOUR_RULES, options);
      const occurredOn = randomDate(rnd);
      const extra: LedgerEntry = {
        id: `extra-${i}`,
        teacherId: 't1',
        amountTenths: 1 + Math.floor(rnd() * 500),
        category: pick(rnd, HOUR_CATEGORIES),
        occurredOn,
        schoolYear: schoolYearOf(occurredOn),
        source: 'claim',
        ruleId: 'Y-HOURS-TEST',
        reversesId: null,
        postedAt: `${occurredOn}T12:00:00.000Z`,
        days: rnd() < 0.5 ? 1 : null,
      };
      const later = randomDate(rnd);
      const reversal: LedgerEntry = {
        ...extra,
        id: `extra-rev-${i}`,
        amountTenths: -extra.amountTenths,
        reversesId: extra.id,
        occurredOn: later,
        schoolYear: schoolYearOf(later),
        postedAt: `${later}T13:00:00.000Z`,
      };
      const after = evaluateLedger(shuffled(rnd, [...entries, extra, reversal]), DEFAULT_HOUR_RULES, options);
      expect(totals(after), `ledger ${i}`).toEqual(totals(before));
      const pair = after.lines.filter((l) => l.entry.id === extra.id || l.entry.id === reversal.id);
      expect(pair.map((l) => l.kind).sort()).toEqual(['reversal', 'reversed']);
      expect(pair.reduce((s, l) => s + l.entry.amountTenths, 0)).toBe(0);
    });
  });

  it('R3-W16, R-004-05: counted totals never exceed a cap (per day, per school year and category)', () => {
    const rules = structuredClone(DEFAULT_HOUR_RULES);
    rules.categories.online = { yearCapTenths: pv(500, 'Y-HOURS-TEST', 'test') };
    forEachLedger(3, (entries, _rnd, i) => {
      const e = evaluateLedger(entries, rules, { asOf: '2031-09-01' });
      for (const c of e.byYearCategory) {
        const cap = rules.categories[c.category]?.yearCapTenths?.value;
        if (cap !== undefined)
          expect(c.countedTenths, `ledger ${i} ${c.schoolYear} ${c.category}`).toBeLessThanOrEqual(cap);
      }
      for (const l of e.lines) {
        const dayCap = rules.categories[l.entry.category]?.dayCapTenths?.value;
        const days = l.entry.days;
        if (l.kind === 'entry' && dayCap !== undefined && typeof days === 'number')
          expect(l.countedTenths, `ledger ${i} ${l.entry.id}`).toBeLessThanOrEqual(
            dayLimitTenths(days, dayCap),
          );
      }
    });
  });

  it('re-evaluation is deterministic: any order of the same entries gives the same evaluation', () => {
    forEachLedger(4, (entries, rnd, i) => {
      const options = { asOf: pick(rnd, asOfs) };
      const a = evaluateLedger(entries, DEFAULT_HOUR_RULES, options);
      const b = evaluateLedger(shuffled(rnd, entries), DEFAULT_HOUR_RULES, options);
      expect(b, `ledger ${i}`).toEqual(a);
      const lines = a.lines.map((l) => l.entry);
      const sortedKeys = lines.map((x) => `${x.occurredOn}|${x.postedAt}|${x.id}`);
      expect(sortedKeys).toEqual([...sortedKeys].sort());
    });
  });

  it('changing the rules re-evaluates the same entries without changing them', () => {
    const looser: HourRules = structuredClone(DEFAULT_HOUR_RULES);
    looser.categories.workshop = {
      dayCapTenths: pv(80, 'R3-W16', 'test'),
      yearCapTenths: pv(800, 'R3-W16', 'test'),
    };
    looser.cycleTotalTenths = pv(5400, 'Y-HOURS-CYCLE', 'test');
    forEachLedger(5, (entries, rnd, i) => {
      const snapshot = structuredClone(entries);
      const options = { asOf: pick(rnd, asOfs) };
      const strict = evaluateLedger(entries, DEFAULT_HOUR_RULES, options);
      const loose = evaluateLedger(entries, looser, options);
      expect(entries, `ledger ${i}`).toEqual(snapshot);
      expect(loose.balance).toBeGreaterThanOrEqual(strict.balance);
      expect(loose.cycle.targetTenths).toBe(5400);
      // only workshop lines can differ
      strict.lines.forEach((l, k) => {
        if (l.entry.category !== 'workshop') expect(loose.lines[k]).toEqual(l);
      });
      // and evaluating again under the first rules gives the first answer
      expect(evaluateLedger(entries, DEFAULT_HOUR_RULES, options)).toEqual(strict);
    });
  });
});
