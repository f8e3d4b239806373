import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { type PolicyPack, pv } from '../programs/policy-pack';
import { DEFAULT_HOUR_RULES, dayLimitTenths, hourRulesOf, RESEARCHER_GROUP, targetsFor } from './rules';
import {
  HOUR_CATEGORIES,
  HOUR_CATEGORY_LABELS,
  HOUR_SOURCE_LABELS,
  HOUR_SOURCES,
  isMonthDay,
  schoolYearFirstDay,
  schoolYearOf,
  schoolYearStartYear,
} from './types';

describe('school years (Y-HOURS-SCHOOL-YEAR: 09-01 … 08-31)', () => {
  it('Y-HOURS-SCHOOL-YEAR: 08-31 is the old school year, 09-01 the new one', () => {
    expect(schoolYearOf('2027-08-31')).toBe('2026-2027');
    expect(schoolYearOf('2027-09-01')).toBe('2027-2028');
    expect(schoolYearOf('2027-01-01')).toBe('2026-2027');
    expect(schoolYearOf('2026-12-31')).toBe('2026-2027');
  });

  it('Y-HOURS-SCHOOL-YEAR: the start is a setting (a region starting on 08-15)', () => {
    expect(schoolYearOf('2027-08-14', '08-15')).toBe('2026-2027');
    expect(schoolYearOf('2027-08-15', '08-15')).toBe('2027-2028');
    expect(schoolYearFirstDay('2027-2028', '08-15')).toBe('2027-08-15');
  });

  it('refuses a date or start that is not a calendar day', () => {
    expect(() => schoolYearOf('2027-02-30')).toThrow(RangeError);
    expect(() => schoolYearOf('2027-09-01', '02-29')).toThrow(RangeError);
    expect(isMonthDay('09-01')).toBe(true);
    expect(isMonthDay('9-1')).toBe(false);
  });

  it('reads a school year written 2026-2027 and nothing else', () => {
    expect(schoolYearStartYear('2026-2027')).toBe(2026);
    expect(schoolYearStartYear('2026-2028')).toBeUndefined();
    expect(schoolYearStartYear('2026/2027')).toBeUndefined();
  });
});

describe('categories and sources', () => {
  it('every category and source has its Chinese label', () => {
    expect(HOUR_CATEGORIES.map((c) => HOUR_CATEGORY_LABELS[c])).toEqual([
      '集中培训',
      '网络研修',
      '跟岗/返岗实践',
      '校本研修',
      '工作坊',
      '工作室',
      '教研',
      '自主研修',
      '其他',
    ]);
    expect(HOUR_SOURCES.map((s) => HOUR_SOURCE_LABELS[s])).toEqual([
      '结业认定',
      '学时申报',
      '外部平台导入',
      '在线学习记录',
      '工作坊/工作室活动',
      '人工调整',
    ]);
  });
});

describe('the default 学时 rules carry their rule IDs and seed lines', () => {
  const r = DEFAULT_HOUR_RULES;

  it('Y-HOURS-CYCLE: 5 school years, 360 学时, from 2026-2027; a Yanxun default the seeds do not state', () => {
    expect([r.cycleYears.value, r.cycleTotalTenths.value, r.cycleStartYear.value]).toEqual([5, 3600, 2026]);
    expect(new Set([r.cycleYears.ruleId, r.cycleTotalTenths.ruleId, r.cycleStartYear.ruleId])).toEqual(
      new Set(['Y-HOURS-CYCLE']),
    );
    expect(r.cycleTotalTenths.note).toContain('种子文件未规定');
  });

  it('R3-S02: 校本研修 24 学时 a school year (S003:L594-595)', () => {
    expect(r.categories.school_based?.yearMinTenths).toMatchObject({
      value: 240,
      ruleId: 'R3-S02',
      source: 'S003:L594-595',
    });
  });

  it('R3-W16: 工作坊 6 学时 a day within 40 a year (S003:L745-746)', () => {
    expect(r.categories.workshop?.dayCapTenths).toMatchObject({
      value: 60,
      ruleId: 'R3-W16',
      source: 'S003:L745-746',
    });
    expect(r.categories.workshop?.yearCapTenths).toMatchObject({ value: 400, ruleId: 'R3-W16' });
  });

  it('R-002-19: 教研员 90 课时 read as 90 学时 a year (S002:L28), a group override', () => {
    expect(r.groups[RESEARCHER_GROUP]?.yearMinTenths).toMatchObject({
      value: 900,
      ruleId: 'R-002-19',
      source: 'S002:L28',
    });
    expect(r.groups[RESEARCHER_GROUP]?.yearMinTenths?.note).toContain('1 课时按 1 学时计');
    expect(targetsFor(r, RESEARCHER_GROUP).yearMinTenths?.value).toBe(900);
    expect(targetsFor(r, undefined).yearMinTenths).toBeUndefined();
    expect(targetsFor(r, 'unknown-group').cycleTotalTenths.value).toBe(3600);
  });

  it('R-004-05: the centralised day is the Henan pack value itself (8 学时), not a second copy', () => {
    expect(r.categories.centralized?.dayCapTenths).toBe(HENAN_2021_PACK.design.dayHoursTenths);
    expect(r.categories.centralized?.dayCapTenths).toMatchObject({ value: 80, ruleId: 'R-004-05' });
  });

  it('Y-HOURS-ONLINE: online study at its recorded length, no cap or conversion', () => {
    expect(r.onlineCredit.value).toBe('recorded_length');
    expect(r.categories.online).toBeUndefined();
  });

  it('is frozen: evaluations cannot change the defaults', () => {
    expect(Object.isFrozen(r.categories.workshop)).toBe(true);
  });
});

describe('hourRulesOf', () => {
  function packWith(changes: Partial<PolicyPack>, dayTenths = 80): PolicyPack {
    const copy = structuredClone(HENAN_2021_PACK) as PolicyPack;
    copy.design.dayHoursTenths = pv(dayTenths, 'R-004-05', 'S004:L20');
    return { ...copy, ...changes };
  }

  it('gives the defaults for a pack saved before the ledger (no hours section)', () => {
    expect(hourRulesOf(HENAN_2021_PACK)).toBe(DEFAULT_HOUR_RULES);
  });

  it("gives the pack's own section: a province's 540 学时 cycle and a group's own total", () => {
    const hours = structuredClone(DEFAULT_HOUR_RULES);
    hours.cycleTotalTenths = pv(5400, 'Y-HOURS-CYCLE', 'province document');
    hours.groups.principal = {
      name: '校长',
      cycleTotalTenths: pv(4000, 'Y-HOURS-CYCLE', 'province document'),
    };
    const rules = hourRulesOf(packWith({ hours }));
    expect(rules.cycleTotalTenths.value).toBe(5400);
    expect(targetsFor(rules, 'principal').cycleTotalTenths.value).toBe(4000);
  });

  it("R-004-05: the centralised day follows the pack's design.dayHoursTenths (one value for plans and ledger)", () => {
    const rules = hourRulesOf(packWith({}, 60));
    expect(rules.categories.centralized?.dayCapTenths?.value).toBe(60);
    expect(rules.categories.workshop?.dayCapTenths?.value).toBe(60);
    expect(DEFAULT_HOUR_RULES.categories.centralized?.dayCapTenths?.value).toBe(80);
  });

  it('days × cap rounds down to a tenth (a half day of workshop = 3 学时)', () => {
    expect(dayLimitTenths(0.5, 60)).toBe(30);
    expect(dayLimitTenths(1.5, 80)).toBe(120);
    expect(dayLimitTenths(1 / 3, 80)).toBe(26);
  });
});
