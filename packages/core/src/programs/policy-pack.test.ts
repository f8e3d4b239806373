import { describe, expect, it } from 'vitest';
import { fullYearsBetween } from '../dates';
import { HENAN_2021_PACK } from './henan-2021';
import {
  addDays,
  addYears,
  deadlineDate,
  findProjectType,
  findTrack,
  hoursToTenths,
  PROGRAM_LEVELS,
  pv,
  resolveReferenceDate,
  totalCentralizedDays,
  totalOnlineTenths,
} from './policy-pack';

const pack = HENAN_2021_PACK;

describe('policy values and units', () => {
  it('pv carries value, rule ID, source and an optional note', () => {
    expect(pv(45, 'R-004-56', 'S004:L128')).toEqual({ value: 45, ruleId: 'R-004-56', source: 'S004:L128' });
    expect(pv(45, 'R-004-56', 'S004:L128', 'n').note).toBe('n');
  });

  it('学时 are stored in tenths', () => {
    expect(hoursToTenths(60)).toBe(600);
    expect(hoursToTenths(12.5)).toBe(125);
  });

  it('six programme levels 国培/省培/市培/县培/校本研修/工作室研修 in one model', () => {
    expect(PROGRAM_LEVELS.map((l) => l.code)).toEqual([
      'national',
      'provincial',
      'city',
      'county',
      'school',
      'studio',
    ]);
    expect(PROGRAM_LEVELS.map((l) => l.name)).toEqual([
      '国培计划',
      '省培计划',
      '市培计划',
      '县培计划',
      '校本研修',
      '工作室研修',
    ]);
  });
});

describe('calendar arithmetic', () => {
  it('addDays crosses months and years both ways', () => {
    expect(addDays('2021-08-01', -10)).toBe('2021-07-22');
    expect(addDays('2021-12-25', 10)).toBe('2022-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('addYears lands 29 February on 1 March in common years, agreeing with fullYearsBetween', () => {
    expect(addYears('2018-08-20', 3)).toBe('2021-08-20');
    expect(addYears('2020-02-29', 3)).toBe('2023-03-01');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    for (const d of ['2020-02-29', '2019-12-31', '2021-01-01']) {
      const end = addYears(d, 3);
      expect(fullYearsBetween(d, end)).toBe(3);
      expect(fullYearsBetween(d, addDays(end, -1))).toBe(2);
    }
  });

  it('rejects non-dates', () => {
    expect(() => addDays('2021-02-30', 1)).toThrow(RangeError);
  });
});

describe('class deadlines (R-004-10, R-004-11, R-004-15)', () => {
  const cls = { startDate: '2021-08-20', endDate: '2021-09-03' };

  it('R-004-10 报到通知书 is due at start − 10 days', () => {
    expect(deadlineDate(pack.deadlines.registrationNotice.value, cls)).toBe('2021-08-10');
  });

  it('R-004-11 课程表 is due at start − 5 days', () => {
    expect(deadlineDate(pack.deadlines.timetable.value, cls)).toBe('2021-08-15');
  });

  it('R-004-15 reports are due 30 days after the end', () => {
    expect(deadlineDate(pack.deadlines.finalReports.value, cls)).toBe('2021-10-03');
  });
});

describe('look-ups and derived totals', () => {
  it('finds a project type by code, name or alias (spec §7.11: 乡村教师素质提升培训 = 乡村骨干教师素质提升培训)', () => {
    expect(findProjectType(pack, 'rural_backbone')?.name).toBe('乡村骨干教师素质提升培训项目');
    expect(findProjectType(pack, '乡村教师素质提升培训')?.code).toBe('rural_backbone');
    expect(findProjectType(pack, '省级教师培训师高端研修项目')?.code).toBe('trainer_advanced');
    expect(findProjectType(pack, 'nope')).toBeUndefined();
  });

  it('R-004-60/61 trainer project: 25 days × 2 years = 50 days; 60 学时 per year read as 120 学时', () => {
    const type = findProjectType(pack, 'trainer_advanced');
    const track = type && findTrack(type);
    if (!type || !track) throw new Error('missing');
    expect(track.code).toBe('trainer');
    expect(totalCentralizedDays(type, track)).toBe(50);
    expect(totalOnlineTenths(type, track)).toBe(1200);
  });

  it('R-004-29 backbone: 15 days and 60 学时 over its one-year cycle', () => {
    const type = findProjectType(pack, 'backbone_cultivation');
    const track = type && findTrack(type, 'backbone');
    if (!type || !track) throw new Error('missing');
    expect(totalCentralizedDays(type, track)).toBe(15);
    expect(totalOnlineTenths(type, track)).toBe(600);
    const newTeacher = findTrack(type, 'new_teacher');
    if (!newTeacher) throw new Error('missing');
    expect(totalCentralizedDays(type, newTeacher)).toBe(0);
  });

  it('R-004-56 age reference date: the selection deadline (R-004-18) by default; class start or a fixed date as settings', () => {
    const cls = { startDate: '2021-08-20' };
    expect(resolveReferenceDate(pack, cls)).toBe('2021-07-30');
    const byStart = structuredClone(pack);
    byStart.settings.referenceDate.value = { kind: 'class_start' };
    expect(resolveReferenceDate(byStart, cls)).toBe('2021-08-20');
    byStart.settings.referenceDate.value = { kind: 'fixed', date: '2021-09-01' };
    expect(resolveReferenceDate(byStart, cls)).toBe('2021-09-01');
  });
});
