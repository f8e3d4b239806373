/** The demo's calendar (as-of.ts) and its exam semester (demo-exams.ts): pure date arithmetic, both sides of each edge. */
import { describe, expect, it } from 'vitest';
import { demoCalendar, SCRIPT_MONDAY, shanghaiMoment } from './as-of';
import { demoSemester } from './demo-exams';

describe('demoCalendar', () => {
  it('the script Monday itself: no shift', () => {
    const c = demoCalendar({ asOf: SCRIPT_MONDAY });
    expect([c.monday, c.shift, c.day('2026-10-19'), c.packYear]).toEqual([
      SCRIPT_MONDAY,
      0,
      '2026-10-19',
      2026,
    ]);
  });

  it('Monday to Friday anchor on that week’s Monday, Saturday and Sunday on the next one', () => {
    const anchor = (d: string) => demoCalendar({ asOf: d }).monday;
    expect(anchor('2026-12-07')).toBe('2026-12-07'); // Monday
    expect(anchor('2026-12-11')).toBe('2026-12-07'); // Friday
    expect(anchor('2026-12-12')).toBe('2026-12-14'); // Saturday
    expect(anchor('2026-12-13')).toBe('2026-12-14'); // Sunday
    expect(demoCalendar({ asOf: '2026-12-12' }).shift % 7).toBe(0);
  });

  it('the pack year is the year of the moved application deadline (script 2026-07-30)', () => {
    // 2026-07-30 − 210 days = 2026-01-01; one week earlier it falls in 2025
    expect(demoCalendar({ asOf: '2026-04-27' }).packYear).toBe(2026);
    expect(demoCalendar({ asOf: '2026-04-20' }).packYear).toBe(2025);
  });

  it('the region is generated as of the 1 September that starts the as-of’s school year', () => {
    expect(demoCalendar({ asOf: '2026-08-31' }).schoolYearStart).toBe('2025-09-01');
    expect(demoCalendar({ asOf: '2026-09-01' }).schoolYearStart).toBe('2026-09-01');
  });

  it('as of a day means as of its end; as of a moment means its day in Asia/Shanghai', () => {
    expect(demoCalendar({ asOf: '2026-12-06' }).now.toISOString()).toBe('2026-12-06T15:59:59.000Z');
    // 2026-12-06 17:00 UTC is already 7 December in Shanghai
    expect(demoCalendar({ now: new Date('2026-12-06T17:00:00Z') }).asOf).toBe('2026-12-07');
    expect(() => demoCalendar({ asOf: '2026-12-06', now: new Date('2026-12-06T17:00:00Z') })).toThrow(
      RangeError,
    );
    expect(shanghaiMoment('2026-12-06').toISOString()).toBe('2026-12-06T01:00:00.000Z');
  });
});

describe('demoSemester', () => {
  it('the spring semester once its 期末 (the Thursday on or before 2 July) is 14 days past, not 13', () => {
    // 2026-07-02 is a Thursday
    expect(demoSemester('2026-07-16')).toMatchObject({
      schoolYear: 2025,
      term: 2,
      midterm: '2026-04-16',
      final: '2026-07-02',
      releasedOn: '2026-07-12',
    });
    expect(demoSemester('2026-07-15')).toMatchObject({ schoolYear: 2025, term: 1, final: '2026-01-08' });
  });

  it('the autumn semester once its 期末 (the Thursday on or before 14 January) is 14 days past', () => {
    expect(demoSemester('2027-01-28')).toMatchObject({ schoolYear: 2026, term: 1, midterm: '2026-11-12' });
    expect(demoSemester('2027-01-27')).toMatchObject({ schoolYear: 2025, term: 2 });
  });
});
