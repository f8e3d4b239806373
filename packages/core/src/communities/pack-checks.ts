/**
 * The checks of a pack's `communities` section (when it has one): whole numbers where counts are meant, each
 * minimum not above its maximum, shares between 0 and 1, months 1–12, known 学段, 职称, kinds and levels, ages in
 * order (first appointment ≤ renewal), and the values the section shares with the `hours` section and the funding
 * standards agreeing with them (`communityRulesOf` reads those, so a different copy here would be ignored).
 * Problems name the rule and the path.
 */
import { STAGES, TITLES } from '../codes';
import type { HourRules } from '../hours/types';
import type { Collector } from '../programs/pack-problems';
import { type PolicyValue, PROGRAM_LEVEL_CODES } from '../programs/policy-pack';
import {
  COMMUNITY_KINDS,
  COMMUNITY_LEVELS,
  type CommunityRules,
  MEMBERSHIP_PRIORITY_CODES,
  type MembershipPriority,
  type StudioShapeRules,
} from './types';

const CODE = 'PACK.COMMUNITIES';

function whole(v: PolicyValue<number> | undefined, path: string, label: string, c: Collector, min = 0): void {
  if (!v) return;
  if (!Number.isInteger(v.value) || v.value < min)
    c.add(CODE, v.ruleId, path, `${label}应为不小于 ${min} 的整数，实为 ${v.value}`);
}

function inRange(v: PolicyValue<number>, path: string, label: string, lo: number, hi: number, c: Collector) {
  if (!Number.isInteger(v.value) || v.value < lo || v.value > hi)
    c.add(CODE, v.ruleId, path, `${label}应为 ${lo}～${hi} 之间的整数，实为 ${v.value}`);
}

function share(v: PolicyValue<number>, path: string, label: string, c: Collector): void {
  if (!Number.isFinite(v.value) || v.value < 0 || v.value > 1)
    c.add(CODE, v.ruleId, path, `${label}应在 0～1 之间（如 0.2 表示 20%），实为 ${v.value}`);
}

function minMax(
  lo: PolicyValue<number> | undefined,
  hi: PolicyValue<number> | undefined,
  path: string,
  label: string,
  c: Collector,
): void {
  if (lo && hi && lo.value > hi.value)
    c.add(CODE, lo.ruleId, path, `${label}的下限 ${lo.value} 高于上限 ${hi.value}`);
}

function oneOf<T extends string>(
  v: PolicyValue<T>,
  allowed: readonly string[],
  path: string,
  label: string,
  c: Collector,
) {
  if (!allowed.includes(v.value))
    c.add(CODE, v.ruleId, path, `${label}"${v.value}"无效（应为 ${allowed.join(' / ')}）`);
}

function known(
  v: PolicyValue<string[]>,
  allowed: readonly string[],
  path: string,
  label: string,
  c: Collector,
) {
  for (const x of v.value) if (!allowed.includes(x)) c.add(CODE, v.ruleId, path, `${label}"${x}"不存在`);
}

function shape(s: StudioShapeRules, path: string, label: string, c: Collector): void {
  whole(s.hosts, `${path}.hosts`, `${label}主持人数`, c, 1);
  whole(s.coreMin, `${path}.coreMin`, `${label}成员数下限`, c);
  whole(s.coreMax, `${path}.coreMax`, `${label}成员数上限`, c);
  whole(s.menteesMin, `${path}.menteesMin`, `${label}学员数下限`, c);
  whole(s.menteesMax, `${path}.menteesMax`, `${label}学员数上限`, c);
  minMax(s.coreMin, s.coreMax, `${path}.coreMin`, `${label}成员数`, c);
  minMax(s.menteesMin, s.menteesMax, `${path}.menteesMin`, `${label}学员数`, c);
}

/** The hours value a community value mirrors must be the same number (one rule, one value). */
function mirrors(
  v: PolicyValue<number>,
  hours: PolicyValue<number> | undefined,
  path: string,
  label: string,
  c: Collector,
) {
  if (hours && hours.value !== v.value)
    c.add(
      CODE,
      v.ruleId,
      path,
      `${label}为 ${v.value / 10} 学时，与学时规则的 ${hours.value / 10} 学时不一致`,
    );
}

/** Problems of `communities` (the pack's section), added to `c`; nothing when the pack has none. */
/** A membership priority: a known code, a label, known programme levels (at least one). */
function priority(v: PolicyValue<MembershipPriority>, path: string, c: Collector): void {
  const p = v.value;
  const levels: readonly string[] = PROGRAM_LEVEL_CODES;
  if (!(MEMBERSHIP_PRIORITY_CODES as readonly string[]).includes(p.code))
    c.add(CODE, v.ruleId, `${path}.code`, `未知的优先类别"${p.code}"`);
  if (p.label.trim() === '') c.add(CODE, v.ruleId, `${path}.label`, '优先事项须有说明');
  const unknown = p.levels.filter((l) => !levels.includes(l));
  if (p.levels.length === 0 || unknown.length > 0)
    c.add(
      CODE,
      v.ruleId,
      `${path}.levels`,
      p.levels.length === 0 ? '优先事项须至少适用于一个项目级别' : `未知的项目级别：${unknown.join('、')}`,
    );
}

export function checkCommunityRules(
  communities: CommunityRules | undefined,
  c: Collector,
  shared: { hours?: HourRules; studioSubsidyFen?: PolicyValue<number> } = {},
): void {
  if (!communities) return;
  const hours = shared.hours;
  const w = communities.workshop;
  const p = 'communities.workshop';
  whole(w.coreMin, `${p}.coreMin`, '核心成员数下限', c, 1);
  whole(w.coreMax, `${p}.coreMax`, '核心成员数上限', c, 1);
  minMax(w.coreMin, w.coreMax, `${p}.coreMin`, '核心成员数', c);
  whole(w.formalMin, `${p}.formalMin`, '正式成员总数下限', c, 1);
  whole(w.formalMax, `${p}.formalMax`, '正式成员总数上限', c, 1);
  minMax(w.formalMin, w.formalMax, `${p}.formalMin`, '正式成员总数', c);
  oneOf(w.formalBase, ['team', 'non_core'], `${p}.formalBase`, '正式成员总数口径', c);
  whole(w.coreAreasMin, `${p}.coreAreasMin`, '核心成员来源区域数', c, 1);
  if (w.coreAreasMin.value > w.coreMax.value)
    c.add(
      CODE,
      w.coreAreasMin.ruleId,
      `${p}.coreAreasMin`,
      `核心成员须来自 ${w.coreAreasMin.value} 个区域，但最多只有 ${w.coreMax.value} 名核心成员，永远无法满足`,
    );
  share(w.hostUnitCoreMaxShare, `${p}.hostUnitCoreMaxShare`, '本单位核心成员比例上限', c);
  oneOf(w.hostUnitShareBase, ['team', 'core'], `${p}.hostUnitShareBase`, '本单位核心成员比例的基数', c);
  whole(w.memberAreasMin, `${p}.memberAreasMin`, '申报成员来源区域数', c, 1);
  known(
    w.memberAreasExemptStages,
    STAGES.map((s) => s.code),
    `${p}.memberAreasExemptStages`,
    '学段',
    c,
  );
  whole(w.hostingsPerCoreUnitMin, `${p}.hostingsPerCoreUnitMin`, '每个核心成员单位承办次数', c);
  const months = w.sessionMonths.value;
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12) || new Set(months).size !== months.length)
    c.add(
      CODE,
      w.sessionMonths.ruleId,
      `${p}.sessionMonths`,
      `集中研修月份应为 1～12 且不重复，实为 ${months.join('、')}`,
    );
  whole(w.sessionsPerMonthMin, `${p}.sessionsPerMonthMin`, '每月集中研修次数', c);
  whole(w.sessionsPerYearMin, `${p}.sessionsPerYearMin`, '每学年集中活动次数', c);
  whole(w.liveLessonsMin, `${p}.liveLessonsMin`, '每期现场授课节数下限', c);
  whole(w.liveLessonsMax, `${p}.liveLessonsMax`, '每期现场授课节数上限', c);
  minMax(w.liveLessonsMin, w.liveLessonsMax, `${p}.liveLessonsMin`, '每期现场授课节数', c);
  whole(w.discussionsMin, `${p}.discussionsMin`, '每期议课或讲座次数', c);
  whole(w.readingForumsMin, `${p}.readingForumsMin`, '每学年专业阅读论坛次数', c);
  inRange(w.registrationYears, `${p}.registrationYears`, '注册有效学年数', 1, 10, c);
  whole(w.adjustmentsPerYearMax, `${p}.adjustmentsPerYearMax`, '每学年成员调整次数', c);
  c.hours(w.dayCapTenths, `${p}.dayCapTenths`, '工作坊每天学时', 1);
  if (Number.isInteger(w.dayCapTenths.value) && w.dayCapTenths.value > 240)
    c.add(
      CODE,
      w.dayCapTenths.ruleId,
      `${p}.dayCapTenths`,
      `工作坊每天学时不能超过 24 学时，实为 ${w.dayCapTenths.value / 10} 学时`,
    );
  c.hours(w.yearCapTenths, `${p}.yearCapTenths`, '工作坊每学年最多学时', 1);
  mirrors(w.dayCapTenths, hours?.categories.workshop?.dayCapTenths, `${p}.dayCapTenths`, '工作坊每天学时', c);
  mirrors(
    w.yearCapTenths,
    hours?.categories.workshop?.yearCapTenths,
    `${p}.yearCapTenths`,
    '工作坊每学年最多学时',
    c,
  );

  const s = communities.studios;
  shape(s.network, 'communities.studios.network', '名师网络工作室', c);
  shape(s.county, 'communities.studios.county', '县域工作室', c);
  shape(s.trainingExpert, 'communities.studios.trainingExpert', '培训专家工作室', c);
  c.money(s.subsidyFen, 'communities.studios.subsidyFen', '工作室补助（元/个）');
  const funding = shared.studioSubsidyFen;
  if (funding && funding.value !== s.subsidyFen.value)
    c.add(
      CODE,
      s.subsidyFen.ruleId,
      'communities.studios.subsidyFen',
      `工作室补助 ${s.subsidyFen.value / 100} 元与经费标准的 ${funding.value / 100} 元不一致`,
    );
  known(s.subsidisedKinds, COMMUNITY_KINDS, 'communities.studios.subsidisedKinds', '工作室类型', c);
  whole(s.ledPerYearMin, 'communities.studios.ledPerYearMin', '每年引领教师数', c);
  whole(s.pairedSchoolsMin, 'communities.studios.pairedSchoolsMin', '帮扶学校数下限', c);
  whole(s.pairedSchoolsMax, 'communities.studios.pairedSchoolsMax', '帮扶学校数上限', c);
  minMax(s.pairedSchoolsMin, s.pairedSchoolsMax, 'communities.studios.pairedSchoolsMin', '帮扶学校数', c);
  oneOf(s.pairStudioLevel, COMMUNITY_LEVELS, 'communities.studios.pairStudioLevel', '结对工作室级别', c);
  oneOf(s.pairWorkshopLevel, COMMUNITY_LEVELS, 'communities.studios.pairWorkshopLevel', '结对工作坊级别', c);

  const t = communities.trainers;
  whole(t.countyTeamMin, 'communities.trainers.countyTeamMin', '县级培训师队伍人数', c, 1);
  share(t.activeShareMin, 'communities.trainers.activeShareMin', '培训师发挥作用比例', c);
  known(
    t.titles,
    TITLES.map((x) => x.code),
    'communities.trainers.titles',
    '职称',
    c,
  );
  inRange(t.firstAgeMin, 'communities.trainers.firstAgeMin', '初聘年龄下限', 18, 80, c);
  inRange(t.firstAgeMax, 'communities.trainers.firstAgeMax', '初聘年龄上限', 18, 80, c);
  inRange(t.renewalAgeMax, 'communities.trainers.renewalAgeMax', '续聘年龄上限', 18, 80, c);
  minMax(t.firstAgeMin, t.firstAgeMax, 'communities.trainers.firstAgeMin', '初聘年龄', c);
  if (t.firstAgeMax.value > t.renewalAgeMax.value)
    c.add(
      CODE,
      t.renewalAgeMax.ruleId,
      'communities.trainers.renewalAgeMax',
      `续聘年龄上限 ${t.renewalAgeMax.value} 低于初聘年龄上限 ${t.firstAgeMax.value}`,
    );
  inRange(t.termYears, 'communities.trainers.termYears', '每届任期（年）', 1, 10, c);
  priority(communities.workshop.memberPriority, 'communities.workshop.memberPriority', c);
  priority(t.priority, 'communities.trainers.priority', c);

  const b = communities.schoolBased;
  c.hours(b.yearMinTenths, 'communities.schoolBased.yearMinTenths', '校本研修每学年学时');
  mirrors(
    b.yearMinTenths,
    hours?.categories.school_based?.yearMinTenths,
    'communities.schoolBased.yearMinTenths',
    '校本研修每学年学时',
    c,
  );
  inRange(b.planDueBeforeWeek, 'communities.schoolBased.planDueBeforeWeek', '方案提交截止周次', 1, 20, c);
  oneOf(b.planWeekBasis, ['from_start', 'calendar'], 'communities.schoolBased.planWeekBasis', '周次计法', c);
  share(b.spotCheckRatio, 'communities.schoolBased.spotCheckRatio', '期末抽查比例', c);
  if (b.trainingBudgetShareMin)
    share(
      b.trainingBudgetShareMin,
      'communities.schoolBased.trainingBudgetShareMin',
      '教师培训经费占公用经费比例',
      c,
    );
  if (b.trainingBudgetUseMin)
    share(b.trainingBudgetUseMin, 'communities.schoolBased.trainingBudgetUseMin', '教师培训经费使用率', c);

  const r = communities.review;
  inRange(r.selectionMonth, 'communities.review.selectionMonth', '年度评选月份', 1, 12, c);
  share(r.attendanceMin, 'communities.review.attendanceMin', '月度出勤率提示线', c);
}
