/**
 * What membership earns in nominations (R3-W12, R3-P12): the priorities by programme level, shown with their rule
 * and never changing eligibility; a pack's priorities checked (PACK.COMMUNITIES).
 */
import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../programs/eligibility';
import type { EligibilityCandidate } from '../programs/eligibility-check';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { validatePack } from '../programs/pack-validation';
import { type PolicyPack, resolveReferenceDate } from '../programs/policy-pack';
import { membershipPriorities } from './priorities';
import { DEFAULT_COMMUNITY_RULES } from './rules';

const rules = DEFAULT_COMMUNITY_RULES;

describe('membershipPriorities (R3-W12, R3-P12)', () => {
  it('R3-W12: a workshop member has priority for 国培 and 省培, not for 市培 or 县培', () => {
    for (const level of ['national', 'provincial'])
      expect(membershipPriorities(rules, level, ['workshop_member'])).toEqual([
        { ruleId: 'R3-W12', code: 'workshop_member', label: expect.stringContaining('工作坊成员') },
      ]);
    for (const level of ['city', 'county', 'school', 'studio'])
      expect(membershipPriorities(rules, level, ['workshop_member'])).toEqual([]);
  });

  it('R3-P12: a trainer has priority for 国培, 省培 and 市培, not for 县培; both memberships: both', () => {
    for (const level of ['national', 'provincial', 'city'])
      expect(membershipPriorities(rules, level, ['trainer_pool_member']).map((p) => p.ruleId)).toEqual([
        'R3-P12',
      ]);
    expect(membershipPriorities(rules, 'county', ['trainer_pool_member'])).toEqual([]);
    expect(
      membershipPriorities(rules, 'provincial', ['trainer_pool_member', 'workshop_member']).map(
        (p) => p.ruleId,
      ),
    ).toEqual(['R3-W12', 'R3-P12']);
    expect(membershipPriorities(rules, 'national', [])).toEqual([]);
  });

  it('on a nomination: the priority is listed and eligibility is unchanged', () => {
    const programme = { id: 'p', startDate: '2021-08-20', endDate: '2021-09-03' };
    const ctx = { referenceDate: resolveReferenceDate(HENAN_2021_PACK, programme), programme };
    const candidate: EligibilityCandidate = {
      birthDate: '1980-05-01',
      teachingStartDate: '2002-09-01',
      trainingStartYear: 2015,
      backbone: null,
      rolesHeld: ['researcher'],
      title: 'senior',
      stage: 'junior',
      schoolLocationType: 'urban',
      enrolments: [],
      integrityRecords: [],
      attestations: ['healthy', 'devoted_to_training', 'training_expertise', 'grassroots_training_expertise'],
    };
    const plain = evaluateEligibility(HENAN_2021_PACK, 'trainer_advanced', candidate, ctx);
    const member = evaluateEligibility(
      HENAN_2021_PACK,
      'trainer_advanced',
      { ...candidate, flags: ['workshop_member'] },
      ctx,
    );
    expect(member.priorities.map((p) => p.ruleId)).toEqual(['R3-W12']);
    expect(plain.priorities).toEqual([]);
    expect({ ...member, priorities: [] }).toEqual(plain);
  });

  it('a pack whose priority names an unknown level or none is refused (PACK.COMMUNITIES)', () => {
    const withLevels = (levels: string[]): PolicyPack => ({
      ...HENAN_2021_PACK,
      communities: {
        ...rules,
        trainers: {
          ...rules.trainers,
          priority: { ...rules.trainers.priority, value: { ...rules.trainers.priority.value, levels } },
        },
      },
    });
    const problems = (p: PolicyPack) =>
      validatePack(p).filter((x) => x.path.startsWith('communities.trainers.priority'));
    expect(problems(withLevels(['national']))).toEqual([]);
    expect(problems(withLevels(['galactic']))).toMatchObject([
      { code: 'PACK.COMMUNITIES', ruleId: 'R3-P12' },
    ]);
    expect(problems(withLevels([]))).toMatchObject([{ code: 'PACK.COMMUNITIES', ruleId: 'R3-P12' }]);
  });
});
