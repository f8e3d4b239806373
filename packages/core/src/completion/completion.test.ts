import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import type { PolicyPack } from '../programs/policy-pack';
import {
  allRequirements,
  type CompletionInputs,
  certificateNumber,
  completionRulesOf,
  evaluateCompletion,
  outcomeWindow,
  programmeHoursTenths,
  requiredOutcomes,
} from './completion';

const pack = HENAN_2021_PACK;
const accepted = (score = 80) => ({ status: 'accepted' as const, score });

function withRules(patch: Partial<NonNullable<PolicyPack['completion']>>): PolicyPack {
  return { ...pack, completion: { ...completionRulesOf(pack), ...patch } };
}

const rural = (over: Partial<CompletionInputs> = {}): CompletionInputs => ({
  sessions: 10,
  attended: 10,
  approvedLeave: 0,
  outcomes: { demonstration_lesson: accepted() },
  ...over,
});

describe('required outcomes per project type (seed 004 annex)', () => {
  it('R-004-35: a backbone trainee owes a lesson case in 3 parts and a self-development report', () => {
    const sets = requiredOutcomes(pack, 'backbone_cultivation', 'backbone');
    expect(sets.map((s) => s.ruleId)).toEqual(['R-004-35']);
    expect(allRequirements(sets).map((r) => r.label)).toEqual([
      '优秀教学课例 · 教学设计',
      '优秀教学课例 · 课堂教学实录',
      '优秀教学课例 · 教学反思',
      '自我专业发展报告',
    ]);
    // Y-004-OUTCOME-VIDEO: only the recording may be a video
    expect(
      allRequirements(sets)
        .filter((r) => r.video)
        .map((r) => r.key),
    ).toEqual(['excellent_lesson_case:课堂教学实录']);
  });
  it('R-004-36: a new teacher owes a standard lesson case; R-004-75: a rural teacher a demonstration lesson (video)', () => {
    expect(allRequirements(requiredOutcomes(pack, 'backbone_cultivation', 'new_teacher'))).toHaveLength(3);
    const rural = allRequirements(requiredOutcomes(pack, 'rural_backbone'));
    expect(rural).toEqual([expect.objectContaining({ key: 'demonstration_lesson', video: true })]);
  });
  it("R-004-64 / R-004-71: \"或\" sets are any-of; providers' and counties' outcomes are not a trainee's", () => {
    const t = requiredOutcomes(pack, 'trainer_advanced');
    expect(t.map((s) => [s.ruleId, s.mode])).toEqual([['R-004-64', 'any']]);
    expect(requiredOutcomes(pack, 'county_system', 'county_team')).toEqual([]);
    expect(requiredOutcomes(pack, 'no_such_type')).toEqual([]);
  });
});

describe('Y-004-OUTCOME-DUE: outcome window', () => {
  const cls = { startDate: '2021-09-06', endDate: '2021-09-10' };
  it('opens on the start date and closes after end + 30 days (the 30th day is on time)', () => {
    expect(outcomeWindow(completionRulesOf(pack), cls, '2021-09-05').open).toBe(false);
    expect(outcomeWindow(completionRulesOf(pack), cls, '2021-09-06').open).toBe(true);
    const due = outcomeWindow(completionRulesOf(pack), cls, '2021-10-10');
    expect(due).toMatchObject({ open: true, dueDate: '2021-10-10', ruleId: 'Y-004-OUTCOME-DUE' });
    expect(outcomeWindow(completionRulesOf(pack), cls, '2021-10-11').open).toBe(false);
  });
});

describe('evaluateCompletion', () => {
  it('Y-004-ATTEND-MIN: 8 of 10 sessions (80 %) completes, 7 of 10 does not; each rule with its values', () => {
    const at = evaluateCompletion(rural({ attended: 8 }), pack, 'rural_backbone');
    expect(at.completed).toBe(true);
    expect(at.checks[0]).toMatchObject({
      ruleId: 'Y-004-ATTEND-MIN',
      passed: true,
      values: { attended: 8, counted: 10, pct: 80, minPct: 80 },
    });
    const below = evaluateCompletion(rural({ attended: 7 }), pack, 'rural_backbone');
    expect(below.completed).toBe(false);
    expect(below.checks[0]?.passed).toBe(false);
    // the rule travels beside the sentence, not in it
    expect(below.checks[0]).toMatchObject({ ruleId: 'Y-004-ATTEND-MIN' });
    expect(below.checks[0]?.message).toBe('出勤 7/10（70%），低于 80%，不能结业');
    expect(below.checks[1]).toMatchObject({ ruleId: 'R-004-75', passed: true });
  });
  it('Y-004-ATTEND-MIN on odd counts: 12 of 15 = 80 % passes, 11 of 15 (73.3 %) fails; 0 sessions passes', () => {
    expect(evaluateCompletion(rural({ sessions: 15, attended: 12 }), pack, 'rural_backbone').completed).toBe(
      true,
    );
    const r = evaluateCompletion(rural({ sessions: 15, attended: 11 }), pack, 'rural_backbone');
    expect(r.completed).toBe(false);
    expect(r.attendancePct).toBe(73.3);
    expect(evaluateCompletion(rural({ sessions: 0, attended: 0 }), pack, 'rural_backbone').completed).toBe(
      true,
    );
  });
  it('Y-004-LEAVE-COUNT: approved leave is an absence by default; excused or present when the pack says so', () => {
    const i = rural({ attended: 7, approvedLeave: 1 });
    expect(evaluateCompletion(i, pack, 'rural_backbone').completed).toBe(false);
    const excused = withRules({
      approvedLeave: { ...completionRulesOf(pack).approvedLeave, value: 'excused' },
    });
    // 7 of 9 = 77.8 %: still below
    expect(evaluateCompletion(i, excused, 'rural_backbone').completed).toBe(false);
    expect(
      evaluateCompletion(rural({ attended: 7, approvedLeave: 2 }), excused, 'rural_backbone').completed,
    ).toBe(true);
    const present = withRules({
      approvedLeave: { ...completionRulesOf(pack).approvedLeave, value: 'present' },
    });
    expect(evaluateCompletion(i, present, 'rural_backbone').checks[0]?.values).toMatchObject({ attended: 8 });
  });
  it('Y-004-OUTCOME-PASS: accepted with 60 passes, 59 fails; returned or missing fails naming R-004-75', () => {
    expect(
      evaluateCompletion(rural({ outcomes: { demonstration_lesson: accepted(60) } }), pack, 'rural_backbone')
        .completed,
    ).toBe(true);
    const low = evaluateCompletion(
      rural({ outcomes: { demonstration_lesson: accepted(59) } }),
      pack,
      'rural_backbone',
    );
    expect(low.completed).toBe(false);
    expect(low.checks[1]).toMatchObject({
      ruleId: 'R-004-75',
      values: { passScore: 60, passRuleId: 'Y-004-OUTCOME-PASS' },
    });
    expect(low.checks[1]?.message).toBe('成果未合格：高质量示范课须提交并评为 60 分及以上');
    const ret = rural({ outcomes: { demonstration_lesson: { status: 'returned', score: null } } });
    expect(evaluateCompletion(ret, pack, 'rural_backbone').completed).toBe(false);
    expect(
      evaluateCompletion(rural({ outcomes: {} }), pack, 'rural_backbone').checks[1]?.values,
    ).toMatchObject({
      missing: ['高质量示范课'],
    });
  });
  it('R-004-35: every part of the lesson case and the report; R-004-71: any one of three', () => {
    const parts = {
      'excellent_lesson_case:教学设计': accepted(),
      'excellent_lesson_case:课堂教学实录': accepted(),
      'excellent_lesson_case:教学反思': accepted(),
    };
    const base = { sessions: 4, attended: 4, approvedLeave: 0 };
    expect(
      evaluateCompletion({ ...base, outcomes: parts }, pack, 'backbone_cultivation', 'backbone').completed,
    ).toBe(false);
    expect(
      evaluateCompletion(
        { ...base, outcomes: { ...parts, self_development_report: accepted() } },
        pack,
        'backbone_cultivation',
        'backbone',
      ).completed,
    ).toBe(true);
    expect(
      evaluateCompletion({ ...base, outcomes: { project_plan: accepted() } }, pack, 'institution_backbone')
        .completed,
    ).toBe(true);
  });
});

describe('Y-004-HOURS: 学时 posted', () => {
  it('rural backbone: 15 days × 8 学时 (R-004-05 reading) + 30 online (R-004-74) = 150 学时', () => {
    expect(programmeHoursTenths(pack, 'rural_backbone')).toBe(1500);
    expect(evaluateCompletion(rural(), pack, 'rural_backbone').hoursTenths).toBe(1500);
  });
  it('a non-completer gets 0 by default, or the attended share when the pack says so', () => {
    expect(evaluateCompletion(rural({ attended: 7 }), pack, 'rural_backbone').hoursTenths).toBe(0);
    const share = withRules({
      partialHours: { ...completionRulesOf(pack).partialHours, value: 'attended_share' },
    });
    expect(evaluateCompletion(rural({ attended: 7 }), share, 'rural_backbone').hoursTenths).toBe(1050);
  });
});

describe('Y-004-CERT-NO: certificate numbers', () => {
  it('year, programme and a zero-padded sequence; the sequence starts at 1', () => {
    expect(certificateNumber(2021, '12', 7)).toBe('2021-12-00007');
    expect(certificateNumber(2021, '12', 100000)).toBe('2021-12-100000');
    expect(() => certificateNumber(2021, '12', 0)).toThrow(RangeError);
  });
  it('a pack saved before completion existed gets the defaults', () => {
    const { completion: _, ...old } = pack;
    expect(completionRulesOf(old as PolicyPack).minAttendancePct.value).toBe(80);
  });
});

describe('pack validation of the completion section', () => {
  it('Y-004-ATTEND-MIN above 100 % and Y-004-CERT-NO below 3 digits are refused; the Henan pack is valid', async () => {
    const { validatePack } = await import('../programs/pack-validation');
    const r = completionRulesOf(pack);
    const bad = withRules({
      minAttendancePct: { ...r.minAttendancePct, value: 101 },
      certificateSeqDigits: { ...r.certificateSeqDigits, value: 2 },
    });
    const problems = validatePack(bad).filter((p) => p.path.startsWith('completion.'));
    expect(problems.map((p) => p.ruleId).sort()).toEqual(['Y-004-ATTEND-MIN', 'Y-004-CERT-NO']);
    expect(
      validatePack(withRules({ minAttendancePct: { ...r.minAttendancePct, value: 100 } })).filter((p) =>
        p.path.startsWith('completion.'),
      ),
    ).toEqual([]);
  });
});
