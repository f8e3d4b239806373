import type { HoursEntry, HoursStanding, TeacherHours } from '@yanxun/contracts';

/** A completion posting of 150 学时 (test data). */
export function hoursEntry(over: Partial<HoursEntry> = {}): HoursEntry {
  return {
    id: '1',
    programmeId: '3',
    programmeTitle: '乡村骨干教师素质提升',
    classId: '7',
    hoursTenths: 1500,
    category: 'centralized',
    schoolYear: '2021-2022',
    occurredOn: '2021-09-10',
    source: 'completion',
    ruleId: 'Y-004-HOURS',
    postedAt: '2021-09-10T01:00:00.000Z',
    reversedAt: null,
    reverseReason: null,
    countedTenths: over.hoursTenths ?? 1500,
    notCounted: null,
    ...over,
  };
}

/** Where a teacher stands with `counted` tenths in the first year of a 360-学时 cycle (test data). */
export function hoursStanding(counted: number, over: Partial<HoursStanding> = {}): HoursStanding {
  return {
    asOf: '2026-12-06',
    cycle: {
      schoolYears: ['2026-2027', '2027-2028', '2028-2029', '2029-2030', '2030-2031'],
      firstDay: '2026-09-01',
      lastDay: '2031-08-31',
      targetTenths: 3600,
      targetRuleId: 'Y-HOURS-CYCLE',
      countedTenths: counted,
      behindTenths: Math.max(0, 3600 - counted),
      expectedTenths: 0,
      onTrack: true,
      onTrackRuleId: 'Y-HOURS-ON-TRACK',
      shortOfExpectedTenths: 0,
      message: `本周期已计 ${counted / 10} 学时，还差 ${Math.max(0, 3600 - counted) / 10} 学时`,
    },
    requirements: [],
    years: [],
    ...over,
  };
}

/** A teacher's record holding these postings (test data). */
export function teacherHoursOf(entries: HoursEntry[], over: Partial<TeacherHours> = {}): TeacherHours {
  const total = entries.reduce((s, e) => s + e.countedTenths, 0);
  return {
    teacherId: '101',
    totalTenths: total,
    entries,
    standing: hoursStanding(total),
    canReverse: false,
    ...over,
  };
}
