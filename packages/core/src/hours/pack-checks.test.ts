import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { validatePack } from '../programs/pack-validation';
import { pv } from '../programs/policy-pack';
import { DEFAULT_CLAIM_RULES } from './claims';
import { DEFAULT_HOUR_RULES, DEFAULT_XAPI_RULES, XAPI_VERB_VOIDED } from './rules';
import type { HourRules } from './types';

const withHours = (hours: HourRules) => validatePack({ ...HENAN_2021_PACK, hours });
const hourProblems = (hours: HourRules) =>
  withHours(hours).filter((p) => p.code === 'PACK.HOURS' || p.path.startsWith('hours.'));

describe('a pack’s 学时 section is checked like the rest of the pack', () => {
  it('the defaults (with xAPI and claim rules) pass; a pack without the section passes', () => {
    expect(
      hourProblems({ ...DEFAULT_HOUR_RULES, xapi: DEFAULT_XAPI_RULES, claims: DEFAULT_CLAIM_RULES }),
    ).toEqual([]);
    expect(validatePack(HENAN_2021_PACK).filter((p) => p.path.startsWith('hours.'))).toEqual([]);
  });

  it('R3-W16 and R3-S02: a day cap over 24 学时, a minimum above its own cap, an unknown category are refused with the rule', () => {
    const bad: HourRules = {
      ...DEFAULT_HOUR_RULES,
      categories: {
        ...DEFAULT_HOUR_RULES.categories,
        workshop: {
          dayCapTenths: pv(241, 'R3-W16', 'S003:L745-746', 'test'),
          yearCapTenths: pv(400, 'R3-W16', 'S003:L745-746', 'test'),
          yearMinTenths: pv(401, 'R3-W16', 'S003:L745-746', 'test'),
        },
        ['holiday' as 'other']: { yearMinTenths: pv(10, 'Y-TEST', 'test', 'test') },
      },
    };
    const problems = hourProblems(bad);
    expect(problems.map((p) => p.path).sort()).toEqual([
      'hours.categories.holiday',
      'hours.categories.workshop.dayCapTenths',
      'hours.categories.workshop.yearMinTenths',
    ]);
    expect(problems.find((p) => p.path.endsWith('dayCapTenths'))).toMatchObject({ ruleId: 'R3-W16' });
    expect(problems.find((p) => p.path.endsWith('yearMinTenths'))?.message).toContain('永远无法达到');
    // 24 学时 a day exactly, and a minimum equal to its cap, pass
    const edge: HourRules = {
      ...DEFAULT_HOUR_RULES,
      categories: {
        workshop: {
          dayCapTenths: pv(240, 'R3-W16', 'S003:L745-746', 'test'),
          yearCapTenths: pv(400, 'R3-W16', 'S003:L745-746', 'test'),
          yearMinTenths: pv(400, 'R3-W16', 'S003:L745-746', 'test'),
        },
      },
    };
    expect(hourProblems(edge)).toEqual([]);
  });

  it('Y-HOURS-CYCLE and Y-HOURS-SCHOOL-YEAR: a cycle of 0 years, 0 学时, a school year starting 02-30 are refused', () => {
    const problems = hourProblems({
      ...DEFAULT_HOUR_RULES,
      cycleYears: pv(0, 'Y-HOURS-CYCLE', 'issue 12', 'test'),
      cycleTotalTenths: pv(0, 'Y-HOURS-CYCLE', 'issue 12', 'test'),
      schoolYearStart: pv('02-30', 'Y-HOURS-SCHOOL-YEAR', 'issue 12', 'test'),
    });
    expect(problems.map((p) => [p.path, p.ruleId])).toEqual([
      ['hours.cycleYears', 'Y-HOURS-CYCLE'],
      ['hours.cycleTotalTenths', 'Y-HOURS-CYCLE'],
      ['hours.schoolYearStart', 'Y-HOURS-SCHOOL-YEAR'],
    ]);
  });

  it('Y-HOURS-XAPI: a verb credited to an unknown category and 0 minutes a 学时 are refused', () => {
    const problems = hourProblems({
      ...DEFAULT_HOUR_RULES,
      xapi: {
        ...DEFAULT_XAPI_RULES,
        verbs: pv(
          { 'http://adlnet.gov/expapi/verbs/completed': 'gaming' as 'online' },
          'Y-HOURS-XAPI',
          'issue 12',
          't',
        ),
        minutesPerHour: pv(0, 'Y-HOURS-XAPI', 'issue 12', 't'),
      },
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['hours.xapi.minutesPerHour', 'hours.xapi.verbs']);
  });

  it('Y-HOURS-XAPI-VOID: the voided verb cannot be credited (it cancels a statement); completed can', () => {
    const withVerbs = (verbs: Record<string, 'online'>) =>
      hourProblems({
        ...DEFAULT_HOUR_RULES,
        xapi: { ...DEFAULT_XAPI_RULES, verbs: pv(verbs, 'Y-HOURS-XAPI', 'issue 12', 't') },
      });
    const problems = withVerbs({ [XAPI_VERB_VOIDED]: 'online' });
    expect(problems.map((p) => [p.path, p.ruleId])).toEqual([['hours.xapi.verbs', 'Y-HOURS-XAPI-VOID']]);
    expect(withVerbs({ 'http://adlnet.gov/expapi/verbs/completed': 'online' })).toEqual([]);
  });
});
