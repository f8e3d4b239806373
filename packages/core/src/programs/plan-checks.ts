/**
 * A provider's training plan (培训方案, the body of the 申报书) and the checks it must pass before it can be
 * submitted: the deadline and sealed PDF (R-004-08), one theme (R-004-03), the 12 compulsory topics as
 * asynchronous online modules (R-004-04), practical share ≥ 50 % (R-004-05), days and online 学时 of the
 * project type (annex), and the chief expert with class teachers (R-004-07). Every number comes from the
 * pack; every check carries its rule ID and the values it compared, pass or fail.
 *
 * Units: days as whole days, 学时 in tenths (60 学时 = 600), dates as 'YYYY-MM-DD'.
 */
import {
  findProjectType,
  findTrack,
  type PlanMode,
  type PlanModeSpec,
  type PolicyPack,
  type ProjectTrack,
  type ProjectType,
  totalCentralizedDays,
  totalOnlineTenths,
} from './policy-pack';

export interface PlanModule {
  title: string;
  mode: PlanMode;
  /** Whole days, for modes measured in days (集中培训, 跟岗实践, 返岗实践). */
  days?: number | undefined;
  /** Tenths of 学时, for modes measured in 学时 (网络研修, 工作坊). */
  hoursTenths?: number | undefined;
  /** A practical course (实践性课程, R-004-05). */
  practical: boolean;
  /** Delivered asynchronously (self-paced) online. */
  asynchronous?: boolean | undefined;
  /** The compulsory topic (R-004-04) this module delivers, named exactly as the pack names it. */
  compulsoryTopic?: string | undefined;
}

export const PLAN_STAFF_ROLE_CODES = ['chief_expert', 'subject_class_teacher', 'life_class_teacher'] as const;
export type PlanStaffRole = (typeof PLAN_STAFF_ROLE_CODES)[number];

/** 首席专家, 学科班主任, 生活班主任 (R-004-07). */
export const PLAN_STAFF_ROLES: Array<{ code: PlanStaffRole; name: string; nameEn: string }> = [
  { code: 'chief_expert', name: '首席专家', nameEn: 'Chief expert' },
  { code: 'subject_class_teacher', name: '学科班主任', nameEn: 'Subject class teacher' },
  { code: 'life_class_teacher', name: '生活班主任', nameEn: 'Life class teacher' },
];

export interface PlanStaff {
  role: PlanStaffRole;
  name: string;
  /** 职称 / 职务, e.g. 教授. The seed names no qualification; the office judges it on review. */
  title?: string | undefined;
  organisation?: string | undefined;
}

export interface TrainingPlan {
  /** The one professional-development problem the training solves (R-004-03). */
  theme: string;
  /** Number of classes (班); class teachers are required per class (R-004-07). */
  classCount: number;
  modules: PlanModule[];
  staff: PlanStaff[];
}

export type PlanCheckCode =
  | 'PLAN.DEADLINE'
  | 'PLAN.SEALED_PDF'
  | 'PLAN.THEME'
  | 'PLAN.MODULES'
  | 'PLAN.COMPULSORY_TOPICS'
  | 'PLAN.PRACTICAL_SHARE'
  | 'PLAN.CENTRALIZED_DAYS'
  | 'PLAN.ONLINE_HOURS'
  | 'PLAN.CHIEF_EXPERT'
  | 'PLAN.CLASS_TEACHERS';

export type PlanCheckValue = string | number | boolean | string[];

export interface PlanCheck {
  code: PlanCheckCode;
  ruleId: string;
  /** What the rule asks, in Chinese. */
  label: string;
  passed: boolean;
  /** The values compared (planned vs required), so the UI can say why. */
  values: Record<string, PlanCheckValue>;
  /** One sentence in Chinese naming the rule and the values. */
  message: string;
}

export interface PlanTotals {
  centralizedDays: number;
  onlineHoursTenths: number;
  practiceDays: number;
  /** Practical share in tenths of a percent, rounded down (499 = 49.9 %). */
  practicalSharePermille: number;
}

export interface PlanCheckResult {
  passed: boolean;
  checks: PlanCheck[];
  totals: PlanTotals;
}

export interface PlanCheckOptions {
  /** The programme's track; the project type's first track when absent. */
  trackCode?: string | undefined;
  /** Whether the sealed PDF (盖章 PDF) is attached; the check is left out when undefined. */
  sealedPdf?: boolean | undefined;
}

/** Thrown when the pack lacks what the checks need (an old stored pack): the caller says which. */
export class PlanPackError extends RangeError {}

function modeSpecs(pack: PolicyPack): Map<string, PlanModeSpec> {
  const modes = pack.design.planModes?.value;
  if (!modes || !pack.design.dayHoursTenths) {
    throw new PlanPackError(`政策包 ${pack.id} 缺少培训方案的研修形式（design.planModes）或天数折算学时`);
  }
  return new Map(modes.map((m) => [m.code, m]));
}

const isPositiveInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/** The measure of a module in its mode's unit, or undefined when missing or not a positive integer. */
function measure(m: PlanModule, spec: PlanModeSpec): number | undefined {
  const q = spec.unit === 'days' ? m.days : m.hoursTenths;
  return isPositiveInt(q) ? q : undefined;
}

function fmtHours(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

function fmtPermille(p: number): string {
  return `${Math.floor(p / 10)}.${p % 10}%`;
}

/** Sums of a plan by what its modules count towards; modules of unknown modes or without a measure are left out. */
export function planTotals(plan: TrainingPlan, pack: PolicyPack): PlanTotals {
  const specs = modeSpecs(pack);
  const dayTenths = pack.design.dayHoursTenths.value;
  const basis = pack.design.practicalShareBasis.value;
  let centralizedDays = 0;
  let onlineHoursTenths = 0;
  let practiceDays = 0;
  let practical = 0;
  let total = 0;
  for (const m of plan.modules) {
    const spec = specs.get(m.mode);
    const q = spec && measure(m, spec);
    if (!spec || q === undefined) continue;
    if (spec.countsAs === 'centralized') centralizedDays += q;
    else if (spec.countsAs === 'online') onlineHoursTenths += q;
    else practiceDays += q;
    // the practical share on the pack's basis: 学时 (days × 学时 per day), days (day modules only), or modules
    let weight: number;
    if (basis === 'hours') weight = spec.unit === 'days' ? q * dayTenths : q;
    else if (basis === 'days') weight = spec.unit === 'days' ? q : 0;
    else weight = 1;
    total += weight;
    if (m.practical) practical += weight;
  }
  const practicalSharePermille = total === 0 ? 0 : Math.floor((practical * 1000) / total);
  return { centralizedDays, onlineHoursTenths, practiceDays, practicalSharePermille };
}

interface Ctx {
  pack: PolicyPack;
  type: ProjectType;
  track: ProjectTrack;
  specs: Map<string, PlanModeSpec>;
}

function checkModules(plan: TrainingPlan, ctx: Ctx): PlanCheck {
  const bad: string[] = [];
  // each problem also as codes and values, so a page can word it in the reader's language
  const issue = {
    kinds: [] as string[],
    positions: [] as string[],
    titles: [] as string[],
    modes: [] as string[],
  };
  const note = (kind: string, i: number, m: PlanModule, mode: string, sentence: string) => {
    bad.push(sentence);
    issue.kinds.push(kind);
    issue.positions.push(String(i + 1));
    issue.titles.push(m.title.trim());
    issue.modes.push(mode);
  };
  plan.modules.forEach((m, i) => {
    const spec = ctx.specs.get(m.mode);
    const name = m.title.trim() || `第 ${i + 1} 个模块`;
    if (!spec) note('unknown_mode', i, m, m.mode, `${name}：研修形式"${m.mode}"不在政策包中`);
    else if (m.title.trim() === '') note('untitled', i, m, spec.name, `第 ${i + 1} 个模块：缺少名称`);
    else if (measure(m, spec) === undefined)
      note(
        spec.unit === 'days' ? 'no_days' : 'no_hours',
        i,
        m,
        spec.name,
        `${name}：${spec.name}须填写${spec.unit === 'days' ? '天数（正整数）' : '学时（大于 0）'}`,
      );
  });
  const rule = ctx.pack.design.planModes;
  const passed = plan.modules.length > 0 && bad.length === 0;
  return {
    code: 'PLAN.MODULES',
    ruleId: rule.ruleId,
    label: '课程模块完整（研修形式、天数或学时）',
    passed,
    values: {
      modules: plan.modules.length,
      problems: bad,
      problemKinds: issue.kinds,
      problemPositions: issue.positions,
      problemTitles: issue.titles,
      problemModes: issue.modes,
    },
    message: passed
      ? `${plan.modules.length} 个课程模块均已写明研修形式和天数或学时`
      : plan.modules.length === 0
        ? `培训方案没有课程模块`
        : `${bad.length} 个课程模块不完整：${bad.join('；')}`,
  };
}

function checkTopics(plan: TrainingPlan, ctx: Ctx): PlanCheck {
  const topics = ctx.pack.design.compulsoryTopics;
  const delivery = ctx.pack.design.compulsoryTopicsDelivery;
  const missing: string[] = [];
  const notAsyncOnline: string[] = [];
  for (const topic of topics.value) {
    const modules = plan.modules.filter((m) => m.compulsoryTopic === topic);
    if (modules.length === 0) {
      missing.push(topic);
      continue;
    }
    const ok = modules.some((m) => {
      const spec = ctx.specs.get(m.mode);
      return (
        spec !== undefined &&
        spec.countsAs === 'online' &&
        measure(m, spec) !== undefined &&
        (delivery.value !== 'async_online' || m.asynchronous === true)
      );
    });
    if (!ok) notAsyncOnline.push(topic);
  }
  const passed = missing.length === 0 && notAsyncOnline.length === 0;
  const parts: string[] = [];
  if (missing.length) parts.push(`缺少 ${missing.length} 项：${missing.join('、')}`);
  if (notAsyncOnline.length) parts.push(`未以异步在线形式安排：${notAsyncOnline.join('、')}`);
  return {
    code: 'PLAN.COMPULSORY_TOPICS',
    ruleId: topics.ruleId,
    label: `${topics.value.length} 项必修内容均以异步在线形式安排`,
    passed,
    values: {
      required: topics.value.length,
      present: topics.value.length - missing.length - notAsyncOnline.length,
      missing,
      notAsyncOnline,
    },
    message: passed
      ? `${topics.value.length} 项必修内容均已作为异步在线模块安排`
      : `必修内容不符合要求：${parts.join('；')}`,
  };
}

function checkPracticalShare(ctx: Ctx, totals: PlanTotals): PlanCheck {
  const floor = ctx.pack.design.practicalShareMinPct;
  const min = ctx.type.practicalShareMinPct ?? floor;
  const basis = ctx.pack.design.practicalShareBasis.value;
  const share = totals.practicalSharePermille;
  // exact: permille is rounded down, so 49.96 % shows as 49.9 % and fails a 50 % floor
  const passed = share >= min.value * 10;
  const basisName = basis === 'hours' ? '学时' : basis === 'days' ? '天数' : '模块数';
  return {
    code: 'PLAN.PRACTICAL_SHARE',
    ruleId: min.ruleId,
    label: `实践性课程比例不少于 ${min.value}%`,
    passed,
    values: { sharePermille: share, share: fmtPermille(share), minPct: min.value, basis },
    message: `实践性课程比例（按${basisName}）${fmtPermille(share)}，${passed ? '达到' : '低于'}不少于 ${min.value}% 的要求`,
  };
}

function checkTotal(
  code: 'PLAN.CENTRALIZED_DAYS' | 'PLAN.ONLINE_HOURS',
  planned: number,
  required: number,
  ruleId: string,
  minimum: boolean,
): PlanCheck {
  const days = code === 'PLAN.CENTRALIZED_DAYS';
  const fmt = (n: number) => (days ? `${n} 天` : `${fmtHours(n)} 学时`);
  const what = days ? '集中培训天数（含跟岗）' : '网络研修学时（含工作坊）';
  const passed = minimum ? planned >= required : planned === required;
  return {
    code,
    ruleId,
    label: `${what}${minimum ? '不少于' : '为'} ${fmt(required)}`,
    passed,
    values: days
      ? { planned, required, minimum }
      : { plannedTenths: planned, requiredTenths: required, minimum },
    message: `${what}计划 ${fmt(planned)}，项目要求${minimum ? '不少于' : ''} ${fmt(required)}，${passed ? '符合' : '不符合'}`,
  };
}

function checkStaff(plan: TrainingPlan, ctx: Ctx): PlanCheck[] {
  const staffing = ctx.pack.design.staffing;
  const named = (role: PlanStaffRole) => plan.staff.filter((s) => s.role === role && s.name.trim() !== '');
  const chiefs = named('chief_expert').length;
  const requiredChiefs = staffing.value.chiefExperts;
  const chiefOk = chiefs === requiredChiefs;
  const classes = isPositiveInt(plan.classCount) ? plan.classCount : 0;
  const subject = named('subject_class_teacher').length;
  const life = named('life_class_teacher').length;
  const needSubject = classes * staffing.value.subjectClassTeachersPerClass;
  const needLife = classes * staffing.value.lifeClassTeachersPerClass;
  const teachersOk = classes > 0 && subject >= needSubject && life >= needLife;
  return [
    {
      code: 'PLAN.CHIEF_EXPERT',
      ruleId: staffing.ruleId,
      label: `落实首席专家负责制（${requiredChiefs} 名首席专家）`,
      passed: chiefOk,
      values: { planned: chiefs, required: requiredChiefs },
      message: chiefOk
        ? `已配备首席专家 ${chiefs} 名`
        : `首席专家应为 ${requiredChiefs} 名，方案中为 ${chiefs} 名`,
    },
    {
      code: 'PLAN.CLASS_TEACHERS',
      ruleId: staffing.ruleId,
      label: '每班配备学科班主任和生活班主任',
      passed: teachersOk,
      values: { classes, subject, needSubject, life, needLife },
      message:
        classes === 0
          ? `班级数应为正整数`
          : `${classes} 个班需学科班主任 ${needSubject} 名、生活班主任 ${needLife} 名，方案中为 ${subject} 名、${life} 名，${teachersOk ? '符合' : '不符合'}`,
    },
  ];
}

/**
 * Every check of a training plan against the pack for a project type (code, name or alias), with pass/fail,
 * rule ID and values. `today` and `deadline` are calendar dates in Asia/Shanghai; a plan submitted on the
 * deadline day itself is on time ("7月30日前").
 */
export function checkPlan(
  plan: TrainingPlan,
  pack: PolicyPack,
  projectType: string,
  today: string,
  deadline: string,
  options: PlanCheckOptions = {},
): PlanCheckResult {
  const type = findProjectType(pack, projectType);
  if (!type) throw new RangeError(`政策包 ${pack.id} 中没有项目类型"${projectType}"`);
  const track = findTrack(type, options.trackCode);
  if (!track) throw new RangeError(`项目类型"${type.name}"中没有参训对象类别"${options.trackCode ?? ''}"`);
  const ctx: Ctx = { pack, type, track, specs: modeSpecs(pack) };
  const totals = planTotals(plan, pack);
  const due = pack.deadlines.applicationDue;
  const checks: PlanCheck[] = [];

  const onTime = today <= deadline;
  checks.push({
    code: 'PLAN.DEADLINE',
    ruleId: due.ruleId,
    label: `${deadline} 前（含当日）提交`,
    passed: onTime,
    values: { today, deadline },
    message: onTime
      ? `在申报截止日 ${deadline} 前提交`
      : `已过申报截止日 ${deadline}（今天 ${today}），不能再提交`,
  });
  if (options.sealedPdf !== undefined) {
    const format = pack.deadlines.applicationFormat;
    checks.push({
      code: 'PLAN.SEALED_PDF',
      ruleId: format.ruleId,
      label: '上传加盖公章的 PDF 申报书',
      passed: options.sealedPdf,
      values: { attached: options.sealedPdf },
      message: options.sealedPdf ? `已上传加盖公章的 PDF 申报书` : `尚未上传加盖公章的 PDF 申报书`,
    });
  }
  const theme = pack.design.themeBased;
  if (theme.value) {
    const ok = plan.theme.trim() !== '';
    checks.push({
      code: 'PLAN.THEME',
      ruleId: theme.ruleId,
      label: '主题式培训：写明要解决的一个专业发展问题',
      passed: ok,
      values: { theme: plan.theme.trim() },
      message: ok ? `培训主题：${plan.theme.trim()}` : `培训方案未写明培训主题`,
    });
  }
  checks.push(checkModules(plan, ctx));
  checks.push(checkTopics(plan, ctx));
  checks.push(checkPracticalShare(ctx, totals));

  const minimum = track.planTotalsAreMinimum?.value === true;
  const daysRule =
    track.centralizedDaysTotal?.ruleId ?? track.centralizedDaysPerYear?.ruleId ?? type.definedBy.ruleId;
  checks.push(
    checkTotal(
      'PLAN.CENTRALIZED_DAYS',
      totals.centralizedDays,
      totalCentralizedDays(type, track),
      daysRule,
      minimum,
    ),
  );
  checks.push(
    checkTotal(
      'PLAN.ONLINE_HOURS',
      totals.onlineHoursTenths,
      totalOnlineTenths(type, track),
      track.onlineHoursTenths?.ruleId ?? type.definedBy.ruleId,
      minimum,
    ),
  );
  checks.push(...checkStaff(plan, ctx));
  return { passed: checks.every((c) => c.passed), checks, totals };
}
