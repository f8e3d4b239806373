/**
 * The rule values of studios, workshops, the trainer pool and school-based research. Every number carries its
 * rule ID and seed line; `communityRulesOf` reads them from a pack (the defaults for packs saved before the section
 * existed). Values another section already holds are not copied: the workshop's 6 / 40 学时 and 校本研修's 24 学时
 * are the `hours` section's (R3-W16, R3-S02), the studio subsidy the pack's `funding.studioSubsidyFen` (R-004-24).
 */
import { DEFAULT_HOUR_RULES, hourRulesOf } from '../hours/rules';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { deepFreeze, type PolicyPack, type PolicyValue, pv } from '../programs/policy-pack';
import type { CommunityRules } from './types';

/** A member's school that is not in the school list given to a check (the rule cannot be judged for it). */
export const COMMUNITY_RULE_SCHOOL = 'Y-COMM-SCHOOL';
/** A month's attendance below the review's threshold (the seeds give none). */
export const COMMUNITY_RULE_ATTENDANCE = 'Y-COMM-ATTENDANCE';

function hoursValue(v: PolicyValue<number> | undefined, what: string): PolicyValue<number> {
  if (!v) throw new Error(`DEFAULT_HOUR_RULES lacks ${what}`);
  return v;
}

const WORKSHOP_HOURS = DEFAULT_HOUR_RULES.categories.workshop;
const SCHOOL_BASED_HOURS = DEFAULT_HOUR_RULES.categories.school_based;

/** The defaults: a pack without a `communities` section uses these. */
export const DEFAULT_COMMUNITY_RULES: CommunityRules = deepFreeze({
  workshop: {
    memberPriority: pv(
      {
        code: 'workshop_member',
        label: '教师工作坊成员：优先参加国培、省培',
        levels: ['national', 'provincial'],
      },
      'R3-W12',
      'S003:L721-724',
      '市级工作坊成员"优先参加国培、省培"，镇级、校级工作坊成员亦"优先参加国培、省培"：在册的工作坊成员（任一级）被推荐参加国培、省培时标注优先，不作为资格条件',
    ),
    coreMin: pv(5, 'R3-W02', 'S003:L705', '"工作坊核心成员 5-7人"'),
    coreMax: pv(7, 'R3-W02', 'S003:L705', '"工作坊核心成员 5-7人"'),
    hostCountsAsCore: pv(
      true,
      'R3-W02',
      'S003:L705',
      '解读：主持人（坊主）是核心成员之一，计入 5-7 人；可改为不计入',
    ),
    formalMin: pv(20, 'R3-W03', 'S003:L705-706', '"正式成员总数在 20-30之间"'),
    formalMax: pv(30, 'R3-W03', 'S003:L705-706', '"正式成员总数在 20-30之间"'),
    formalBase: pv(
      'team',
      'R3-W03',
      'S003:L705-706',
      '解读：文件未写明是否含核心成员；"总数"按全体成员（主持人、核心成员、正式成员、申报成员）计，可改为只计非核心成员',
    ),
    coreAreasMin: pv(
      5,
      'R3-W04',
      'S003:L709-710',
      '"核心成员来源不少于 5 所不同区域学校（中心校下辖的小学按同区域学校界定）"：中心校与其下辖小学算一个区域',
    ),
    hostUnitCoreMaxShare: pv(
      0.2,
      'R3-W05',
      'S003:L710-711',
      '"本单位的核心成员，不得超过团队总数的 20%"：恰好 20% 允许',
    ),
    hostUnitShareBase: pv(
      'team',
      'R3-W05',
      'S003:L710-711',
      '解读："团队总数"按全体成员计（20-30 人时本单位核心成员最多 4-6 人）；可改为按核心成员计（5-7 人时最多 1 人）',
    ),
    memberAreasMin: pv(
      7,
      'R3-W07',
      'S003:L712-713',
      '"申报成员来源单位不少于 7 所不同区域学校"：按非核心成员（申报成员、正式成员）的学校计，区域口径同 R3-W04',
    ),
    memberAreasExemptStages: pv(
      ['ece', 'senior', 'voc'],
      'R3-W07',
      'S003:L712-713',
      '"（非义务教育学段的学校除外）"解读为：学前、高中、中职学段的工作坊不受"7 所不同区域学校"限制',
    ),
    hostingsPerCoreUnitMin: pv(
      1,
      'R3-W06',
      'S003:L711-712',
      '"全年活动要在核心成员单位中轮流举行"：每个核心成员学校每学年至少承办 1 次集中活动',
    ),
    sessionMonths: pv(
      [9, 10, 11, 12, 3, 4, 5, 6],
      'R3-W08',
      'S003:L714-715',
      '"每月集中研修一次"：解读为学年中上课的月份（9-12 月、3-6 月），寒暑假所在的 1、2、7、8 月不要求；可改',
    ),
    sessionsPerMonthMin: pv(1, 'R3-W08', 'S003:L714-715', '"每月集中研修一次"'),
    sessionsPerYearMin: pv(
      7,
      'R3-W08',
      'S003:L714-715',
      '"每学年集中活动不少于七次"；专业阅读论坛也是一次集中活动',
    ),
    liveLessonsMin: pv(1, 'R3-W09', 'S003:L716', '"每期活动 1-2 节现场授课"'),
    liveLessonsMax: pv(2, 'R3-W09', 'S003:L716', '"每期活动 1-2 节现场授课"'),
    discussionsMin: pv(
      1,
      'R3-W09',
      'S003:L716',
      '"一次高质量的议课、讲座"：每期至少 1 次议课或讲座，多于 1 次不算违规；阅读论坛不要求现场授课',
    ),
    readingForumsMin: pv(1, 'R3-W10', 'S003:L716-717', '"全年活动要有一次高质量的专业阅论坛"'),
    registrationYears: pv(
      2,
      'R3-W14',
      'S003:L742-743',
      '"两年申报注册一次"：注册在所申报的学年及其下一学年有效，到期须重新申报',
    ),
    adjustmentsPerYearMax: pv(1, 'R3-W14', 'S003:L742-743', '"学年中调整一次"：每学年成员名单最多调整 1 次'),
    dayCapTenths: hoursValue(WORKSHOP_HOURS?.dayCapTenths, 'workshop.dayCapTenths'),
    yearCapTenths: hoursValue(WORKSHOP_HOURS?.yearCapTenths, 'workshop.yearCapTenths'),
  },
  studios: {
    network: {
      hosts: pv(1, 'R-004-33', 'S004:L80', '"1名省级名师+10名省级骨干教师培育对象+50至100名新入职教师"'),
      coreMin: pv(10, 'R-004-33', 'S004:L80', '10 名省级骨干教师培育对象（核心成员）'),
      coreMax: pv(10, 'R-004-33', 'S004:L80', '10 名省级骨干教师培育对象（核心成员）'),
      menteesMin: pv(50, 'R-004-33', 'S004:L80', '50 至 100 名新入职教师（学员），两端都允许'),
      menteesMax: pv(100, 'R-004-33', 'S004:L80', '50 至 100 名新入职教师（学员），两端都允许'),
    },
    county: {
      hosts: pv(1, 'R-004-50', 'S004:L116', '每个工作室组建"1+10"的线上线下学习共同体'),
      coreMin: pv(10, 'R-004-50', 'S004:L116', '"1+10"：10 名成员（核心成员与正式成员合计）'),
      coreMax: pv(10, 'R-004-50', 'S004:L116', '"1+10"：10 名成员（核心成员与正式成员合计）'),
    },
    trainingExpert: {
      hosts: pv(1, 'R-004-62', 'S004:L141-143', '"由1名培训专家带领10名省级培训师"'),
      coreMin: pv(10, 'R-004-62', 'S004:L141-143', '10 名省级培训师'),
      coreMax: pv(10, 'R-004-62', 'S004:L141-143', '10 名省级培训师'),
    },
    subsidyFen: HENAN_2021_PACK.funding.studioSubsidyFen,
    subsidisedKinds: pv(
      ['master_online_studio', 'training_expert_studio'],
      'R-004-24',
      'S004:L39-41',
      '"每个名师或培训专家工作室2万元\'师带徒\'工作补助"：解读为名师网络工作室与培训专家工作室；县域工作室与教师工作坊不计',
    ),
    ledPerYearMin: pv(5, 'R3-B07', 'S003:L511-513', '"每个工作室每年至少引领 5名教师（班主任或校长）"'),
    pairedSchoolsMin: pv(
      1,
      'R3-B05',
      'S003:L503-509',
      '"帮扶带动 1-3所"（R3-B05 教师发展学校，R3-B06 示范校）',
    ),
    pairedSchoolsMax: pv(
      3,
      'R3-B05',
      'S003:L503-509',
      '"帮扶带动 1-3所"（R3-B05 教师发展学校，R3-B06 示范校）',
    ),
    pairStudioLevel: pv('city', 'R3-G20', 'S003:L213-215', '"市名师工作室+镇工作坊"的双向协作'),
    pairWorkshopLevel: pv('town', 'R3-G20', 'S003:L213-215', '"市名师工作室+镇工作坊"的双向协作'),
  },
  trainers: {
    countyTeamMin: pv(50, 'R3-P01', 'S003:L65-66', '"不少于 50 人组成的、相对稳定的教师培训师队伍"'),
    activeShareMin: pv(0.9, 'R3-P02', 'S003:L437-438', '"发挥作用的比例不低于 90％"：恰好 90% 达标'),
    titles: pv(
      ['prof', 'senior'],
      'R3-P03',
      'S003:L816',
      '"原则上应具有副高级以上职称"：高级教师、正高级教师；"原则上"为软性条件，不符时可经审定例外通过',
    ),
    firstAgeMin: pv(
      35,
      'R3-P04',
      'S003:L825-826',
      '"初聘…一般不低于 35 周岁"：软性条件，不足 35 周岁可经审定例外通过',
    ),
    firstAgeMax: pv(60, 'R3-P04', 'S003:L825-826', '"不得超过 60 周岁"：60 周岁可以初聘，61 周岁不可'),
    renewalAgeMax: pv(65, 'R3-P05', 'S003:L826', '"续聘教师培训者团队成员不得超过 65 周岁"'),
    termYears: pv(3, 'R3-P06', 'S003:L827-828', '"每届任期三年"：自聘任之日起至三周年前一日'),
    priority: pv(
      {
        code: 'trainer_pool_member',
        label: '教师培训者团队成员：优先参加国培、省培、市培',
        levels: ['national', 'provincial', 'city'],
      },
      'R3-P12',
      'S003:L844-851',
      '"优先参加国培、省培和市培"：在聘的培训者团队成员被推荐参加这三级项目时标注优先，不作为资格条件',
    ),
  },
  schoolBased: {
    yearMinTenths: hoursValue(SCHOOL_BASED_HOURS?.yearMinTenths, 'school_based.yearMinTenths'),
    planDueBeforeWeek: pv(
      2,
      'R3-S03',
      'S003:L598-601',
      '"在每学年开学第二周前提交"：第二周开始之前（开学后第 7 天及以前）提交为按时',
    ),
    planWeekBasis: pv(
      'from_start',
      'R3-S03',
      'S003:L598-601',
      '解读：第一周自开学日起算 7 天；可改为按自然周（周一至周日）计',
    ),
    spotCheckRatio: pv(
      0.2,
      'R3-S04',
      'S003:L602-607',
      'Yanxun 默认值：文件只写"按一定比例随机抽查"，未给比例；默认 20%，抽查数向上取整，至少 1 所',
    ),
    trainingBudgetShareMin: pv(
      0.05,
      'R3-B09',
      'S003:L665-668',
      '"按照学校年度公用经费预算总额的 5%足额安排教师培训经费"：培训经费 ≥ 公用经费预算总额 × 5%，恰好 5% 达标；年度按预算年度（公历年）',
    ),
    trainingBudgetUseMin: pv(
      0.9,
      'R3-B09',
      'S003:L665-668',
      '"教师使用率不低于经费总数的 90%"：已用于教师培训的金额 ÷ 培训经费 ≥ 90%，恰好 90% 达标；追加后超过 100% 不提示',
    ),
  },
  review: {
    selectionMonth: pv(
      12,
      'R3-G18',
      'S003:L207-210',
      '"每年 12 月份对校本研修示范校、优秀教师工作坊，名师工作室进行评选"',
    ),
    attendanceMin: pv(
      0.8,
      COMMUNITY_RULE_ATTENDANCE,
      'issue 13',
      'Yanxun 默认值：种子文件未规定出勤率；月度评价（R3-G17）中出勤率低于 80% 提示关注',
    ),
  },
});

/**
 * The pack's community rules, or the defaults for a pack without a `communities` section. The workshop's 学时 and
 * 校本研修's 24 学时 always follow the pack's `hours` rules, and the subsidy its `funding.studioSubsidyFen`, so the
 * ledger, the budget and these checks read one value each.
 */
export function communityRulesOf(pack: PolicyPack): CommunityRules {
  const rules = pack.communities ?? DEFAULT_COMMUNITY_RULES;
  const hours = hourRulesOf(pack);
  const day = hours.categories.workshop?.dayCapTenths ?? rules.workshop.dayCapTenths;
  const year = hours.categories.workshop?.yearCapTenths ?? rules.workshop.yearCapTenths;
  const schoolBased = hours.categories.school_based?.yearMinTenths ?? rules.schoolBased.yearMinTenths;
  const subsidy = pack.funding.studioSubsidyFen;
  if (
    day === rules.workshop.dayCapTenths &&
    year === rules.workshop.yearCapTenths &&
    schoolBased === rules.schoolBased.yearMinTenths &&
    subsidy === rules.studios.subsidyFen
  )
    return rules;
  return {
    ...rules,
    workshop: { ...rules.workshop, dayCapTenths: day, yearCapTenths: year },
    studios: { ...rules.studios, subsidyFen: subsidy },
    schoolBased: { ...rules.schoolBased, yearMinTenths: schoolBased },
  };
}

/** `n` is at least `share` of `of` (0–1), exactly at the share included: 45 of 50 at 0.9. */
export function atLeastShare(n: number, of: number, share: number): boolean {
  return n >= share * of - 1e-9;
}

/** `n` is at most `share` of `of` (0–1), exactly at the share included: 5 of 25 at 0.2. */
export function atMostShare(n: number, of: number, share: number): boolean {
  return n <= share * of + 1e-9;
}

/** A share as a percentage for messages: 0.2 → '20%', 0.875 → '87.5%'. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
