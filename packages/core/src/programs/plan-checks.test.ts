import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { validatePack } from './pack-validation';
import { checkPlan, type PlanCheck, type PlanModule, planTotals, type TrainingPlan } from './plan-checks';
import type { PolicyPack } from './policy-pack';

const pack = HENAN_2021_PACK;
const TOPICS = pack.design.compulsoryTopics.value;

/** The 12 compulsory topics (R-004-04) as asynchronous online modules of 2 学时 each (24 学时). */
const topicModules = (): PlanModule[] =>
  TOPICS.map((t) => ({
    title: t,
    mode: 'online',
    hoursTenths: 20,
    practical: false,
    asynchronous: true,
    compulsoryTopic: t,
  }));

/**
 * A plan for 乡村骨干教师素质提升培训 (R-004-73: 15 days; R-004-74: 30 学时) that passes every check:
 * centralised 7 d + 跟岗 8 d = 15 days; online 24 + 6 = 30 学时; 返岗实践 5 d.
 * Practical on the 学时 basis (8 学时 a day): (8 + 5) × 80 = 1040 of 7 × 80 + 8 × 80 + 5 × 80 + 300 = 1900 → 54.7 %.
 */
function ruralPlan(): TrainingPlan {
  return {
    theme: '乡村小学课堂提问的有效性',
    classCount: 2,
    modules: [
      ...topicModules(),
      { title: '课堂提问专题研修', mode: 'online', hoursTenths: 60, practical: false, asynchronous: false },
      { title: '专题讲座', mode: 'centralized', days: 7, practical: false },
      { title: '名校访学', mode: 'shadowing', days: 8, practical: true },
      { title: '返岗实践', mode: 'return_practice', days: 5, practical: true },
    ],
    staff: [
      { role: 'chief_expert', name: '王教授', title: '教授', organisation: '河南大学' },
      { role: 'subject_class_teacher', name: '李老师' },
      { role: 'subject_class_teacher', name: '赵老师' },
      { role: 'life_class_teacher', name: '陈老师' },
      { role: 'life_class_teacher', name: '周老师' },
    ],
  };
}

const check = (plan: TrainingPlan, today = '2021-07-20', deadline = '2021-07-30', p: PolicyPack = pack) =>
  checkPlan(plan, p, 'rural_backbone', today, deadline, { sealedPdf: true });

const byCode = (checks: PlanCheck[], code: PlanCheck['code']): PlanCheck => {
  const c = checks.find((x) => x.code === code);
  if (!c) throw new Error(`no check ${code}`);
  return c;
};

describe('the pack carries what plan checks need', () => {
  it('R-004-31 five plan modes with unit and what they count towards; R-004-05 8 学时 a day', () => {
    expect(pack.design.planModes.value.map((m) => [m.code, m.name, m.unit, m.countsAs])).toEqual([
      ['centralized', '集中培训', 'days', 'centralized'],
      ['online', '网络研修', 'hours', 'online'],
      ['shadowing', '跟岗实践', 'days', 'centralized'],
      ['return_practice', '返岗实践', 'days', 'practice'],
      ['workshop', '工作坊', 'hours', 'online'],
    ]);
    expect(pack.design.planModes.ruleId).toBe('R-004-31');
    expect([pack.design.dayHoursTenths.value, pack.design.dayHoursTenths.ruleId]).toEqual([80, 'R-004-05']);
  });

  it('R-004-04 the 12 topics in the seed wording', () => {
    expect(TOPICS).toEqual([
      '习近平新时代中国特色社会主义思想',
      '“四史”教育',
      '师德师风',
      '心理健康',
      '信息技术',
      '国家安全',
      '法治教育',
      '生态教育',
      '国家通用语言文字',
      '幼小衔接',
      '少先队工作',
      '预防校园欺凌',
    ]);
  });

  it('validatePack: a pack without an online mode contradicts R-004-04; an empty mode list; a zero day', () => {
    const p: PolicyPack = structuredClone(pack);
    p.design.planModes.value = p.design.planModes.value.filter((m) => m.countsAs !== 'online');
    expect(validatePack(p).map((x) => [x.code, x.ruleId])).toContainEqual(['PACK.PLAN_MODES', 'R-004-04']);
    p.design.planModes.value = [];
    expect(validatePack(p).map((x) => x.code)).toContain('PACK.EMPTY_LIST');
    const q: PolicyPack = structuredClone(pack);
    q.design.dayHoursTenths.value = 0;
    expect(validatePack(q).map((x) => x.path)).toContain('design.dayHoursTenths');
    expect(validatePack(pack)).toEqual([]);
  });
});

describe('checkPlan: a complete plan', () => {
  it('passes every rule and lists each with its rule ID', () => {
    const r = check(ruralPlan());
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.checks.map((c) => [c.code, c.ruleId])).toEqual([
      ['PLAN.DEADLINE', 'R-004-08'],
      ['PLAN.SEALED_PDF', 'R-004-08'],
      ['PLAN.THEME', 'R-004-03'],
      ['PLAN.MODULES', 'R-004-31'],
      ['PLAN.COMPULSORY_TOPICS', 'R-004-04'],
      ['PLAN.PRACTICAL_SHARE', 'R-004-05'],
      ['PLAN.CENTRALIZED_DAYS', 'R-004-73'],
      ['PLAN.ONLINE_HOURS', 'R-004-74'],
      ['PLAN.CHIEF_EXPERT', 'R-004-07'],
      ['PLAN.CLASS_TEACHERS', 'R-004-07'],
    ]);
    expect(r.totals).toEqual({
      centralizedDays: 15,
      onlineHoursTenths: 300,
      practiceDays: 5,
      practicalSharePermille: 547,
    });
  });

  it('leaves the sealed-PDF check out when the caller does not say; fails it when missing (R-004-08)', () => {
    const without = checkPlan(ruralPlan(), pack, 'rural_backbone', '2021-07-20', '2021-07-30');
    expect(without.checks.some((c) => c.code === 'PLAN.SEALED_PDF')).toBe(false);
    const missing = checkPlan(ruralPlan(), pack, 'rural_backbone', '2021-07-20', '2021-07-30', {
      sealedPdf: false,
    });
    expect(byCode(missing.checks, 'PLAN.SEALED_PDF').passed).toBe(false);
    expect(missing.passed).toBe(false);
  });

  it('throws on an unknown project type or track', () => {
    expect(() => checkPlan(ruralPlan(), pack, 'nope', '2021-07-20', '2021-07-30')).toThrow(RangeError);
    expect(() =>
      checkPlan(ruralPlan(), pack, 'rural_backbone', '2021-07-20', '2021-07-30', { trackCode: 'x' }),
    ).toThrow(RangeError);
  });
});

describe('R-004-08 deadline: "7月30日前", the deadline day itself is on time', () => {
  it('2021-07-30 passes, 2021-07-31 fails with the rule beside the sentence and both dates in it', () => {
    expect(byCode(check(ruralPlan(), '2021-07-30').checks, 'PLAN.DEADLINE').passed).toBe(true);
    const late = byCode(check(ruralPlan(), '2021-07-31').checks, 'PLAN.DEADLINE');
    expect(late.passed).toBe(false);
    expect(late.values).toEqual({ today: '2021-07-31', deadline: '2021-07-30' });
    expect(late.ruleId).toBe('R-004-08');
    expect(late.message).toBe('已过申报截止日 2021-07-30（今天 2021-07-31），不能再提交');
  });
});

describe('R-004-03 theme', () => {
  it('a blank theme fails, any theme passes', () => {
    expect(byCode(check({ ...ruralPlan(), theme: '  ' }).checks, 'PLAN.THEME').passed).toBe(false);
    expect(byCode(check(ruralPlan()).checks, 'PLAN.THEME').passed).toBe(true);
  });
});

describe('R-004-04 compulsory topics as asynchronous online modules', () => {
  it('11 of 12 fails and names the missing topic', () => {
    const plan = ruralPlan();
    plan.modules = plan.modules.filter((m) => m.compulsoryTopic !== '预防校园欺凌');
    const c = byCode(check(plan).checks, 'PLAN.COMPULSORY_TOPICS');
    expect(c.passed).toBe(false);
    expect(c.values.missing).toEqual(['预防校园欺凌']);
    expect(c.values.present).toBe(11);
  });

  it('a topic delivered synchronously, or as a centralised day, is not asynchronous online', () => {
    const plan = ruralPlan();
    plan.modules = plan.modules.map((m) => {
      if (m.compulsoryTopic === '师德师风') return { ...m, asynchronous: false };
      if (m.compulsoryTopic === '心理健康')
        return { ...m, mode: 'centralized' as const, days: 1, hoursTenths: undefined };
      return m;
    });
    const c = byCode(check(plan).checks, 'PLAN.COMPULSORY_TOPICS');
    expect(c.passed).toBe(false);
    expect(c.values.notAsyncOnline).toEqual(['师德师风', '心理健康']);
  });

  it('a topic may be a 工作坊 module (counts as online); a near-miss name does not count', () => {
    const plan = ruralPlan();
    plan.modules = plan.modules.map((m) =>
      m.compulsoryTopic === '信息技术' ? { ...m, mode: 'workshop' as const } : m,
    );
    expect(byCode(check(plan).checks, 'PLAN.COMPULSORY_TOPICS').passed).toBe(true);
    plan.modules = plan.modules.map((m) =>
      m.compulsoryTopic === '“四史”教育' ? { ...m, compulsoryTopic: '四史教育' } : m,
    );
    expect(byCode(check(plan).checks, 'PLAN.COMPULSORY_TOPICS').values.missing).toEqual(['“四史”教育']);
  });
});

describe('R-004-05 practical share ≥ 50 % (on 学时, 8 学时 a day)', () => {
  /** Only hour modules: practical and other 学时 in tenths. */
  const share = (practical: number, other: number) =>
    byCode(
      check({
        ...ruralPlan(),
        modules: [
          { title: '实践', mode: 'workshop', hoursTenths: practical, practical: true },
          { title: '理论', mode: 'online', hoursTenths: other, practical: false },
        ],
      }).checks,
      'PLAN.PRACTICAL_SHARE',
    );

  it('50.0 % passes, 49.9 % fails', () => {
    expect(share(500, 500).passed).toBe(true);
    expect(share(500, 500).values.share).toBe('50.0%');
    const low = share(499, 501);
    expect(low.passed).toBe(false);
    expect(low.values).toMatchObject({ share: '49.9%', minPct: 50, basis: 'hours' });
    expect(low.ruleId).toBe('R-004-05');
    expect(low.message).not.toContain('R-004-05');
  });

  it('49.96 % is rounded down and fails (no rounding up into compliance)', () => {
    expect(share(4996, 5004).values.sharePermille).toBe(499);
    expect(share(4996, 5004).passed).toBe(false);
  });

  it('days count 8 学时 each: 5 practical days (40 学时) vs 40 学时 theory is 50 %', () => {
    const plan = {
      ...ruralPlan(),
      modules: [
        { title: '跟岗', mode: 'shadowing' as const, days: 5, practical: true },
        { title: '理论', mode: 'online' as const, hoursTenths: 400, practical: false },
      ],
    };
    expect(planTotals(plan, pack).practicalSharePermille).toBe(500);
    const p: PolicyPack = structuredClone(pack);
    p.design.dayHoursTenths.value = 60;
    // at 6 学时 a day: 30 of 70 学时
    expect(planTotals(plan, p).practicalSharePermille).toBe(428);
  });

  it('on the modules basis: 1 of 2 modules is 50 %', () => {
    const p: PolicyPack = structuredClone(pack);
    p.design.practicalShareBasis.value = 'modules';
    const plan = {
      ...ruralPlan(),
      modules: [
        { title: '跟岗', mode: 'shadowing' as const, days: 1, practical: true },
        { title: '理论', mode: 'online' as const, hoursTenths: 900, practical: false },
      ],
    };
    expect(planTotals(plan, p).practicalSharePermille).toBe(500);
  });

  it('an empty plan has a share of 0 and fails', () => {
    expect(share(0, 0).passed).toBe(false);
  });
});

describe('days and 学时 of the project type', () => {
  it('R-004-73 15 days: 14 and 16 fail, 15 passes', () => {
    const withDays = (d: number) => {
      const plan = ruralPlan();
      plan.modules = plan.modules.map((m) => (m.mode === 'centralized' ? { ...m, days: d } : m));
      return byCode(check(plan).checks, 'PLAN.CENTRALIZED_DAYS');
    };
    expect(withDays(7).passed).toBe(true);
    expect(withDays(6).passed).toBe(false);
    expect(withDays(6).values).toEqual({ planned: 14, required: 15, minimum: false });
    expect(withDays(8).passed).toBe(false);
  });

  it('R-004-74 30 学时: 29.9 fails, 30 passes, 30.1 fails', () => {
    const withHours = (tenths: number) => {
      const plan = ruralPlan();
      plan.modules = plan.modules.map((m) =>
        m.title === '课堂提问专题研修' ? { ...m, hoursTenths: tenths } : m,
      );
      return byCode(check(plan).checks, 'PLAN.ONLINE_HOURS');
    };
    expect(withHours(60).passed).toBe(true);
    expect(withHours(59).passed).toBe(false);
    expect(withHours(59).message).toContain('29.9 学时');
    expect(withHours(61).passed).toBe(false);
  });

  it('R-004-45 "不少于30天…不少于120学时": county team plans may exceed, not fall short', () => {
    const plan: TrainingPlan = {
      ...ruralPlan(),
      modules: [
        ...topicModules(),
        { title: '工作坊研修', mode: 'workshop', hoursTenths: 960, practical: true },
        { title: '集中研修', mode: 'centralized', days: 30, practical: false },
      ],
    };
    const r = (p: TrainingPlan) => checkPlan(p, pack, 'county_system', '2021-07-20', '2021-07-30').checks;
    expect(byCode(r(plan), 'PLAN.CENTRALIZED_DAYS')).toMatchObject({ passed: true, ruleId: 'R-004-45' });
    expect(byCode(r(plan), 'PLAN.ONLINE_HOURS').passed).toBe(true);
    const more = structuredClone(plan);
    more.modules.push({ title: '加一天', mode: 'centralized', days: 1, practical: false });
    expect(byCode(r(more), 'PLAN.CENTRALIZED_DAYS').passed).toBe(true);
    const fewer = structuredClone(plan);
    fewer.modules = fewer.modules.map((m) => (m.mode === 'centralized' ? { ...m, days: 29 } : m));
    expect(byCode(r(fewer), 'PLAN.CENTRALIZED_DAYS').passed).toBe(false);
  });

  it('R-004-60/61 trainer programme: 50 days and 120 学时 over the 2-year cycle', () => {
    const c = checkPlan(ruralPlan(), pack, 'trainer_advanced', '2021-07-20', '2021-07-30').checks;
    expect(byCode(c, 'PLAN.CENTRALIZED_DAYS').values).toMatchObject({ required: 50 });
    expect(byCode(c, 'PLAN.CENTRALIZED_DAYS').ruleId).toBe('R-004-61');
    expect(byCode(c, 'PLAN.ONLINE_HOURS').values).toMatchObject({ requiredTenths: 1200 });
  });

  it('返岗实践 counts towards neither days nor 学时', () => {
    const t = planTotals(ruralPlan(), pack);
    expect([t.centralizedDays, t.onlineHoursTenths, t.practiceDays]).toEqual([15, 300, 5]);
  });
});

describe('R-004-31 modules are complete', () => {
  it('a day module without days, an hour module with 0 学时, an unknown mode and an untitled module fail', () => {
    const plan = ruralPlan();
    plan.modules.push(
      { title: '缺天数', mode: 'centralized', practical: false },
      { title: '零学时', mode: 'online', hoursTenths: 0, practical: false },
      { title: '半天', mode: 'centralized', days: 0.5, practical: false },
      { title: '', mode: 'online', hoursTenths: 10, practical: false },
    );
    const c = byCode(check(plan).checks, 'PLAN.MODULES');
    expect(c.passed).toBe(false);
    expect(c.values.problems).toHaveLength(4);
    expect(c.values.problemKinds).toEqual(['no_days', 'no_hours', 'no_days', 'untitled']);
    expect(c.values.problemTitles).toEqual(['缺天数', '零学时', '半天', '']);
    const bad = { ...ruralPlan(), modules: [{ title: 'x', mode: 'lecture', days: 1, practical: false }] };
    expect(byCode(check(bad as unknown as TrainingPlan).checks, 'PLAN.MODULES').passed).toBe(false);
  });

  it('no modules at all fails', () => {
    expect(byCode(check({ ...ruralPlan(), modules: [] }).checks, 'PLAN.MODULES').passed).toBe(false);
  });
});

describe('R-004-07 chief expert and class teachers', () => {
  const staffCheck = (plan: TrainingPlan, code: PlanCheck['code']) => byCode(check(plan).checks, code);

  it('0 or 2 chief experts fail, 1 passes; a blank name does not count', () => {
    const plan = ruralPlan();
    expect(staffCheck(plan, 'PLAN.CHIEF_EXPERT').passed).toBe(true);
    const none = { ...plan, staff: plan.staff.filter((s) => s.role !== 'chief_expert') };
    expect(staffCheck(none, 'PLAN.CHIEF_EXPERT').values).toEqual({ planned: 0, required: 1 });
    const two = { ...plan, staff: [...plan.staff, { role: 'chief_expert' as const, name: '孙教授' }] };
    expect(staffCheck(two, 'PLAN.CHIEF_EXPERT').passed).toBe(false);
    const blank = {
      ...plan,
      staff: plan.staff.map((s) => (s.role === 'chief_expert' ? { ...s, name: ' ' } : s)),
    };
    expect(staffCheck(blank, 'PLAN.CHIEF_EXPERT').passed).toBe(false);
  });

  it('2 classes need 2 subject and 2 life class teachers: 1 life class teacher fails', () => {
    const plan = ruralPlan();
    expect(staffCheck(plan, 'PLAN.CLASS_TEACHERS').passed).toBe(true);
    const short = { ...plan, staff: plan.staff.filter((s) => s.name !== '周老师') };
    const c = staffCheck(short, 'PLAN.CLASS_TEACHERS');
    expect(c.passed).toBe(false);
    expect(c.values).toEqual({ classes: 2, subject: 2, needSubject: 2, life: 1, needLife: 2 });
    expect(staffCheck({ ...plan, classCount: 3 }, 'PLAN.CLASS_TEACHERS').passed).toBe(false);
    expect(staffCheck({ ...plan, classCount: 0 }, 'PLAN.CLASS_TEACHERS').passed).toBe(false);
  });
});

describe('an old stored pack without plan modes', () => {
  it('throws a PlanPackError naming what is missing', () => {
    const p = structuredClone(pack) as unknown as { design: Record<string, unknown> };
    delete p.design.planModes;
    expect(() => check(ruralPlan(), '2021-07-20', '2021-07-30', p as unknown as PolicyPack)).toThrow(
      /design\.planModes/,
    );
  });
});
