/** Labels of a pack's sections, rule values and the codes in them, in both languages. */
import type { Lang } from '../../shared/i18n';
import { HOURS_CODE_NAMES, HOURS_SECTION_TITLES, hoursRuleLabel } from './pack-hours-labels';
import { isRecord, type RuleEntry } from './pack-rule-entries';
import { type Text, tx } from './pack-text';

export { type Text, tx };

export const SECTION_TITLES: Record<string, Text> = {
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
  ...HOURS_SECTION_TITLES,
};

export function sectionTitle(id: keyof typeof SECTION_TITLES, lang: Lang): string {
  return SECTION_TITLES[id]?.[lang] ?? id;
}

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
  planModes: tx('培训方式及计量', 'Delivery modes and how they count'),
  dayHoursTenths: tx('1 天折合学时', '学时 per training day'),
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
  planTotalsAreMinimum: tx('天数、学时为下限（方案可多于此数）', 'Days and hours are minimums'),
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
  if (key.startsWith('hours.')) return hoursRuleLabel(key.slice('hours.'.length), lang) ?? OTHER_RULE[lang];
  const exact = LABELS[key];
  if (exact) return exact[lang];
  const last = key.split('.').pop() ?? key;
  const found = LABELS[last];
  if (found) return found[lang];
  if (key.startsWith('studios')) return SECTION_TITLES.studios?.[lang] ?? OTHER_RULE[lang];
  if (key.startsWith('outcomes')) return SECTION_TITLES.outcomes?.[lang] ?? OTHER_RULE[lang];
  // a rule this version of the page has no name for: never its code key
  return OTHER_RULE[lang];
}

const OTHER_RULE = tx('其他规定', 'Other rule');

/** The documents the rule values cite ('S004:L128'), by seed tag. */
const SEED_NAMES: Record<string, Text> = {
  S000: tx('成都 2009 课改专著', 'Chengdu 2009 book'),
  S001: tx('综改实验区方案', 'Reform zones’ plans'),
  S002: tx('清远 2020 指导意见', 'Qingyuan 2020 guidance'),
  S003: tx('济源 2022 通知', 'Jiyuan 2022 notice'),
  S004: tx('河南 2021 通知', 'Henan 2021 notice'),
};

/**
 * Where a value is written, in words: 'S004:L18-20' → '河南 2021 通知 第 18–20 行'; a rule Yanxun adds where
 * the documents give none ('issue 3') → '平台规则（文件未规定）'.
 */
export function sourceLabel(source: string, lang: Lang): string {
  const m = /^(S\d{3}):(.+)$/.exec(source.trim());
  if (m) {
    const doc = SEED_NAMES[m[1] ?? '']?.[lang] ?? (lang === 'zh-CN' ? '依据文件' : 'Source document');
    const lines = (m[2] ?? '')
      .split(',')
      .map((part) => part.trim().replace(/^L/, '').replace('-', '–'))
      .filter(Boolean);
    if (lines.length === 0) return doc;
    return lang === 'zh-CN' ? `${doc} 第 ${lines.join('、')} 行` : `${doc}, line ${lines.join(', ')}`;
  }
  if (/^issue\b/i.test(source.trim()))
    return lang === 'zh-CN' ? '平台规则（文件未规定）' : 'Yanxun rule (not in the documents)';
  return source;
}

// ---------------------------------------------------------------------------------------------------------
// Values

export const CODE_NAMES: Record<string, Text> = {
  ...HOURS_CODE_NAMES,
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
  dean: tx('教导主任', 'dean of studies'),
  grade_lead: tx('年级组长', 'grade group leader'),
  subject_lead: tx('教研组长', 'subject group leader'),
  other: tx('其他', 'other'),
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
  // plan modes (R-004-31)
  centralized: tx('集中培训', 'centralised training'),
  online: tx('网络研修', 'online training'),
  shadowing: tx('跟岗实践', 'shadowing'),
  return_practice: tx('返岗实践', 'practice back at school'),
  workshop: tx('工作坊', 'workshop'),
};

/** How a plan mode (R-004-31) is measured and what it counts towards. */
export const PLAN_MODE_TEXT: Record<string, Text> = {
  days: tx('按天计', 'in days'),
  hours: tx('按学时计', 'in 学时'),
  'countsAs.centralized': tx('计入集中培训天数', 'counts towards centralised days'),
  'countsAs.online': tx('计入网络研修学时', 'counts towards online 学时'),
  'countsAs.practice': tx(
    '不计入集中培训天数和网络研修学时（返岗实践以年计）',
    'counts towards neither (practice is counted in years)',
  ),
  practical: tx('默认为实践性课程', 'practical by default'),
  notPractical: tx('默认非实践性课程', 'not practical by default'),
};

/** Backbone levels reuse level codes (school, county, city): named as backbone levels in their lists. */
export const BACKBONE_NAMES: Record<string, Text> = {
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
