/**
 * The sections of the pack view: the pack-wide rules, then one per project type, each in groups of rule values.
 */
import type { PolicyPackBody } from '@yanxun/contracts';
import type { Lang } from '../../shared/i18n';
import { SECTION_TITLES, sectionTitle } from './pack-labels';
import {
  collectRules,
  type RuleEntry,
  type RuleGroup,
  type RuleSection,
  relative,
} from './pack-rule-entries';
import { formatRuleValue } from './pack-values';

/**
 * The rules in the order the policy reads (core's PolicyPack); a stored pack comes back from jsonb with its
 * keys reordered. Keys not listed keep their order after the listed ones.
 */
const RULE_ORDER = [
  // deadlines, design, funding, integrity, settings
  'applicationDue',
  'applicationFormat',
  'selectionDue',
  'themeBased',
  'compulsoryTopics',
  'compulsoryTopicsDelivery',
  'practicalShareMinPct',
  'practicalShareBasis',
  'dayHoursTenths',
  'planModes',
  'staffing',
  'centralizedPerPersonDayFen',
  'onlinePerPersonHourFen',
  'studioSubsidyFen',
  'years',
  'kinds',
  'appliesToLevels',
  'centralizedOnly',
  'anniversary',
  'noOverlappingEnrolment',
  'referenceDate',
  'trainingYearsCounting',
  // a project type's set-up and its tracks
  'level',
  'cycleYears',
  'traineeTotal',
  'competitiveRatio',
  'shortlistSelection.ownerConfirms',
  'centralizedDaysPerYear',
  'centralizedDaysTotal',
  'onlineHoursTenths',
  'onlineHoursBasis',
  'practiceYears',
  'planTotalsAreMinimum',
  'eligibility.age.min',
  'eligibility.age.max',
  'eligibility.age.soft',
  'eligibility.minTrainingWorkYears',
  'eligibility.minTeachingYears',
  'eligibility.schoolLocationTypes',
  'eligibility.backboneLevels',
  'eligibility.roles',
  'eligibility.titles',
  'eligibility.stages',
  'eligibility.attestations',
  'eligibility.priorities',
  // the county package (R-004-39 … R-004-53)
  'projectCounties',
  'trainingTeamSize',
  'trainingTeamDomains',
  'devSchools',
  'devSchoolsPrimary',
  'devSchoolsSecondary',
  'teamMinPerDevSchool',
  'teamMinPerStudio',
  'studios',
  'studioLeaders',
  'youngMembers',
  'pairing',
];

/**
 * Sections of the pack view: one for the pack-wide rules, then one per project type (its set-up, each track's
 * days, 学时 and eligibility, studio structures, outcomes, the county package).
 */
export function groupPackRules(pack: PolicyPackBody, lang: Lang): RuleSection[] {
  const all = collectRules(pack);
  const under = (prefix: string) =>
    relative(
      all.filter(
        (e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`),
      ),
      prefix,
    );
  // the class deadlines (R-004-09…15) go with running a class; the other dates stay general
  const CLASS_DEADLINES = [
    'classDatesDue',
    'registrationNotice',
    'timetable',
    'bulletinsMin',
    'bulletinsBasis',
    'finalReports',
    'finalReportItems',
  ];
  // a stored pack comes back from jsonb with its keys reordered: show these in the rules' own order
  const ordered = (entries: RuleEntry[], keys: string[]) =>
    [...entries].sort((a, b) => {
      const ia = keys.indexOf(a.key);
      const ib = keys.indexOf(b.key);
      return (ia < 0 ? keys.length : ia) - (ib < 0 ? keys.length : ib);
    });
  const deadlines = under('deadlines');
  const generalGroups: RuleGroup[] = [
    {
      id: 'deadlines',
      title: sectionTitle('deadlines', lang),
      entries: deadlines.filter((e) => !CLASS_DEADLINES.includes(e.key)),
    },
    { id: 'design', title: sectionTitle('design', lang), entries: under('design') },
    { id: 'funding', title: sectionTitle('funding', lang), entries: under('funding') },
    {
      id: 'integrity',
      title: sectionTitle('integrity', lang),
      entries: [
        ...under('integrityBan'),
        ...under('noOverlappingEnrolment').map((e) => ({ ...e, key: 'noOverlappingEnrolment' })),
      ],
    },
    { id: 'settings', title: sectionTitle('settings', lang), entries: under('settings') },
  ]
    .map((g) => ({ ...g, entries: ordered(g.entries, RULE_ORDER) }))
    .filter((g) => g.entries.length > 0);
  const general: RuleSection = {
    id: 'general',
    title: SECTION_TITLES.general?.[lang] ?? '',
    tabTitle: lang === 'zh-CN' ? '通用规则' : 'General',
    groups: generalGroups,
    prefixes: generalGroups.flatMap((g) => g.entries.map((e) => e.path)),
  };
  const classGroups: RuleGroup[] = [
    {
      id: 'classDeadlines',
      title: sectionTitle('classDeadlines', lang),
      entries: ordered(
        deadlines.filter((e) => CLASS_DEADLINES.includes(e.key)),
        CLASS_DEADLINES,
      ),
    },
    {
      id: 'classOps',
      title: sectionTitle('classOps', lang),
      entries: ordered(under('classOps'), [
        'dueSoonDays',
        'checkinOpensDaysBefore',
        'checkinRotationSeconds',
        'checkinGraceWindows',
      ]),
    },
    {
      id: 'completion',
      title: sectionTitle('completion', lang),
      entries: ordered(under('completion'), [
        'minAttendancePct',
        'approvedLeave',
        'outcomeDueDaysAfterEnd',
        'outcomePassScore',
        'videoOutcomes',
        'partialHours',
        'certificateSeqDigits',
      ]),
    },
    {
      id: 'kpiTargets',
      title: sectionTitle('kpiTargets', lang),
      entries: ordered(under('kpiTargets'), [
        'registrationRate',
        'arrivalRate',
        'attendanceRate',
        'completionRate',
      ]),
    },
  ].filter((g) => g.entries.length > 0);
  const classRun: RuleSection = {
    id: 'classRun',
    title: sectionTitle('classRun', lang),
    tabTitle: lang === 'zh-CN' ? '班级运行与结业' : 'Classes and completion',
    groups: classGroups,
    prefixes: classGroups.flatMap((g) => g.entries.map((e) => e.path)),
  };
  const hours = hoursSection(all, lang);
  const types = pack.projectTypes.map((type, i): RuleSection => {
    const prefix = `projectTypes[${i}]`;
    const mine = under(prefix);
    const basics = mine.filter((e) => !/^(tracks|studios|outcomes|countySystem)[.[]/.test(e.key));
    const groups: RuleGroup[] = [
      { id: `${prefix}.basics`, title: sectionTitle('typeBasics', lang), entries: basics },
    ];
    type.tracks.forEach((track, j) => {
      const tp = `${prefix}.tracks[${j}]`;
      const name = typeof track.name === 'string' ? track.name : track.code;
      const kind = track.kind === 'mentor' ? (lang === 'zh-CN' ? '（领衔）' : ' (leads)') : '';
      groups.push({
        id: tp,
        title: `${lang === 'zh-CN' ? '参训对象' : 'Track'}：${name}${kind}`,
        entries: under(tp),
      });
    });
    const rest = (id: 'studios' | 'outcomes' | 'countySystem') => ({
      id: `${prefix}.${id}`,
      title: sectionTitle(id, lang),
      // studios and outcomes are lists: keep 'outcomes[0]' as the key, the label comes from the value
      entries:
        id === 'countySystem' ? under(`${prefix}.${id}`) : mine.filter((e) => e.key.startsWith(`${id}[`)),
    });
    groups.push(rest('studios'), rest('outcomes'), rest('countySystem'));
    const level = basics.find((e) => e.key === 'level');
    const cycle = basics.find((e) => e.key === 'cycleYears');
    const subtitle = [
      level ? formatRuleValue({ ...level, key: 'level' }, lang) : '',
      cycle ? `${lang === 'zh-CN' ? '周期' : 'cycle'} ${formatRuleValue(cycle, lang)}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return {
      id: prefix,
      title: type.name,
      tabTitle: type.name.replace(/项目$/, ''),
      subtitle,
      groups: groups
        .map((g) => ({ ...g, entries: ordered(g.entries, RULE_ORDER) }))
        .filter((g) => g.entries.length > 0),
      prefixes: [prefix],
    };
  });
  return [general, classRun, hours, ...types].filter((s) => s.groups.length > 0);
}

/** The 学时 section (`hours`): cycle and school year, categories, teacher groups, claims, other platforms. */
function hoursSection(all: RuleEntry[], lang: Lang): RuleSection {
  // keys keep their full path: the labels name a category's or group's rule from it
  const hours = all.filter((e) => e.path.startsWith('hours.')).map((e) => ({ ...e, key: e.path }));
  const parts: Array<[string, RegExp]> = [
    ['hoursCategories', /^hours\.categories\./],
    ['hoursGroups', /^hours\.groups\./],
    ['hoursClaims', /^hours\.claims\./],
    ['hoursExternal', /^hours\.(xapi\.|importDayMaxTenths)/],
  ];
  const groups: RuleGroup[] = [
    {
      id: 'hoursCycle',
      title: sectionTitle('hoursCycle', lang),
      entries: hours.filter((e) => !parts.some(([, re]) => re.test(e.path))),
    },
    ...parts.map(([id, re]) => ({
      id,
      title: sectionTitle(id, lang),
      entries: hours.filter((e) => re.test(e.path)),
    })),
  ].filter((g) => g.entries.length > 0);
  return {
    id: 'hours',
    title: sectionTitle('hours', lang),
    tabTitle: lang === 'zh-CN' ? '学时认定' : '学时',
    groups,
    prefixes: ['hours'],
  };
}
