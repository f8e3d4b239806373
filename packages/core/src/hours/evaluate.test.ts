import { describe, expect, it } from 'vitest';
import { pv } from '../programs/policy-pack';
import { evaluateLedger, type RequirementStanding } from './evaluate';
import { credit, reversalOf } from './ledger.test-data';
import { DEFAULT_HOUR_RULES, RESEARCHER_GROUP } from './rules';
import type { HourRules, LedgerEntry } from './types';

const rules = DEFAULT_HOUR_RULES;
/** During the cycle's first school year (2026-2027). */
const FIRST_YEAR = '2027-06-30';
/** After the 5-year cycle (2026-2027 … 2030-2031) has ended. */
const AFTER_CYCLE = '2031-09-01';

function evaluate(entries: LedgerEntry[], asOf = FIRST_YEAR, group?: string, r: HourRules = rules) {
  return evaluateLedger(entries, r, group === undefined ? { asOf } : { asOf, group });
}

function requirement(
  reqs: RequirementStanding[],
  code: RequirementStanding['code'],
  schoolYear: string | null,
): RequirementStanding | undefined {
  return reqs.find((q) => q.code === code && q.schoolYear === schoolYear);
}

describe('R3-S02: 校本研修 24 学时 a school year', () => {
  it('R3-S02: 23.9 学时 is 0.1 behind; 24 学时 meets it', () => {
    const short = evaluate([credit(239, 'school_based', '2026-10-10')], '2027-09-01');
    const q = requirement(short.requirements, 'CATEGORY_YEAR_MIN', '2026-2027');
    expect(q).toMatchObject({
      ruleId: 'R3-S02',
      met: false,
      status: 'not_met',
      behindTenths: 1,
      requiredTenths: 240,
    });
    expect(q?.message).toBe('2026—2027 学年校本研修应完成 24 学时，已计 23.9 学时，还差 0.1 学时。');
    expect(q?.message).not.toContain('R3-S02');

    const enough = evaluate([credit(240, 'school_based', '2026-10-10')], '2027-09-01');
    expect(requirement(enough.requirements, 'CATEGORY_YEAR_MIN', '2026-2027')).toMatchObject({
      met: true,
      status: 'met',
      behindTenths: 0,
    });
  });

  it('R3-S02: before the school year ends a shortfall is in progress, not failed', () => {
    const e = evaluate([credit(100, 'school_based', '2026-10-10')], '2027-08-31');
    const q = requirement(e.requirements, 'CATEGORY_YEAR_MIN', '2026-2027');
    expect(q).toMatchObject({ status: 'in_progress', behindTenths: 140 });
    expect(q?.message).toContain('（学年未结束）');
  });

  it('R3-S02: hours of another category or school year do not count towards it', () => {
    const e = evaluate(
      [credit(240, 'online', '2026-10-10'), credit(240, 'school_based', '2027-09-01')],
      '2027-09-01',
    );
    expect(requirement(e.requirements, 'CATEGORY_YEAR_MIN', '2026-2027')?.countedTenths).toBe(0);
    expect(requirement(e.requirements, 'CATEGORY_YEAR_MIN', '2027-2028')?.met).toBe(true);
  });

  it('R3-S02: only school years of the cycle begun by asOf are listed', () => {
    const e = evaluate([], '2028-09-01');
    expect(e.requirements.filter((q) => q.code === 'CATEGORY_YEAR_MIN').map((q) => q.schoolYear)).toEqual([
      '2026-2027',
      '2027-2028',
      '2028-2029',
    ]);
    expect(evaluate([], '2026-08-31').requirements.map((q) => q.code)).toEqual(['CYCLE_TOTAL']);
  });
});

describe('R3-W16: workshop 6 学时 a day, at most 40 a school year', () => {
  it('R3-W16: 6 学时 for 1 day counts in full; 6.1 counts 6 and 0.1 is not counted, with the rule', () => {
    const ok = evaluate([credit(60, 'workshop', '2026-10-10', { days: 1 })]);
    expect(ok.lines[0]).toMatchObject({
      countedTenths: 60,
      notCountedTenths: 0,
      reason: null,
      message: null,
    });

    const over = evaluate([credit(61, 'workshop', '2026-10-10', { days: 1 })]);
    const line = over.lines[0];
    expect(line).toMatchObject({ kind: 'entry', countedTenths: 60, notCountedTenths: 1 });
    expect(line?.reason).toEqual({
      code: 'DAY_CAP',
      ruleId: 'R3-W16',
      values: { dayCapTenths: 60, days: 1, limitTenths: 60, amountTenths: 61, notCountedTenths: 1 },
    });
    expect(line?.message).toBe(
      '工作坊每天最多计 6 学时：1 天最多计 6 学时，本条 6.1 学时中 0.1 学时不计入。',
    );
    expect(over.balance).toBe(60);
    expect(over.byYearCategory).toEqual([
      { schoolYear: '2026-2027', category: 'workshop', countedTenths: 60, notCountedTenths: 1 },
    ]);
  });

  it('R3-W16: 3 days give at most 18 学时', () => {
    const e = evaluate([credit(200, 'workshop', '2026-10-10', { days: 3 })]);
    expect(e.lines[0]).toMatchObject({ countedTenths: 180, notCountedTenths: 20 });
  });

  it('R3-W16: 40 学时 in a school year all count; 40.1 counts 40, the last entry recorded but 0.1 not counted', () => {
    const forty = [credit(200, 'workshop', '2026-10-10'), credit(200, 'workshop', '2027-03-10')];
    expect(evaluate(forty).balance).toBe(400);

    const more = [...forty, credit(1, 'workshop', '2027-05-10')];
    const e = evaluate(more);
    expect(e.balance).toBe(400);
    expect(e.lines.map((l) => [l.countedTenths, l.notCountedTenths])).toEqual([
      [200, 0],
      [200, 0],
      [0, 1],
    ]);
    expect(e.lines[2]?.reason).toMatchObject({
      code: 'YEAR_CAP',
      ruleId: 'R3-W16',
      values: { yearCapTenths: 400, schoolYear: '2026-2027', countedBeforeTenths: 400, notCountedTenths: 1 },
    });
    expect(e.lines[2]?.message).toBe(
      '工作坊每学年最多计 40 学时：2026—2027 学年此前已计 40 学时，本条 0.1 学时中 0.1 学时不计入。',
    );
  });

  it('R3-W16: the entry that crosses the cap counts up to it; the cap starts again on 09-01', () => {
    const e = evaluate([
      credit(350, 'workshop', '2026-10-10'),
      credit(100, 'workshop', '2027-08-31'),
      credit(100, 'workshop', '2027-09-01'),
    ]);
    expect(e.lines.map((l) => l.countedTenths)).toEqual([350, 50, 100]);
  });

  it('R3-W16: day cap first, then the year cap, both reasons kept', () => {
    const e = evaluate([
      credit(380, 'workshop', '2026-10-10'),
      credit(70, 'workshop', '2026-11-10', { days: 1 }),
    ]);
    const line = e.lines[1];
    expect(line?.countedTenths).toBe(20);
    expect(line?.reasons.map((r) => r.code)).toEqual(['DAY_CAP', 'YEAR_CAP']);
    expect(line?.reason?.code).toBe('DAY_CAP');
    expect(line?.message).toContain('每天最多计 6 学时');
    expect(line?.message).toContain('每学年最多计 40 学时');
  });
});

describe('R-002-19: 教研员 at least 90 学时 a school year', () => {
  it('R-002-19: a researcher with 89.9 学时 is 0.1 behind; with 90 meets it', () => {
    const short = evaluate([credit(899, 'research', '2026-10-10')], '2027-09-01', RESEARCHER_GROUP);
    const q = requirement(short.requirements, 'YEAR_MIN', '2026-2027');
    expect(q).toMatchObject({ ruleId: 'R-002-19', met: false, status: 'not_met', behindTenths: 1 });
    expect(q?.message).toBe('2026—2027 学年教研员培训学时应不少于 90 学时，已计 89.9 学时，还差 0.1 学时。');

    const enough = evaluate([credit(900, 'research', '2026-10-10')], '2027-09-01', RESEARCHER_GROUP);
    expect(requirement(enough.requirements, 'YEAR_MIN', '2026-2027')).toMatchObject({
      met: true,
      behindTenths: 0,
    });
  });

  it('R-002-19: every category counts towards it, counted amounts only', () => {
    const e = evaluate(
      [
        credit(400, 'centralized', '2026-10-10'),
        credit(500, 'workshop', '2026-11-10'), // 40 count (R3-W16), 10 not
        credit(100, 'online', '2027-03-10'),
      ],
      '2027-09-01',
      RESEARCHER_GROUP,
    );
    expect(requirement(e.requirements, 'YEAR_MIN', '2026-2027')).toMatchObject({
      countedTenths: 900,
      met: true,
    });
  });

  it('R-002-19: a teacher outside the group has no yearly total minimum', () => {
    const e = evaluate([credit(899, 'research', '2026-10-10')], '2027-09-01');
    expect(requirement(e.requirements, 'YEAR_MIN', '2026-2027')).toBeUndefined();
  });
});

describe('R-004-05 and Y-HOURS-ONLINE', () => {
  it('R-004-05: a centralised day counts 8 学时 (5 days: 40 count, 40.1 does not all count)', () => {
    expect(evaluate([credit(400, 'centralized', '2026-10-10', { days: 5 })]).balance).toBe(400);
    const e = evaluate([credit(401, 'centralized', '2026-10-10', { days: 5 })]);
    expect(e.lines[0]?.reason).toMatchObject({
      code: 'DAY_CAP',
      ruleId: 'R-004-05',
      values: { limitTenths: 400 },
    });
    expect(e.lines[0]?.message).toContain('集中培训每天最多计 8 学时');
  });

  it('Y-HOURS-ONLINE: online study counts its recorded length, however long', () => {
    const e = evaluate([credit(125, 'online', '2026-10-10'), credit(2000, 'online', '2026-10-11')]);
    expect(e.balance).toBe(2125);
  });
});

describe('Y-HOURS-CYCLE: 360 学时 over 5 school years', () => {
  function cycleOf(total: number) {
    // spread over the cycle's years in whole entries of online study
    const years = ['2026-10-10', '2027-10-10', '2028-10-10', '2029-10-10', '2030-10-10'];
    return years.map((d, k) => credit(Math.floor(total / 5) + (k < total % 5 ? 1 : 0), 'online', d));
  }

  it('Y-HOURS-CYCLE: 359.9 学时 is 0.1 behind at the end; 360 meets it', () => {
    const short = evaluate(cycleOf(3599), AFTER_CYCLE);
    expect(short.cycle).toMatchObject({
      targetTenths: 3600,
      countedTenths: 3599,
      met: false,
      behindTenths: 1,
    });
    expect(requirement(short.requirements, 'CYCLE_TOTAL', null)).toMatchObject({
      ruleId: 'Y-HOURS-CYCLE',
      status: 'not_met',
      behindTenths: 1,
    });
    expect(requirement(short.requirements, 'CYCLE_TOTAL', null)?.message).toContain(
      '本周期（2026—2027 至 2030—2031 学年）',
    );
    const done = evaluate(cycleOf(3600), AFTER_CYCLE);
    expect(done.cycle).toMatchObject({ met: true, behindTenths: 0, onTrack: true });
    expect(requirement(done.requirements, 'CYCLE_TOTAL', null)?.status).toBe('met');
  });

  it('Y-HOURS-CYCLE: the cycle runs 2026-09-01 … 2031-08-31; hours outside it are in the balance only', () => {
    const e = evaluate(
      [
        credit(100, 'online', '2026-08-31'),
        credit(100, 'online', '2026-09-01'),
        credit(100, 'online', '2031-09-01'),
      ],
      AFTER_CYCLE,
    );
    expect([e.cycle.firstDay, e.cycle.lastDay]).toEqual(['2026-09-01', '2031-08-31']);
    expect(e.cycle.schoolYears).toEqual(['2026-2027', '2027-2028', '2028-2029', '2029-2030', '2030-2031']);
    expect(e.cycle.countedTenths).toBe(100);
    expect(e.balance).toBe(300);
  });

  it("Y-HOURS-CYCLE: a group's own total replaces the region's", () => {
    const r = structuredClone(DEFAULT_HOUR_RULES);
    r.groups.new_teacher = {
      name: '新教师',
      cycleTotalTenths: pv(4800, 'Y-HOURS-CYCLE', 'province document'),
    };
    const e = evaluate(cycleOf(3600), AFTER_CYCLE, 'new_teacher', r);
    expect(e.cycle).toMatchObject({ targetTenths: 4800, met: false, behindTenths: 1200 });
  });
});

describe('Y-HOURS-ON-TRACK: expected = total × elapsed school years ÷ cycle years', () => {
  it('Y-HOURS-ON-TRACK: nobody is behind in the first school year', () => {
    const e = evaluate([], '2027-08-31');
    expect(e.cycle).toMatchObject({ elapsedYears: 0, expectedTenths: 0, onTrack: true });
  });

  it('Y-HOURS-ON-TRACK: after two school years 144 学时 are expected (143.9 behind, 144 on track)', () => {
    const asOf = '2028-09-01';
    const behind = evaluate([credit(1439, 'online', '2027-01-10')], asOf);
    expect(behind.cycle).toMatchObject({
      elapsedYears: 2,
      expectedTenths: 1440,
      onTrack: false,
      shortOfExpectedTenths: 1,
    });
    expect(behind.cycle.onTrackRuleId).toBe('Y-HOURS-ON-TRACK');
    expect(behind.cycle.message).toContain('落后 0.1 学时');
    expect(evaluate([credit(1440, 'online', '2027-01-10')], asOf).cycle.onTrack).toBe(true);
    expect(evaluate([credit(1439, 'online', '2027-01-10')], '2028-08-31').cycle.expectedTenths).toBe(720);
  });

  it('Y-HOURS-ON-TRACK: an uneven share rounds up (1000 学时 over 3 years: 333.4 after one)', () => {
    const r = structuredClone(DEFAULT_HOUR_RULES);
    r.cycleYears = pv(3, 'Y-HOURS-CYCLE', 'test');
    r.cycleTotalTenths = pv(10000, 'Y-HOURS-CYCLE', 'test');
    const e = evaluate([credit(3333, 'online', '2026-10-10')], '2027-09-01', undefined, r);
    expect(e.cycle).toMatchObject({ expectedTenths: 3334, onTrack: false });
  });
});

describe('Y-HOURS-REVERSAL: a reversal cancels its original exactly, once', () => {
  it('Y-HOURS-REVERSAL: both lines show, the pair nets to 0 and frees the cap for later entries', () => {
    const a = credit(400, 'workshop', '2026-10-10');
    const b = credit(100, 'workshop', '2026-12-10');
    const e = evaluate([a, b, reversalOf(a, { occurredOn: '2027-01-10', postedAt: '2027-01-10T08:00:00Z' })]);
    expect(e.lines.map((l) => [l.kind, l.countedTenths, l.notCountedTenths])).toEqual([
      ['reversed', 0, 400],
      ['entry', 100, 0],
      ['reversal', 0, -400],
    ]);
    expect(e.balance).toBe(100);
    expect(e.lines[0]?.reason).toMatchObject({ code: 'REVERSED', ruleId: 'Y-HOURS-REVERSAL' });
    expect(e.lines[0]?.message).toBe('本条已被撤销，与撤销记录相抵，40 学时不计入。');
  });

  it('Y-HOURS-REVERSAL: a reversal of an unknown entry, and a second reversal, are error lines', () => {
    const a = credit(100, 'online', '2026-10-10');
    const ghost = { ...reversalOf(a), reversesId: 'nope' };
    const first = reversalOf(a);
    const second = reversalOf(a, { postedAt: '2026-10-10T10:00:00.000Z' });
    const e = evaluate([a, ghost, first, second]);
    const kinds = Object.fromEntries(e.lines.map((l) => [l.entry.id, [l.kind, l.reason?.code ?? null]]));
    expect(kinds[a.id]).toEqual(['reversed', 'REVERSED']);
    expect(kinds[ghost.id]).toEqual(['error', 'REVERSAL_UNKNOWN']);
    expect(kinds[first.id]).toEqual(['reversal', 'REVERSAL']);
    expect(kinds[second.id]).toEqual(['error', 'REVERSAL_REPEATED']);
    expect(e.balance).toBe(0);
    expect(e.errorCount).toBe(2);
  });

  it('Y-HOURS-REVERSAL: a reversal that is not the exact negative, or of a reversal, is an error line', () => {
    const a = credit(100, 'online', '2026-10-10');
    const partial = { ...reversalOf(a), amountTenths: -50 };
    const b = credit(100, 'online', '2026-10-11');
    const rb = reversalOf(b);
    const rrb = reversalOf(rb);
    const e = evaluate([a, partial, b, rb, rrb]);
    const code = (id: string) => e.lines.find((l) => l.entry.id === id)?.reason?.code;
    expect(code(partial.id)).toBe('REVERSAL_MISMATCH');
    expect(code(rrb.id)).toBe('REVERSAL_OF_REVERSAL');
    expect(e.balance).toBe(100);
  });
});

describe('Y-HOURS-AMOUNT: malformed entries count nothing', () => {
  it('Y-HOURS-AMOUNT: zero, negative, fractional tenths, zero days, a bad school year', () => {
    const bad = [
      credit(0, 'online', '2026-10-10'),
      credit(-10, 'online', '2026-10-11'),
      credit(1.5, 'online', '2026-10-12'),
      credit(60, 'workshop', '2026-10-13', { days: 0 }),
      credit(60, 'online', '2026-10-14', { schoolYear: '2026' }),
    ];
    const e = evaluate([...bad, credit(10, 'online', '2026-10-15')]);
    expect(e.lines.map((l) => l.reason?.code ?? null)).toEqual([
      'AMOUNT_INVALID',
      'AMOUNT_INVALID',
      'AMOUNT_INVALID',
      'DAYS_INVALID',
      'SCHOOL_YEAR_INVALID',
      null,
    ]);
    expect(e.balance).toBe(10);
    expect(e.byYearCategory).toEqual([
      { schoolYear: '2026-2027', category: 'online', countedTenths: 10, notCountedTenths: 0 },
    ]);
  });

  it('Y-HOURS-AMOUNT: a second entry with an id already used is an error line', () => {
    const a = credit(10, 'online', '2026-10-10');
    const e = evaluate([a, { ...a, postedAt: '2026-10-11T00:00:00Z' }]);
    expect(e.lines.map((l) => l.reason?.code ?? null)).toEqual([null, 'DUPLICATE_ID']);
  });

  it("refuses another teacher's entries and a bad asOf", () => {
    expect(() =>
      evaluate([credit(1, 'online', '2026-10-10'), credit(1, 'online', '2026-10-10', { teacherId: 't2' })]),
    ).toThrow(RangeError);
    expect(() => evaluate([], '2027-13-01')).toThrow(RangeError);
  });
});
