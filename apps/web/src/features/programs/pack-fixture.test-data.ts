import type { PolicyPackBody } from '@yanxun/contracts';

/** A small pack in the shape of core's PolicyPack (the web may not import core): one project type. */
export function packFixture(): PolicyPackBody {
  return {
    id: '440000-2027-v2',
    regionCode: '440000',
    year: 2027,
    version: 2,
    status: 'draft',
    title: '广东省 2027 年中小学教师素质提升工程',
    source: { seed: 'S004', document: '关于组织实施…的通知', issuer: '省教育厅', signedOn: '2021-07-16' },
    settings: {
      referenceDate: { value: { kind: 'selection_deadline' }, ruleId: 'R-004-56', source: 'S004:L128' },
    },
    design: {
      practicalShareMinPct: { value: 50, ruleId: 'R-004-05', source: 'S004:L20' },
    },
    deadlines: {
      selectionDue: { value: '2027-07-30', ruleId: 'R-004-18', source: 'S004:L37' },
      registrationNotice: {
        value: { anchor: 'class_start', offsetDays: -10, mustBe: 'before' },
        ruleId: 'R-004-10',
        source: 'S004:L26-28',
      },
    },
    funding: {
      centralizedPerPersonDayFen: { value: 40000, ruleId: 'R-004-22', source: 'S004:L39' },
    },
    integrityBan: {
      years: { value: 3, ruleId: 'R-004-20', source: 'S004:L37' },
      kinds: { value: ['no_show', 'dismissed'], ruleId: 'R-004-20', source: 'S004:L37' },
    },
    noOverlappingEnrolment: { value: true, ruleId: 'Y-004-OVERLAP', source: 'issue 3' },
    projectTypes: [
      {
        code: 'rural_backbone',
        name: '乡村骨干教师素质提升培训项目',
        level: { value: 'provincial', ruleId: 'R-004-01', source: 'S004:L14' },
        cycleYears: { value: 1, ruleId: 'R-004-73', source: 'S004:L173' },
        tracks: [
          {
            code: 'rural_backbone',
            name: '乡村骨干教师',
            kind: 'trainee',
            centralizedDaysTotal: { value: 15, ruleId: 'R-004-73', source: 'S004:L173' },
            onlineHoursTenths: { value: 300, ruleId: 'R-004-74', source: 'S004:L175' },
            eligibility: {
              age: {
                max: { value: 45, ruleId: 'R-004-56', source: 'S004:L128', note: '解读：45 周岁通过' },
                soft: { value: true, ruleId: 'R-004-56', source: 'S004:L128' },
              },
              minTeachingYears: { value: 5, ruleId: 'R-004-72', source: 'S004:L167' },
              schoolLocationTypes: { value: ['town', 'rural'], ruleId: 'R-004-72', source: 'S004:L167' },
              backboneLevels: { value: ['school', 'county'], ruleId: 'R-004-72', source: 'S004:L167' },
            },
          },
        ],
        outcomes: [
          {
            value: {
              owner: 'trainee',
              mode: 'all',
              items: [{ code: 'demonstration_lesson', name: '高质量示范课', count: 1 }],
            },
            ruleId: 'R-004-75',
            source: 'S004:L177',
          },
        ],
        studios: [],
      },
    ],
  };
}
