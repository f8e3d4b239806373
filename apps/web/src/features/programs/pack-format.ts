/**
 * A policy pack as an officer reads it: every rule value (`{ value, ruleId, source, note? }`) found in the
 * pack body, grouped by section and project type, with a label and a formatted value in the user's language.
 * Pure functions: the pack view, the editor and the tests share them.
 */
import type { PackProblemBody, PolicyPackBody } from '@yanxun/contracts';
import type { Lang } from '../../shared/i18n';

type Text = { 'zh-CN': string; 'en-US': string };
const tx = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });

/** One rule value of the pack. `path` is the pack path validatePack and the what-if preview use. */
export interface RuleEntry {
  path: string;
  /** The key path below its group, for the label: 'eligibility.age.max', 'centralizedDaysTotal'. */
  key: string;
  ruleId: string;
  source: string;
  note?: string;
  value: unknown;
}

export interface RuleGroup {
  id: string;
  title: string;
  entries: RuleEntry[];
}

export interface RuleSection {
  id: string;
  title: string;
  /** Shorter, for a tab: the name without its "项目" suffix. */
  tabTitle?: string;
  /** For a project type: its level, cycle … as a subtitle. */
  subtitle?: string;
  groups: RuleGroup[];
  /** the pack paths the section holds (for counting edits and problems per tab). */
  prefixes: string[];
}

/** whether a rule path lies under one of a section's prefixes. */
export function inSection(section: Pick<RuleSection, 'prefixes'>, path: string): boolean {
  return section.prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isRuleValue(
  v: unknown,
): v is { value: unknown; ruleId: string; source: string; note?: string } {
  return isRecord(v) && 'value' in v && typeof v.ruleId === 'string' && typeof v.source === 'string';
}

/** Every rule value under `node`, depth first, in the pack's own order. */
export function collectRules(node: unknown, path = ''): RuleEntry[] {
  if (isRuleValue(node)) {
    return [
      {
        path,
        key: path,
        ruleId: node.ruleId,
        source: node.source,
        ...(typeof node.note === 'string' ? { note: node.note } : {}),
        value: node.value,
      },
    ];
  }
  if (Array.isArray(node)) return node.flatMap((child, i) => collectRules(child, `${path}[${i}]`));
  if (isRecord(node)) {
    return Object.entries(node).flatMap(([k, child]) => collectRules(child, path ? `${path}.${k}` : k));
  }
  return [];
}

function relative(entries: RuleEntry[], prefix: string): RuleEntry[] {
  return entries.map((e) => ({ ...e, key: e.path.slice(prefix.length).replace(/^\./, '') }));
}

const SECTION_TITLES: Record<string, Text> = {
  general: tx('通用设置与时间节点', 'General settings and deadlines'),
  settings: tx('计算口径', 'How values are computed'),
  deadlines: tx('时间节点', 'Deadlines'),
  design: tx('培训设计要求', 'Training design'),
  funding: tx('经费标准', 'Funding standards'),
  integrity: tx('诚信约束与限制', 'Integrity bans and limits'),
  typeBasics: tx('项目设置', 'Project set-up'),
  studios: tx('工作室结构', 'Studio structures'),
  outcomes: tx('成果要求', 'Required outcomes'),
  countySystem: tx('县域体系建设要求', 'County support system'),
  classRun: tx('班级运行、结业与考核目标', 'Classes, completion and KPI targets'),
  classDeadlines: tx('班级时间节点（R-004-09…15）', 'Class deadlines (R-004-09…15)'),
  classOps: tx('进度预警与签到', 'Deadline warnings and check-in'),
  completion: tx('结业与成果', 'Completion and outcomes'),
  kpiTargets: tx('考核目标（数据看板）', 'KPI targets (dashboard)'),
};

export function sectionTitle(id: keyof typeof SECTION_TITLES, lang: Lang): string {
  return SECTION_TITLES[id]?.[lang] ?? id;
}

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
  ].filter((g) => g.entries.length > 0);
  const general: RuleSection = {
    id: 'general',
    title: SECTION_TITLES.general?.[lang] ?? '',
    tabTitle: lang === 'zh-CN' ? '通用规则' : 'General',
    groups: generalGroups,
    prefixes: generalGroups.flatMap((g) => g.entries.map((e) => e.path)),
  };
  // a stored pack comes back from jsonb with its keys reordered: show these in the rules' own order
  const ordered = (entries: RuleEntry[], keys: string[]) =>
    [...entries].sort((a, b) => {
      const ia = keys.indexOf(a.key);
      const ib = keys.indexOf(b.key);
      return (ia < 0 ? keys.length : ia) - (ib < 0 ? keys.length : ib);
    });
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
      groups: groups.filter((g) => g.entries.length > 0),
      prefixes: [prefix],
    };
  });
  return classRun.groups.length > 0 ? [general, classRun, ...types] : [general, ...types];
}

// ---------------------------------------------------------------------------------------------------------
// Labels

/** Labels by key path (relative to the group); the last segment is tried when the full key is unknown. */
const LABELS: Record<string, Text> = {
  // deadlines
  applicationDue: tx('实施方案申报截止', 'Application due'),
  applicationFormat: tx('申报材料格式', 'Application format'),
  selectionDue: tx('学员遴选截止', 'Selection due'),
  classDatesDue: tx('开班时间报送截止', 'Class dates due'),
  registrationNotice: tx('报到通知书发出', 'Registration notice'),
  timetable: tx('课程表报送', 'Timetable'),
  bulletinsMin: tx('工作简报（至少）', 'Bulletins (at least)'),
  bulletinsBasis: tx('简报计数口径', 'Bulletins counted per'),
  finalReports: tx('总结材料报送', 'Final reports'),
  finalReportItems: tx('总结材料清单', 'Final report items'),
  // design
  themeBased: tx('主题式培训（一训一题）', 'Theme-based training'),
  compulsoryTopics: tx('必修专题', 'Compulsory topics'),
  compulsoryTopicsDelivery: tx('必修专题开设方式', 'Compulsory topics delivered as'),
  practicalShareMinPct: tx('实践性课程比例不少于', 'Practical share at least'),
  practicalShareBasis: tx('实践比例计算口径', 'Practical share measured by'),
  staffing: tx('专家与班主任配备', 'Experts and class teachers'),
  // funding
  centralizedPerPersonDayFen: tx('集中培训标准', 'Centralised training'),
  onlinePerPersonHourFen: tx('网络研修标准', 'Online training'),
  studioSubsidyFen: tx('工作室补助', 'Studio subsidy'),
  // integrity
  years: tx('限制年限', 'Ban (years)'),
  kinds: tx('记入诚信档案的情形', 'Recorded cases'),
  appliesToLevels: tx('限制的项目级别', 'Levels barred'),
  centralizedOnly: tx('仅限集中培训项目', 'Centralised programmes only'),
  anniversary: tx('满期当日', 'On the anniversary'),
  noOverlappingEnrolment: tx('不得同期参加其他培训', 'No overlapping enrolment'),
  // settings
  referenceDate: tx('年龄、教龄计算日期', 'Ages and years computed on'),
  trainingYearsCounting: tx('培训工作年限计算方式', 'Training-work years counted as'),
  // project type
  level: tx('项目级别', 'Level'),
  cycleYears: tx('培训周期', 'Cycle'),
  traineeTotal: tx('培训人数', 'Trainees'),
  competitiveRatio: tx('差额遴选比例', 'Competitive ratio'),
  // shortlist (R-004-59)
  'shortlistSelection.ownerConfirms': tx(
    '差额遴选结果须主办单位确认',
    'Owner confirms the competitive selection',
  ),
  // track
  centralizedDaysPerYear: tx('每年集中培训', 'Centralised days per year'),
  centralizedDaysTotal: tx('集中培训（合计）', 'Centralised days (total)'),
  onlineHoursTenths: tx('网络研修', 'Online hours'),
  onlineHoursBasis: tx('网络研修学时口径', 'Online hours counted'),
  practiceYears: tx('返岗实践', 'Practice back at school'),
  'eligibility.age.min': tx('年龄下限', 'Minimum age'),
  'eligibility.age.max': tx('年龄上限', 'Maximum age'),
  'eligibility.age.soft': tx('年龄为"原则上"（可例外）', 'Age rule "in principle" (override allowed)'),
  'eligibility.minTrainingWorkYears': tx('从事培训工作年限', 'Years in training work'),
  'eligibility.minTeachingYears': tx('教龄', 'Years teaching'),
  'eligibility.schoolLocationTypes': tx('任教学校城乡类型', 'School location'),
  'eligibility.backboneLevels': tx('骨干教师等级', 'Backbone level'),
  'eligibility.roles': tx('岗位要求', 'Roles'),
  'eligibility.titles': tx('职称要求', 'Titles'),
  'eligibility.stages': tx('学段要求', 'Stages'),
  'eligibility.attestations': tx('推荐单位确认事项', 'Confirmed by the nominating unit'),
  'eligibility.priorities': tx('优先条件', 'Priority'),
  // county system
  projectCounties: tx('项目县', 'Project counties'),
  trainingTeamSize: tx('县级培训团队人数', 'County training team'),
  trainingTeamDomains: tx('培训团队构成', 'Team domains'),
  devSchools: tx('教师发展学校', 'Development schools'),
  devSchoolsPrimary: tx('其中小学', 'of which primary'),
  devSchoolsSecondary: tx('其中中学', 'of which secondary'),
  teamMinPerDevSchool: tx('每所发展学校团队成员至少', 'Team members per development school'),
  teamMinPerStudio: tx('每个工作室团队成员至少', 'Team members per studio'),
  studios: tx('工作室', 'Studios'),
  studioLeaders: tx('工作室主持人', 'Studio leaders'),
  youngMembers: tx('青年骨干成员', 'Young members'),
  pairing: tx('结对帮扶', 'Pairing'),
  // class operations
  dueSoonDays: tx('材料到期预警（提前）', 'Warn before a deadline'),
  checkinRotationSeconds: tx('签到码更换周期', 'Check-in code changes every'),
  checkinGraceWindows: tx('旧签到码宽限周期', 'Earlier codes still accepted'),
  checkinOpensDaysBefore: tx('开班前开放签到', 'Check-in opens before the start'),
  // completion
  minAttendancePct: tx('结业最低出勤比例', 'Minimum attendance for completion'),
  approvedLeave: tx('经批准的请假计为', 'Approved leave counts as'),
  outcomeDueDaysAfterEnd: tx('成果提交期限（结业后）', 'Outcomes due after the end'),
  outcomePassScore: tx('成果合格分数', 'Outcome pass score'),
  videoOutcomes: tx('可提交视频的成果', 'Outcomes that may be a video'),
  partialHours: tx('未结业学时登记', 'Hours for non-completion'),
  certificateSeqDigits: tx('证书顺序号位数', 'Certificate sequence digits'),
  // KPI targets
  'kpiTargets.registrationRate': tx('注册完成率目标', 'Registration rate target'),
  'kpiTargets.arrivalRate': tx('报到率目标', 'Arrival rate target'),
  'kpiTargets.attendanceRate': tx('出勤率目标', 'Attendance rate target'),
  'kpiTargets.completionRate': tx('结业率目标', 'Completion rate target'),
  registrationRate: tx('注册完成率目标', 'Registration rate target'),
  arrivalRate: tx('报到率目标', 'Arrival rate target'),
  attendanceRate: tx('出勤率目标', 'Attendance rate target'),
  completionRate: tx('结业率目标', 'Completion rate target'),
};

export function ruleLabel(entry: Pick<RuleEntry, 'key'> & { value?: unknown }, lang: Lang): string {
  const v = entry.value;
  if (/^studios\[\d+\]$/.test(entry.key) && isRecord(v) && typeof v.name === 'string') return v.name;
  if (/^outcomes\[\d+\]$/.test(entry.key) && isRecord(v)) {
    const owner = OWNER_NAMES[String(v.owner)]?.[lang] ?? String(v.owner);
    return lang === 'zh-CN' ? `${owner}成果` : `${owner} outcomes`;
  }
  const key = entry.key.replace(/\[\d+\]$/, '');
  const exact = LABELS[key];
  if (exact) return exact[lang];
  const last = key.split('.').pop() ?? key;
  const found = LABELS[last];
  if (found) return found[lang];
  if (key.startsWith('studios')) return SECTION_TITLES.studios?.[lang] ?? key;
  if (key.startsWith('outcomes')) return SECTION_TITLES.outcomes?.[lang] ?? key;
  return key;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const CODE_NAMES: Record<string, Text> = {
  // levels
  national: tx('国培计划', 'National'),
  provincial: tx('省培计划', 'Provincial'),
  city: tx('市培计划', 'City'),
  county: tx('县培计划', 'County'),
  school: tx('校本研修', 'School-based'),
  studio: tx('工作室研修', 'Studio'),
  // location
  urban: tx('城区', 'urban'),
  town: tx('镇区', 'town'),
  rural: tx('乡村', 'rural'),
  // integrity kinds
  no_show: tx('无特殊情况未参训', 'no-show'),
  dismissed: tx('被劝退', 'dismissed'),
  not_completed: tx('未结业', 'not completed'),
  // enumerations
  year_difference: tx('按年份差计算（起始年份次年起算 1 年）', 'year difference'),
  full_years_only: tx('只计满整年', 'full years only'),
  hours: tx('按学时', 'by hours'),
  days: tx('按天数', 'by days'),
  modules: tx('按模块数', 'by modules'),
  provider_project: tx('每个承训单位每个项目', 'per provider and project'),
  provider: tx('每个承训单位', 'per provider'),
  per_year: tx('每年', 'per year'),
  per_cycle: tx('整个周期', 'per cycle'),
  async_online: tx('网络课程（异步在线）', 'asynchronous online modules'),
  sealed_pdf: tx('加盖公章的 PDF', 'sealed PDF'),
  allowed: tx('可以参训', 'may attend'),
  barred: tx('仍不能参训', 'still barred'),
  // roles of training work and the role table
  chief_expert: tx('项目首席专家', 'chief expert'),
  instructor: tx('授课专家', 'instructor'),
  trainer: tx('专兼职培训者', 'trainer'),
  training_admin: tx('培训管理者', 'training administrator'),
  researcher: tx('教研员', 'researcher'),
  principal: tx('校长', 'principal'),
  vice_principal: tx('副校长', 'vice principal'),
  homeroom: tx('班主任', 'homeroom teacher'),
  // backbone levels
  leader: tx('学科带头人', 'subject leader'),
  master: tx('名师', 'master teacher'),
  special: tx('特级教师', 'special-grade teacher'),
  province: tx('省级骨干', 'provincial'),
  // outcome owners
  trainee: tx('学员', 'trainee'),
  dev_school: tx('教师发展学校', 'development school'),
  // completion readings
  present: tx('出勤', 'attended'),
  excused: tx('不计入课次总数', 'excused (not counted)'),
  absent: tx('缺勤', 'absent'),
  none: tx('不登记学时', 'no hours'),
  attended_share: tx('按出勤比例折算学时', 'hours × attendance share'),
};

/** Backbone levels reuse level codes (school, county, city): named as backbone levels in their lists. */
const BACKBONE_NAMES: Record<string, Text> = {
  school: tx('校级骨干', 'school'),
  county: tx('县级骨干', 'county'),
  city: tx('市级骨干', 'city'),
  province: tx('省级骨干', 'provincial'),
  leader: tx('学科带头人', 'subject leader'),
  master: tx('名师', 'master teacher'),
  special: tx('特级教师', 'special-grade'),
};

const OWNER_NAMES: Record<string, Text> = {
  trainee: tx('学员', 'Trainees'),
  provider: tx('承训机构', 'Provider'),
  county: tx('项目县', 'County'),
  dev_school: tx('教师发展学校', 'Development school'),
  studio: tx('工作室', 'Studio'),
};

export function backboneLabel(code: string, lang: Lang): string {
  return BACKBONE_NAMES[code]?.[lang] ?? code;
}

export function codeLabel(code: string, lang: Lang): string {
  return CODE_NAMES[code]?.[lang] ?? code;
}

const sep = (lang: Lang) => (lang === 'zh-CN' ? '、' : ', ');
const yuan = (fen: number) => {
  const v = fen / 100;
  return Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toFixed(2);
};

/** Units of a numeric rule, by its key; money in fen and hours in tenths are shown in 元 and 学时. */
export type NumberUnit =
  | 'fen'
  | 'tenths'
  | 'days'
  | 'years'
  | 'pct'
  | 'people'
  | 'count'
  | 'ratio'
  | 'age'
  // a share 0…1 shown as a percentage; seconds; score points; digits; rotation windows
  | 'share'
  | 'seconds'
  | 'points'
  | 'digits'
  | 'windows';

export function numberUnit(key: string): NumberUnit {
  const last = key.split('.').pop() ?? key;
  if (/Rate$/.test(last)) return 'share';
  if (last.endsWith('Seconds')) return 'seconds';
  if (last.endsWith('Score')) return 'points';
  if (last.endsWith('Digits')) return 'digits';
  if (last.endsWith('Windows')) return 'windows';
  if (last.endsWith('Fen')) return 'fen';
  if (last.endsWith('Tenths')) return 'tenths';
  if (/Days/.test(last) || last === 'offsetDays') return 'days';
  if (last === 'min' || last === 'max') return 'age';
  if (/Years$|^years$|cycleYears/.test(last)) return 'years';
  if (last.endsWith('Pct')) return 'pct';
  if (last === 'competitiveRatio') return 'ratio';
  if (/traineeTotal|Size|youngMembers|teamMin/.test(last)) return 'people';
  return 'count';
}

const UNIT_TEXT: Record<NumberUnit, Text> = {
  fen: tx('元', 'yuan'),
  tenths: tx('学时', 'hours'),
  days: tx('天', 'days'),
  years: tx('年', 'years'),
  pct: tx('%', '%'),
  people: tx('人', 'people'),
  count: tx('个', ''),
  ratio: tx('', ''),
  age: tx('周岁', 'years old'),
  share: tx('%', '%'),
  seconds: tx('秒', 'seconds'),
  points: tx('分', 'points'),
  digits: tx('位', 'digits'),
  windows: tx('个周期', 'windows'),
};

/** Money per …: the funding standards' units. */
const PER_TEXT: Record<string, Text> = {
  centralizedPerPersonDayFen: tx('元/人·天', 'yuan per person-day'),
  onlinePerPersonHourFen: tx('元/人·学时', 'yuan per person-hour'),
  studioSubsidyFen: tx('元/个工作室', 'yuan per studio'),
};

export function unitText(key: string, lang: Lang): string {
  const last = key.split('.').pop() ?? key;
  return PER_TEXT[last]?.[lang] ?? UNIT_TEXT[numberUnit(key)][lang];
}

/** The number shown for editing: 元 for fen, 学时 for tenths, the value itself otherwise. */
export function toDisplayNumber(key: string, stored: number): number {
  const unit = numberUnit(key);
  if (unit === 'fen') return stored / 100;
  if (unit === 'tenths') return stored / 10;
  if (unit === 'share') return Math.round(stored * 10_000) / 100;
  return stored;
}

export function fromDisplayNumber(key: string, shown: number): number {
  const unit = numberUnit(key);
  if (unit === 'fen') return Math.round(shown * 100);
  if (unit === 'tenths') return Math.round(shown * 10);
  if (unit === 'share') return Math.round(shown * 100) / 10_000;
  return shown;
}

export function formatNumber(key: string, n: number, lang: Lang): string {
  const unit = numberUnit(key);
  if (unit === 'ratio') return `1 : ${n}`;
  if (unit === 'fen') return `${yuan(n)} ${unitText(key, lang)}`;
  const shown = toDisplayNumber(key, n);
  const u = unitText(key, lang);
  if (unit === 'pct' || unit === 'share') return `${shown}%`;
  return u ? `${shown} ${u}` : String(shown);
}

function isOffset(v: unknown): v is { anchor: string; offsetDays: number; mustBe: string } {
  return isRecord(v) && typeof v.offsetDays === 'number' && typeof v.anchor === 'string';
}

export function formatOffset(v: { anchor: string; offsetDays: number }, lang: Lang): string {
  const days = Math.abs(v.offsetDays);
  const start = v.anchor === 'class_start';
  if (lang === 'zh-CN') {
    const anchor = start ? '开班' : '结业';
    return v.offsetDays < 0 ? `${anchor}前 ${days} 天` : `${anchor}后 ${days} 天内`;
  }
  const anchor = start ? 'class start' : 'class end';
  return v.offsetDays < 0 ? `${days} days before ${anchor}` : `within ${days} days after ${anchor}`;
}

function formatStudio(v: Record<string, unknown>, lang: Lang): string {
  const roles = Array.isArray(v.roles) ? v.roles.filter(isRecord) : [];
  const parts = roles.map((r) => {
    const range = r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
    return lang === 'zh-CN' ? `${r.name} ${range} 名` : `${r.name} ${range}`;
  });
  const tail =
    lang === 'zh-CN'
      ? `周期 ${v.durationYears} 年${v.subsidised ? '，享受工作室补助' : ''}`
      : `${v.durationYears} years${v.subsidised ? ', subsidised' : ''}`;
  return `${parts.join(sep(lang))}；${tail}`;
}

function formatOutcome(v: Record<string, unknown>, lang: Lang): string {
  const items = Array.isArray(v.items) ? v.items.filter(isRecord) : [];
  const mode =
    v.mode === 'any'
      ? lang === 'zh-CN'
        ? '任选其一'
        : 'any one of'
      : lang === 'zh-CN'
        ? '须全部提交'
        : 'all of';
  const list = items.map((it) => {
    const parts = Array.isArray(it.parts) && it.parts.length > 0 ? `（${it.parts.join(sep(lang))}）` : '';
    return `${it.name} ×${it.count}${parts}`;
  });
  return `${mode}${lang === 'zh-CN' ? '：' : ': '}${list.join(sep(lang))}`;
}

const FIELD_NAMES: Record<string, Text> = {
  chiefExperts: tx('首席专家', 'chief experts'),
  subjectClassTeachersPerClass: tx('每班学科班主任', 'subject class teachers per class'),
  lifeClassTeachersPerClass: tx('每班生活班主任', 'life class teachers per class'),
  masterTeachers: tx('名师', 'master teachers'),
  masterPrincipals: tx('名校长', 'master principals'),
  masterHeadTeachers: tx('名班主任', 'master head teachers'),
  universities: tx('高校', 'universities'),
  qualitySchools: tx('优质学校', 'quality schools'),
  provincialTeams: tx('省级团队', 'provincial teams'),
};

/** A rule value as text, in the user's language. */
export function formatRuleValue(entry: Pick<RuleEntry, 'key' | 'value'>, lang: Lang): string {
  const { key, value } = entry;
  const last = key.split('.').pop() ?? key;
  if (typeof value === 'number') return formatNumber(key, value, lang);
  if (typeof value === 'boolean')
    return value ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no';
  if (typeof value === 'string') return codeLabel(value, lang);
  if (isOffset(value)) return formatOffset(value, lang);
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x === 'string')) {
      const names = last === 'backboneLevels' ? BACKBONE_NAMES : CODE_NAMES;
      return value.map((x: string) => names[x]?.[lang] ?? x).join(sep(lang));
    }
    return value
      .map((x) => (isRecord(x) && typeof x.label === 'string' ? x.label : JSON.stringify(x)))
      .join(sep(lang));
  }
  if (isRecord(value)) {
    if (typeof value.kind === 'string' && last === 'referenceDate') {
      if (value.kind === 'selection_deadline')
        return lang === 'zh-CN' ? '学员遴选截止日' : 'selection deadline';
      if (value.kind === 'class_start') return lang === 'zh-CN' ? '开班日' : 'class start';
      return String(value.date ?? '');
    }
    if (Array.isArray(value.anyRole)) {
      const roles = (value.anyRole as string[]).map((r) => codeLabel(r, lang));
      const backbone = Array.isArray(value.anyBackbone)
        ? (value.anyBackbone as string[]).map((b) => BACKBONE_NAMES[b]?.[lang] ?? b)
        : [];
      const or = lang === 'zh-CN' ? '或' : ' or ';
      return [roles.join(sep(lang)), backbone.join(sep(lang))].filter(Boolean).join(or);
    }
    if (Array.isArray(value.roles)) return formatStudio(value, lang);
    if (Array.isArray(value.items)) return formatOutcome(value, lang);
    return Object.entries(value)
      .map(([k, v]) => `${FIELD_NAMES[k]?.[lang] ?? k} ${String(v)}`)
      .join(lang === 'zh-CN' ? '；' : '; ');
  }
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------
// Editing

/** Where an edit goes: a number rule, the day count of a deadline offset, or one of a setting's readings. */
export type EditKind = 'number' | 'offset' | 'choice';

/** settings with a fixed set of readings (by the last key), edited as a choice. */
const CHOICES: Record<string, string[]> = {
  approvedLeave: ['absent', 'excused', 'present'],
  partialHours: ['none', 'attended_share'],
  bulletinsBasis: ['provider_project', 'provider'],
};

/** The readings a setting may take, or undefined when it is not a choice. */
export function choicesOf(entry: Pick<RuleEntry, 'key'>): string[] | undefined {
  return CHOICES[entry.key.split('.').pop() ?? entry.key];
}

export function editKind(entry: Pick<RuleEntry, 'value' | 'key'>): EditKind | null {
  if (typeof entry.value === 'number') return 'number';
  if (isOffset(entry.value)) return 'offset';
  if (typeof entry.value === 'string' && choicesOf(entry)?.includes(entry.value)) return 'choice';
  return null;
}

/** Edits by rule path: the new number (stored unit), for an offset the new offsetDays, or a reading's code. */
export type PackEdits = Record<string, number | string>;

function readPath(root: unknown, path: string): unknown {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node: unknown = root;
  for (const k of keys) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** The pack with the edits applied (a copy). */
export function applyEdits(pack: PolicyPackBody, edits: PackEdits): PolicyPackBody {
  const copy = structuredClone(pack);
  for (const [path, n] of Object.entries(edits)) {
    const target = readPath(copy, path);
    if (!isRuleValue(target)) continue;
    if (isOffset(target.value) && typeof n === 'number') target.value = { ...target.value, offsetDays: n };
    else target.value = n;
  }
  return copy;
}

/** The what-if preview's changes: `path` of the rule value, whose `.value` the server sets. */
export function editsToChanges(pack: PolicyPackBody, edits: PackEdits): { path: string; value: unknown }[] {
  return Object.entries(edits).flatMap(([path, n]) => {
    const target = readPath(pack, path);
    if (!isRuleValue(target)) return [];
    return [
      {
        path,
        value: isOffset(target.value) && typeof n === 'number' ? { ...target.value, offsetDays: n } : n,
      },
    ];
  });
}

/**
 * Problems of a save or preview, by the rule path they belong to: the longest rule path that is the problem's
 * path or a prefix of it ('deadlines.timetable.offsetDays' → 'deadlines.timetable'). Others go to ''.
 */
export function problemsByRule(
  pack: PolicyPackBody,
  problems: PackProblemBody[],
): Map<string, PackProblemBody[]> {
  const paths = collectRules(pack)
    .map((e) => e.path)
    .sort((a, b) => b.length - a.length);
  const out = new Map<string, PackProblemBody[]>();
  for (const p of problems) {
    const owner =
      paths.find((rp) => p.path === rp || p.path.startsWith(`${rp}.`) || p.path.startsWith(`${rp}[`)) ??
      // a problem of a whole object (min above max at '….age'): the first rule inside it
      (p.path ? [...paths].reverse().find((rp) => rp.startsWith(`${p.path}.`)) : undefined) ??
      '';
    const list = out.get(owner) ?? [];
    list.push(p);
    out.set(owner, list);
  }
  return out;
}

/** `error.details.problems` of a pack save or preview refusal. */
export function packProblemsOf(details: unknown): PackProblemBody[] {
  if (!isRecord(details) || !Array.isArray(details.problems)) return [];
  return details.problems.flatMap((p: unknown) =>
    isRecord(p) && typeof p.message === 'string'
      ? [
          {
            code: String(p.code ?? ''),
            ruleId: String(p.ruleId ?? ''),
            path: String(p.path ?? ''),
            message: p.message,
          },
        ]
      : [],
  );
}
