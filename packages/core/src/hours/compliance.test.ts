/**
 * 学时 compliance from totals (issue 12 item 6): the thresholds of a day at both sides of each rule, and a
 * property test holding `teacherCompliance(totalsOf(…))` to `evaluateLedger` on random well-formed ledgers (the
 * shape the database allows), so a report over a whole county says what each teacher's own record says.
 */
import { describe, expect, it } from 'vitest';
import { pv } from '../programs/policy-pack';
import {
  complianceThresholds,
  DEFAULT_GROUP,
  dayCapsOf,
  groupOf,
  teacherCompliance,
  totalsOf,
} from './compliance';
import { evaluateLedger } from './evaluate';
import { credit, reversalOf, seeded } from './ledger.test-data';
import { DEFAULT_HOUR_RULES, RESEARCHER_GROUP } from './rules';
import { HOUR_CATEGORIES, type HourRules, type LedgerEntry, schoolYearOf } from './types';

const rules = DEFAULT_HOUR_RULES;

describe('complianceThresholds', () => {
  it('Y-HOURS-ON-TRACK: nothing is expected until a school year of the cycle has ended, then 1/5 of 360', () => {
    const before = complianceThresholds(rules, '2027-08-31');
    const after = complianceThresholds(rules, '2027-09-01');
    expect(before.elapsedYears).toBe(0);
    expect(before.groups[0]).toMatchObject({ group: DEFAULT_GROUP, targetTenths: 3600, expectedTenths: 0 });
    expect(after.elapsedYears).toBe(1);
    expect(after.groups[0]?.expectedTenths).toBe(720);
    expect(after.schoolYear).toBe('2027-2028');
    expect(after.inCycle).toBe(true);
  });

  it('Y-HOURS-YEAR-PACE and R3-S02: 校本研修 due pro rata from nothing on 1 September to all 24 学时 by 31 August', () => {
    const first = complianceThresholds(rules, '2026-09-01');
    const last = complianceThresholds(rules, '2027-08-31');
    const mid = complianceThresholds(rules, '2027-03-02');
    const sb = (t: typeof first) => t.categories.find((c) => c.category === 'school_based');
    expect(first.yearDaysGone).toBe(0);
    expect(sb(first)).toMatchObject({ requiredTenths: 240, paceTenths: 0, ruleId: 'R3-S02' });
    expect(last.yearDays).toBe(365);
    expect(sb(last)?.paceTenths).toBe(240); // ceil(240 × 364 / 365)
    expect(mid.yearDaysGone).toBe(182);
    expect(sb(mid)?.paceTenths).toBe(Math.ceil((240 * 182) / 365));
  });

  it('R-002-19: the 教研员 group has its yearly 90 学时 and a pace; the default group has no yearly total', () => {
    const t = complianceThresholds(rules, '2027-03-02');
    const researcher = t.groups.find((g) => g.group === RESEARCHER_GROUP);
    expect(researcher).toMatchObject({ name: '教研员', yearMinTenths: 900, yearMinRuleId: 'R-002-19' });
    expect(researcher?.yearPaceTenths).toBe(Math.ceil((900 * 182) / 365));
    expect(t.groups[0]?.yearMinTenths).toBeNull();
    expect(groupOf(rules, ['researcher', 'head_teacher'])).toBe(RESEARCHER_GROUP);
    expect(groupOf(rules, ['head_teacher'])).toBe(DEFAULT_GROUP);
  });
});

describe('teacherCompliance', () => {
  const asOf = '2027-09-01'; // one school year of the cycle gone: 72 学时 expected
  const t = complianceThresholds(rules, asOf);

  it('Y-HOURS-ON-TRACK at both sides: 72 学时 is on track, 71.9 is 0.1 behind', () => {
    const on = teacherCompliance(totalsOf([credit(720, 'online', '2027-05-01')], {}), t);
    const off = teacherCompliance(totalsOf([credit(719, 'online', '2027-05-01')], {}), t);
    expect(on).toMatchObject({ onTrack: true, shortOfExpectedTenths: 0, cycleLeftTenths: 2880 });
    expect(off).toMatchObject({ onTrack: false, shortOfExpectedTenths: 1 });
    expect(off.message).toContain('落后 0.1 学时');
  });

  it('R3-W16: workshop hours count at most 6 a day and 40 a school year, as the ledger counts them', () => {
    const entries = [
      credit(100, 'workshop', '2026-10-10', { days: 1 }), // 6 of 10 count
      credit(500, 'workshop', '2026-11-10'), // only 34 left of 40
      credit(720, 'online', '2027-05-01'),
    ];
    const c = teacherCompliance(totalsOf(entries, dayCapsOf(rules)), t);
    expect(c.cycleCountedTenths).toBe(400 + 720);
    expect(c.cycleCountedTenths).toBe(evaluateLedger(entries, rules, { asOf }).cycle.countedTenths);
  });

  it('a reversal takes back exactly what its posting added', () => {
    const p = credit(300, 'centralized', '2026-10-10', { days: 2 });
    const c = teacherCompliance(totalsOf([p, reversalOf(p)], dayCapsOf(rules)), t);
    expect(c.cycleCountedTenths).toBe(0);
  });

  it('R3-S02 at both sides of the pace', () => {
    const mid = complianceThresholds(rules, '2027-03-02');
    const pace = mid.categories.find((x) => x.category === 'school_based')?.paceTenths ?? -1;
    const at = teacherCompliance(totalsOf([credit(pace, 'school_based', '2026-10-01')], {}), mid);
    const below = teacherCompliance(totalsOf([credit(pace - 1, 'school_based', '2026-10-01')], {}), mid);
    expect(at.yearOnPace).toBe(true);
    expect(below.yearOnPace).toBe(false);
    expect(below.categories[0]).toMatchObject({ category: 'school_based', shortTenths: 1, onPace: false });
    expect(below.message).toContain('2026—2027 学年校本研修已计');
  });
});

// ---------------------------------------------------------------------------------------------------------

type Rnd = () => number;
const pick = <T>(rnd: Rnd, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

function randomDate(rnd: Rnd): string {
  const day = new Date(Date.UTC(2025, 5, 1) + Math.floor(rnd() * 7 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** What the database admits: positive whole postings, days 1…366 or none, each reversed at most once exactly. */
function wellFormedLedger(rnd: Rnd, tag: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  const reversed = new Set<string>();
  const count = Math.floor(rnd() * 40);
  for (let i = 0; i < count; i += 1) {
    const postings = entries.filter((e) => e.reversesId === null && !reversed.has(e.id));
    const id = `${tag}-${String(i).padStart(3, '0')}`;
    if (rnd() < 0.2 && postings.length > 0) {
      const target = pick(rnd, postings);
      reversed.add(target.id);
      entries.push({
        ...target,
        id,
        amountTenths: 0 - target.amountTenths,
        reversesId: target.id,
        source: 'adjustment',
      });
      continue;
    }
    const occurredOn = randomDate(rnd);
    const category = pick(rnd, HOUR_CATEGORIES);
    const days = category === 'workshop' || category === 'centralized' ? pick(rnd, [null, 1, 2, 3]) : null;
    entries.push({
      id,
      teacherId: 't1',
      amountTenths: 1 + Math.floor(rnd() * (rnd() < 0.3 ? 900 : 120)),
      category,
      occurredOn,
      schoolYear: schoolYearOf(occurredOn),
      source: 'claim',
      ruleId: 'Y-HOURS-TEST',
      reversesId: null,
      postedAt: `${occurredOn}T${String(Math.floor(rnd() * 24)).padStart(2, '0')}:00:00.000Z`,
      days,
    });
  }
  return entries;
}

/** The defaults plus caps and minimums on more categories, so the property meets every kind of rule. */
const STRICT: HourRules = {
  ...rules,
  yearMinTenths: pv(500, 'Y-TEST-YEAR-MIN', 'test', 'test'),
  categories: {
    ...rules.categories,
    online: {
      yearCapTenths: pv(300, 'Y-TEST-CAP', 'test', 'test'),
      yearMinTenths: pv(100, 'Y-TEST-MIN', 'test', 'test'),
    },
    practice: { dayCapTenths: pv(45, 'Y-TEST-DAY', 'test', 'test') },
  },
};

describe('teacherCompliance(totalsOf(ledger)) agrees with evaluateLedger (property, 300 ledgers × 2 rule sets)', () => {
  it.each([
    ['the defaults', rules],
    ['stricter rules', STRICT],
  ])('under %s: counted per cycle, year and category, expected and on track', (_name, r) => {
    const rnd = seeded(20261206);
    for (let k = 0; k < 300; k += 1) {
      const entries = wellFormedLedger(rnd, `L${k}`);
      const asOf = randomDate(rnd);
      const group = rnd() < 0.3 ? RESEARCHER_GROUP : undefined;
      const e = evaluateLedger(entries, r, { asOf, group });
      const t = complianceThresholds(r, asOf);
      const c = teacherCompliance(totalsOf(entries, dayCapsOf(r)), t, group ?? DEFAULT_GROUP);
      const where = `ledger ${k} as of ${asOf}`;
      expect(c.cycleCountedTenths, where).toBe(e.cycle.countedTenths);
      expect(c.expectedTenths, where).toBe(e.cycle.expectedTenths);
      expect(c.onTrack, where).toBe(e.cycle.onTrack);
      expect(c.cycleLeftTenths, where).toBe(e.cycle.behindTenths);
      const year = e.byYear.find((y) => y.schoolYear === t.schoolYear)?.countedTenths ?? 0;
      expect(c.yearCountedTenths, where).toBe(year);
      for (const cat of c.categories) {
        const cell = e.byYearCategory.find(
          (x) => x.schoolYear === t.schoolYear && x.category === cat.category,
        );
        expect(cat.countedTenths, `${where} ${cat.category}`).toBe(cell?.countedTenths ?? 0);
      }
    }
  });
});
