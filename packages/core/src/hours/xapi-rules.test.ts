import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import {
  DEFAULT_HOUR_RULES,
  DEFAULT_IMPORT_DAY_MAX,
  DEFAULT_XAPI_RULES,
  hourRulesOf,
  XAPI_VERB_ATTENDED,
  XAPI_VERB_COMPLETED,
  xapiRulesOf,
  xapiTenths,
} from './rules';

describe('Y-HOURS-XAPI: xAPI statements as 学时', () => {
  it('Y-HOURS-XAPI: completed and attended count as 网络研修; other verbs are not listed', () => {
    const verbs = xapiRulesOf(hourRulesOf(HENAN_2021_PACK)).verbs;
    expect(verbs.ruleId).toBe('Y-HOURS-XAPI');
    expect(verbs.value).toEqual({ [XAPI_VERB_COMPLETED]: 'online', [XAPI_VERB_ATTENDED]: 'online' });
    expect(verbs.value['http://adlnet.gov/expapi/verbs/experienced']).toBeUndefined();
  });

  it('Y-HOURS-XAPI: 60 minutes a 学时, rounded down to a tenth (359 s → 0, 360 s → 0.1, 3,600 s → 1)', () => {
    const m = DEFAULT_XAPI_RULES.minutesPerHour.value;
    expect(m).toBe(60);
    expect(xapiTenths(359, m)).toBe(0);
    expect(xapiTenths(360, m)).toBe(1);
    expect(xapiTenths(3600, m)).toBe(10);
    expect(xapiTenths(5399, m)).toBe(14);
    expect(xapiTenths(2700, 45)).toBe(10);
  });

  it('Y-HOURS-XAPI: at most 24 学时 a statement; a pack may set its own rule', () => {
    expect(DEFAULT_XAPI_RULES.maxStatementTenths.value).toBe(240);
    const own = {
      ...DEFAULT_XAPI_RULES,
      minutesPerHour: { ...DEFAULT_XAPI_RULES.minutesPerHour, value: 45 },
    };
    expect(xapiRulesOf({ ...DEFAULT_HOUR_RULES, xapi: own }).minutesPerHour.value).toBe(45);
  });

  it('Y-HOURS-IMPORT-DAY: 24 学时 a day is the default cap of an imported record', () => {
    expect(DEFAULT_IMPORT_DAY_MAX).toMatchObject({ value: 240, ruleId: 'Y-HOURS-IMPORT-DAY' });
    // hourRulesOf still answers the same rules for a pack without the new fields
    expect(hourRulesOf(HENAN_2021_PACK).xapi).toBeUndefined();
  });
});
