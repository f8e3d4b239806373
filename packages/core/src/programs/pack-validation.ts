/**
 * Checks that a policy pack is possible and not self-contradictory before it is saved or published, and
 * the clone an officer starts next year's pack from.
 */
import { parseIsoDate } from '../dates';
import {
  addYears,
  type DeadlineOffset,
  type EligibilityRules,
  PLAN_MODE_CODES,
  type PolicyPack,
  type PolicyValue,
  type ProjectTrack,
  type ProjectType,
} from './policy-pack';

export type PackProblemCode =
  | 'PACK.HEADER'
  | 'PACK.RULE_REF_MISSING'
  | 'PACK.NO_PROJECT_TYPES'
  | 'PACK.DUPLICATE_PROJECT_CODE'
  | 'PACK.NO_TRACKS'
  | 'PACK.DUPLICATE_TRACK_CODE'
  | 'PACK.UNKNOWN_TRACK'
  | 'PACK.BAD_NUMBER'
  | 'PACK.BAD_DATE'
  | 'PACK.DATE_OUTSIDE_YEAR'
  | 'PACK.DAYS_TOTAL_MISMATCH'
  | 'PACK.AGE_RANGE'
  | 'PACK.RATIO_BELOW_ONE'
  | 'PACK.DEADLINE_DIRECTION'
  | 'PACK.PRACTICAL_SHARE'
  | 'PACK.EMPTY_LIST'
  | 'PACK.DUPLICATE_ITEM'
  | 'PACK.STUDIO_RANGE'
  | 'PACK.COUNTY_SYSTEM'
  | 'PACK.PLAN_MODES'
  | 'PACK.STAFFING'
  // class operations, completion and KPI targets
  | 'PACK.BAD_SETTING'
  | 'PACK.SHARE_RANGE'
  | 'PACK.CLASS_OPS'
  | 'PACK.COMPLETION'
  // shortlist: whether the owner confirms a provider's selection (R-004-59)
  | 'PACK.SHORTLIST_SETTING';

export interface PackProblem {
  code: PackProblemCode;
  /** The rule whose value is wrong or contradicted. */
  ruleId: string;
  /** Where in the pack, e.g. 'projectTypes[2].tracks[0].centralizedDaysTotal'. */
  path: string;
  message: string;
}

const STRUCTURE_RULE = 'PACK.STRUCTURE';

class Collector {
  readonly problems: PackProblem[] = [];

  add(code: PackProblemCode, ruleId: string, path: string, message: string): void {
    this.problems.push({ code, ruleId, path, message });
  }

  /** A whole number ≥ `min` (money in fen, days, 学时 in tenths, counts, years). */
  count(v: PolicyValue<number> | undefined, path: string, label: string, min = 0): void {
    if (!v) return;
    if (!Number.isInteger(v.value) || v.value < min) {
      const what = min > 0 ? `不小于 ${min} 的整数` : '非负整数';
      this.add('PACK.BAD_NUMBER', v.ruleId, path, `${label}应为${what}，实为 ${v.value}`);
    }
  }
}

function isPolicyValueLike(x: object): x is { ruleId: unknown; source: unknown; value: unknown } {
  return 'ruleId' in x && 'source' in x && 'value' in x;
}

/** Every PolicyValue in the pack names a rule and a source. */
function checkRuleRefs(node: unknown, path: string, c: Collector): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      checkRuleRefs(child, `${path}[${i}]`, c);
    });
    return;
  }
  if (isPolicyValueLike(node)) {
    if (typeof node.ruleId !== 'string' || node.ruleId.trim() === '') {
      c.add('PACK.RULE_REF_MISSING', STRUCTURE_RULE, path, '该取值缺少规则编号');
    }
    if (typeof node.source !== 'string' || node.source.trim() === '') {
      c.add('PACK.RULE_REF_MISSING', STRUCTURE_RULE, path, '该取值缺少出处（文件及行号）');
    }
  }
  for (const [key, child] of Object.entries(node)) checkRuleRefs(child, path ? `${path}.${key}` : key, c);
}

function checkDate(v: PolicyValue<string>, path: string, label: string, year: number, c: Collector): void {
  const parts = parseIsoDate(v.value);
  if (!parts) {
    c.add('PACK.BAD_DATE', v.ruleId, path, `${label}"${v.value}"不是有效日期（应为 YYYY-MM-DD）`);
  } else if (parts.year !== year) {
    c.add('PACK.DATE_OUTSIDE_YEAR', v.ruleId, path, `${label} ${v.value} 不在政策包年度 ${year} 年内`);
  }
}

/** A class deadline lies at most a year from its anchor date. */
const MAX_OFFSET_DAYS = 366;

function checkOffset(v: PolicyValue<DeadlineOffset>, path: string, label: string, c: Collector): void {
  const { offsetDays, mustBe, anchor } = v.value;
  const anchorName = anchor === 'class_start' ? '开班日期' : '结业日期';
  if (!Number.isInteger(offsetDays)) {
    c.add('PACK.BAD_NUMBER', v.ruleId, `${path}.offsetDays`, `${label}的天数应为整数，实为 ${offsetDays}`);
  } else if (Math.abs(offsetDays) > MAX_OFFSET_DAYS) {
    c.add(
      'PACK.BAD_NUMBER',
      v.ruleId,
      `${path}.offsetDays`,
      `${label}距${anchorName} ${Math.abs(offsetDays)} 天，超过 ${MAX_OFFSET_DAYS} 天`,
    );
  } else if (mustBe === 'before' && offsetDays > 0) {
    c.add(
      'PACK.DEADLINE_DIRECTION',
      v.ruleId,
      `${path}.offsetDays`,
      `${label}应在${anchorName}之前，但设为${anchorName}后 ${offsetDays} 天`,
    );
  } else if (mustBe === 'after' && offsetDays < 0) {
    c.add(
      'PACK.DEADLINE_DIRECTION',
      v.ruleId,
      `${path}.offsetDays`,
      `${label}应在${anchorName}之后，但设为${anchorName}前 ${-offsetDays} 天`,
    );
  }
}

function checkList(v: PolicyValue<string[]>, path: string, label: string, c: Collector): void {
  if (v.value.length === 0) {
    c.add('PACK.EMPTY_LIST', v.ruleId, path, `${label}不能为空`);
    return;
  }
  const seen = new Set<string>();
  for (const item of v.value) {
    if (seen.has(item)) c.add('PACK.DUPLICATE_ITEM', v.ruleId, path, `${label}中"${item}"重复`);
    seen.add(item);
  }
}

function checkEligibility(e: EligibilityRules, path: string, c: Collector): void {
  const { age } = e;
  if (age) {
    c.count(age.min, `${path}.age.min`, '最低年龄');
    c.count(age.max, `${path}.age.max`, '最高年龄', 1);
    if (age.min && age.max && age.min.value > age.max.value) {
      c.add(
        'PACK.AGE_RANGE',
        age.max.ruleId,
        `${path}.age`,
        `最低年龄 ${age.min.value} 周岁高于最高年龄 ${age.max.value} 周岁，没有人能符合`,
      );
    }
  }
  c.count(e.minTrainingWorkYears, `${path}.minTrainingWorkYears`, '培训工作年限');
  c.count(e.minTeachingYears, `${path}.minTeachingYears`, '教龄');
  if (e.schoolLocationTypes && e.schoolLocationTypes.value.length === 0) {
    c.add(
      'PACK.EMPTY_LIST',
      e.schoolLocationTypes.ruleId,
      `${path}.schoolLocationTypes`,
      '学校城乡类型列表为空，没有人能符合',
    );
  }
  if (e.backboneLevels && e.backboneLevels.value.length === 0) {
    c.add(
      'PACK.EMPTY_LIST',
      e.backboneLevels.ruleId,
      `${path}.backboneLevels`,
      '骨干等级列表为空，没有人能符合',
    );
  }
  if (e.roles && e.roles.value.anyRole.length + e.roles.value.anyBackbone.length === 0) {
    c.add('PACK.EMPTY_LIST', e.roles.ruleId, `${path}.roles`, '岗位列表为空，没有人能符合');
  }
  if (e.titles && e.titles.value.length === 0) {
    c.add('PACK.EMPTY_LIST', e.titles.ruleId, `${path}.titles`, '职称列表为空，没有人能符合');
  }
  if (e.stages && e.stages.value.length === 0) {
    c.add('PACK.EMPTY_LIST', e.stages.ruleId, `${path}.stages`, '学段列表为空，没有人能符合');
  }
}

function checkTrack(type: ProjectType, track: ProjectTrack, path: string, c: Collector): void {
  c.count(track.centralizedDaysPerYear, `${path}.centralizedDaysPerYear`, '每年集中培训天数');
  c.count(track.centralizedDaysTotal, `${path}.centralizedDaysTotal`, '集中培训总天数');
  c.count(track.onlineHoursTenths, `${path}.onlineHoursTenths`, '网络研修学时（以 0.1 学时计）');
  c.count(track.practiceYears, `${path}.practiceYears`, '实践年数');
  const perYear = track.centralizedDaysPerYear;
  const total = track.centralizedDaysTotal;
  if (perYear && total && perYear.value * type.cycleYears.value !== total.value) {
    c.add(
      'PACK.DAYS_TOTAL_MISMATCH',
      total.ruleId,
      `${path}.centralizedDaysTotal`,
      `每年集中培训 ${perYear.value} 天 × 培训周期 ${type.cycleYears.value} 年 = ${perYear.value * type.cycleYears.value} 天，与集中培训总天数 ${total.value} 天不一致`,
    );
  }
  if (perYear && type.cycleYears.value > 0 && perYear.value > 366) {
    c.add(
      'PACK.BAD_NUMBER',
      perYear.ruleId,
      `${path}.centralizedDaysPerYear`,
      `每年集中培训 ${perYear.value} 天超过一年的天数`,
    );
  }
  checkEligibility(track.eligibility, `${path}.eligibility`, c);
}

function checkProjectType(pack: PolicyPack, type: ProjectType, path: string, c: Collector): void {
  c.count(type.cycleYears, `${path}.cycleYears`, '培训周期（年）', 1);
  c.count(type.traineeTotal, `${path}.traineeTotal`, '培训人数', 1);
  if (type.competitiveRatio) {
    const r = type.competitiveRatio;
    if (!Number.isFinite(r.value) || r.value < 1) {
      c.add(
        'PACK.RATIO_BELOW_ONE',
        r.ruleId,
        `${path}.competitiveRatio`,
        `差额比例 1:${r.value} 小于 1:1，候选人少于名额，无法差额遴选`,
      );
    }
  }
  // shortlist: the owner-confirms setting is a yes/no and only means something on a competitive project type
  const confirms = type.shortlistSelection?.ownerConfirms;
  if (confirms && (typeof confirms.value !== 'boolean' || !type.competitiveRatio)) {
    c.add(
      'PACK.SHORTLIST_SETTING',
      confirms.ruleId,
      `${path}.shortlistSelection.ownerConfirms`,
      typeof confirms.value !== 'boolean'
        ? '差额遴选是否须主办单位确认，只能为"是"或"否"'
        : '未设差额比例的项目类型不采取差额遴选，不应设置遴选确认方式',
    );
  }
  const share = type.practicalShareMinPct;
  const floor = pack.design.practicalShareMinPct;
  if (share && (share.value < floor.value || share.value > 100)) {
    c.add(
      'PACK.PRACTICAL_SHARE',
      floor.ruleId,
      `${path}.practicalShareMinPct`,
      share.value > 100
        ? `实践性课程比例 ${share.value}% 超过 100%`
        : `实践性课程比例下限 ${share.value}% 低于全省要求的 ${floor.value}%（${floor.ruleId}）`,
    );
  }

  if (type.tracks.length === 0) {
    c.add(
      'PACK.NO_TRACKS',
      type.definedBy.ruleId,
      `${path}.tracks`,
      `项目"${type.name}"没有任何参训对象类别`,
    );
  }
  const trackCodes = new Set<string>();
  type.tracks.forEach((track, i) => {
    if (trackCodes.has(track.code)) {
      c.add(
        'PACK.DUPLICATE_TRACK_CODE',
        type.definedBy.ruleId,
        `${path}.tracks[${i}].code`,
        `参训对象类别代码"${track.code}"重复`,
      );
    }
    trackCodes.add(track.code);
    checkTrack(type, track, `${path}.tracks[${i}]`, c);
  });

  type.outcomes.forEach((o, i) => {
    const p = `${path}.outcomes[${i}]`;
    if (o.value.trackCode !== undefined && !trackCodes.has(o.value.trackCode)) {
      c.add(
        'PACK.UNKNOWN_TRACK',
        o.ruleId,
        `${p}.trackCode`,
        `成果要求指向不存在的参训对象类别"${o.value.trackCode}"`,
      );
    }
    if (o.value.items.length === 0)
      c.add('PACK.EMPTY_LIST', o.ruleId, `${p}.items`, '成果要求没有任何成果项');
    o.value.items.forEach((item, j) => {
      if (!Number.isInteger(item.count) || item.count < 1) {
        c.add(
          'PACK.BAD_NUMBER',
          o.ruleId,
          `${p}.items[${j}].count`,
          `成果"${item.name}"的数量应为正整数，实为 ${item.count}`,
        );
      }
    });
  });

  type.studios.forEach((s, i) => {
    const p = `${path}.studios[${i}]`;
    if (!Number.isInteger(s.value.durationYears) || s.value.durationYears < 1) {
      c.add(
        'PACK.BAD_NUMBER',
        s.ruleId,
        `${p}.durationYears`,
        `工作室研修周期应为正整数年，实为 ${s.value.durationYears}`,
      );
    }
    s.value.roles.forEach((role, j) => {
      const rp = `${p}.roles[${j}]`;
      if (!Number.isInteger(role.min) || !Number.isInteger(role.max) || role.min < 0 || role.min > role.max) {
        c.add(
          'PACK.STUDIO_RANGE',
          s.ruleId,
          rp,
          `工作室"${s.value.name}"的${role.name}人数范围 ${role.min}～${role.max} 不成立`,
        );
      }
      if (role.trackCode !== undefined && !trackCodes.has(role.trackCode)) {
        c.add(
          'PACK.UNKNOWN_TRACK',
          s.ruleId,
          `${rp}.trackCode`,
          `工作室角色指向不存在的参训对象类别"${role.trackCode}"`,
        );
      }
    });
  });

  if (type.countySystem) checkCountySystem(type, `${path}.countySystem`, c);
}

function checkCountySystem(type: ProjectType, path: string, c: Collector): void {
  const cs = type.countySystem;
  if (!cs) return;
  const counts: Array<[PolicyValue<number>, string, string]> = [
    [cs.trainingTeamSize, 'trainingTeamSize', '培训团队人数'],
    [cs.devSchools, 'devSchools', '教师发展学校数'],
    [cs.devSchoolsPrimary, 'devSchoolsPrimary', '教师发展学校（小学）数'],
    [cs.devSchoolsSecondary, 'devSchoolsSecondary', '教师发展学校（中学）数'],
    [cs.teamMinPerDevSchool, 'teamMinPerDevSchool', '每所教师发展学校团队成员下限'],
    [cs.teamMinPerStudio, 'teamMinPerStudio', '每个工作室团队成员下限'],
    [cs.studios, 'studios', '工作室数'],
    [cs.youngMembers, 'youngMembers', '青年骨干人数'],
  ];
  for (const [v, key, label] of counts) c.count(v, `${path}.${key}`, label);
  checkList(cs.projectCounties, `${path}.projectCounties`, '项目县', c);
  checkList(cs.trainingTeamDomains, `${path}.trainingTeamDomains`, '培训团队领域', c);
  if (cs.devSchoolsPrimary.value + cs.devSchoolsSecondary.value !== cs.devSchools.value) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.devSchoolsPrimary.ruleId,
      `${path}.devSchoolsPrimary`,
      `教师发展学校小学 ${cs.devSchoolsPrimary.value} 所 + 中学 ${cs.devSchoolsSecondary.value} 所 ≠ 总数 ${cs.devSchools.value} 所`,
    );
  }
  const leaders = cs.studioLeaders.value;
  const leaderSum = leaders.masterTeachers + leaders.masterPrincipals + leaders.masterHeadTeachers;
  if (leaderSum !== cs.studios.value) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.studioLeaders.ruleId,
      `${path}.studioLeaders`,
      `工作室主持人名师 ${leaders.masterTeachers} + 名校长 ${leaders.masterPrincipals} + 名班主任 ${leaders.masterHeadTeachers} = ${leaderSum} 人，与工作室数 ${cs.studios.value} 个不一致`,
    );
  }
  const required =
    cs.devSchools.value * cs.teamMinPerDevSchool.value + cs.studios.value * cs.teamMinPerStudio.value;
  if (required > cs.trainingTeamSize.value) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.teamMinPerDevSchool.ruleId,
      `${path}.trainingTeamSize`,
      `培训团队至少需 ${cs.devSchools.value}×${cs.teamMinPerDevSchool.value} + ${cs.studios.value}×${cs.teamMinPerStudio.value} = ${required} 人，超过团队规模 ${cs.trainingTeamSize.value} 人`,
    );
  }
  const members = type.studios.find((s) => s.value.roles.some((r) => r.trackCode === 'studio_member'));
  const perStudio = members?.value.roles.find((r) => r.trackCode === 'studio_member');
  if (
    perStudio &&
    perStudio.min === perStudio.max &&
    perStudio.max * cs.studios.value !== cs.youngMembers.value
  ) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.youngMembers.ruleId,
      `${path}.youngMembers`,
      `${cs.studios.value} 个工作室 × 每室 ${perStudio.max} 名成员 = ${perStudio.max * cs.studios.value} 人，与青年骨干总数 ${cs.youngMembers.value} 人不一致`,
    );
  }
}

/** The training-plan rules (R-004-04, R-004-05, R-004-07, R-004-31): modes, day↔学时, staffing. */
function checkPlanDesign(pack: PolicyPack, c: Collector): void {
  const d = pack.design;
  const modes = d.planModes;
  if (!modes || !d.dayHoursTenths) {
    c.add(
      'PACK.PLAN_MODES',
      'R-004-31',
      'design.planModes',
      '缺少培训方案的研修形式或天数折算学时（方案检查无法进行）',
    );
    return;
  }
  if (modes.value.length === 0)
    c.add('PACK.EMPTY_LIST', modes.ruleId, 'design.planModes', '研修形式列表不能为空');
  const seen = new Set<string>();
  modes.value.forEach((m, i) => {
    const known: readonly string[] = PLAN_MODE_CODES;
    if (!known.includes(m.code)) {
      c.add('PACK.PLAN_MODES', modes.ruleId, `design.planModes[${i}].code`, `未知的研修形式代码"${m.code}"`);
    }
    if (seen.has(m.code)) {
      c.add('PACK.DUPLICATE_ITEM', modes.ruleId, `design.planModes[${i}].code`, `研修形式"${m.name}"重复`);
    }
    seen.add(m.code);
  });
  if (
    d.compulsoryTopicsDelivery.value === 'async_online' &&
    !modes.value.some((m) => m.countsAs === 'online')
  ) {
    c.add(
      'PACK.PLAN_MODES',
      d.compulsoryTopicsDelivery.ruleId,
      'design.planModes',
      `必修内容须以异步在线形式安排（${d.compulsoryTopicsDelivery.ruleId}），但研修形式中没有计入网络研修学时的形式`,
    );
  }
  c.count(d.dayHoursTenths, 'design.dayHoursTenths', '1 天折合学时（以 0.1 学时计）', 1);
  const st = d.staffing.value;
  const staffCounts: Array<[number, string, string]> = [
    [st.chiefExperts, 'chiefExperts', '首席专家人数'],
    [st.subjectClassTeachersPerClass, 'subjectClassTeachersPerClass', '每班学科班主任人数'],
    [st.lifeClassTeachersPerClass, 'lifeClassTeachersPerClass', '每班生活班主任人数'],
  ];
  for (const [n, key, label] of staffCounts) {
    if (!Number.isInteger(n) || n < 0) {
      c.add('PACK.STAFFING', d.staffing.ruleId, `design.staffing.${key}`, `${label}应为非负整数，实为 ${n}`);
    }
  }
}

// ---- class operations (Y-004-DUE-SOON, Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN) ----

function checkClassOps(pack: PolicyPack, c: Collector): void {
  const o = pack.classOps;
  if (!o) return;
  c.count(o.dueSoonDays, 'classOps.dueSoonDays', '预警天数');
  c.count(o.checkinRotationSeconds, 'classOps.checkinRotationSeconds', '签到码更换周期（秒）', 10);
  c.count(o.checkinGraceWindows, 'classOps.checkinGraceWindows', '签到码宽限周期数');
  c.count(o.checkinOpensDaysBefore, 'classOps.checkinOpensDaysBefore', '开班前开放签到天数');
  if (Number.isInteger(o.dueSoonDays.value) && o.dueSoonDays.value > 60) {
    c.add(
      'PACK.BAD_NUMBER',
      o.dueSoonDays.ruleId,
      'classOps.dueSoonDays',
      `预警天数 ${o.dueSoonDays.value} 天过长（上限 60 天），看板将长期显示黄灯`,
    );
  }
  if (Number.isInteger(o.checkinRotationSeconds.value) && o.checkinRotationSeconds.value > 600) {
    c.add(
      'PACK.BAD_NUMBER',
      o.checkinRotationSeconds.ruleId,
      'classOps.checkinRotationSeconds',
      `签到码更换周期 ${o.checkinRotationSeconds.value} 秒过长（上限 600 秒），旧码可被转发使用`,
    );
  }
  if (Number.isInteger(o.checkinGraceWindows.value) && o.checkinGraceWindows.value > 2) {
    c.add(
      'PACK.BAD_NUMBER',
      o.checkinGraceWindows.ruleId,
      'classOps.checkinGraceWindows',
      `签到码宽限 ${o.checkinGraceWindows.value} 个周期过多（上限 2 个）`,
    );
  }
  // check-in must not open before the registration notice (R-004-10) is due: a trainee would be asked to
  // check in to a class nobody had to tell them about yet
  const opens = o.checkinOpensDaysBefore.value;
  const notice = pack.deadlines.registrationNotice;
  if (
    Number.isInteger(opens) &&
    notice.value.anchor === 'class_start' &&
    Number.isInteger(notice.value.offsetDays) &&
    notice.value.offsetDays <= 0 &&
    opens > -notice.value.offsetDays
  ) {
    c.add(
      'PACK.CLASS_OPS',
      o.checkinOpensDaysBefore.ruleId,
      'classOps.checkinOpensDaysBefore',
      `开班前 ${opens} 天开放签到，早于《报到通知书》的报送期限（开班前 ${-notice.value.offsetDays} 天，${notice.ruleId}）`,
    );
  }
}

// ---- outcomes and completion (Y-004-ATTEND-MIN … Y-004-CERT-NO) ----

const LEAVE_READINGS: readonly string[] = ['present', 'excused', 'absent'];
const PARTIAL_HOURS_READINGS: readonly string[] = ['none', 'attended_share'];

function checkCompletion(pack: PolicyPack, c: Collector): void {
  const k = pack.completion;
  if (!k) return;
  c.count(k.minAttendancePct, 'completion.minAttendancePct', '结业最低出勤比例（%）');
  c.count(k.outcomeDueDaysAfterEnd, 'completion.outcomeDueDaysAfterEnd', '成果提交期限（结业后天数）');
  c.count(k.outcomePassScore, 'completion.outcomePassScore', '成果合格分数');
  c.count(k.certificateSeqDigits, 'completion.certificateSeqDigits', '证书顺序号位数', 3);
  for (const [v, path, label] of [
    [k.minAttendancePct, 'completion.minAttendancePct', '结业最低出勤比例'],
    [k.outcomePassScore, 'completion.outcomePassScore', '成果合格分数'],
  ] as const) {
    if (Number.isInteger(v.value) && v.value > 100) {
      c.add('PACK.BAD_NUMBER', v.ruleId, path, `${label} ${v.value} 超过 100`);
    }
  }
  if (Number.isInteger(k.certificateSeqDigits.value) && k.certificateSeqDigits.value > 9) {
    c.add(
      'PACK.BAD_NUMBER',
      k.certificateSeqDigits.ruleId,
      'completion.certificateSeqDigits',
      `证书顺序号位数 ${k.certificateSeqDigits.value} 过长（上限 9 位）`,
    );
  }
  if (Number.isInteger(k.outcomeDueDaysAfterEnd.value) && k.outcomeDueDaysAfterEnd.value > MAX_OFFSET_DAYS) {
    c.add(
      'PACK.BAD_NUMBER',
      k.outcomeDueDaysAfterEnd.ruleId,
      'completion.outcomeDueDaysAfterEnd',
      `成果提交期限结业后 ${k.outcomeDueDaysAfterEnd.value} 天，超过 ${MAX_OFFSET_DAYS} 天`,
    );
  }
  if (!LEAVE_READINGS.includes(String(k.approvedLeave.value))) {
    c.add(
      'PACK.BAD_SETTING',
      k.approvedLeave.ruleId,
      'completion.approvedLeave',
      `请假计算方式"${String(k.approvedLeave.value)}"无效（应为 present、excused 或 absent）`,
    );
  }
  if (!PARTIAL_HOURS_READINGS.includes(String(k.partialHours.value))) {
    c.add(
      'PACK.BAD_SETTING',
      k.partialHours.ruleId,
      'completion.partialHours',
      `未结业学时登记方式"${String(k.partialHours.value)}"无效（应为 none 或 attended_share）`,
    );
  }
  // the final reports (R-004-15) summarise the trainees' outcomes: outcomes due after the reports cannot be in them
  const due = k.outcomeDueDaysAfterEnd.value;
  const reports = pack.deadlines.finalReports;
  if (
    Number.isInteger(due) &&
    reports.value.anchor === 'class_end' &&
    Number.isInteger(reports.value.offsetDays) &&
    reports.value.offsetDays >= 0 &&
    due > reports.value.offsetDays
  ) {
    c.add(
      'PACK.COMPLETION',
      k.outcomeDueDaysAfterEnd.ruleId,
      'completion.outcomeDueDaysAfterEnd',
      `学员成果结业后 ${due} 天内提交，晚于总结材料的报送期限（结业后 ${reports.value.offsetDays} 天，${reports.ruleId}），总结材料无法汇总成果`,
    );
  }
}

// ---- KPI targets (shares 0…1; R3-B02 by default) ----

function checkKpiTargets(pack: PolicyPack, c: Collector): void {
  const t = pack.kpiTargets;
  if (!t) return;
  const labels: Record<string, string> = {
    registrationRate: '注册完成率目标',
    arrivalRate: '报到率目标',
    attendanceRate: '出勤率目标',
    completionRate: '结业率目标',
  };
  for (const [key, v] of Object.entries(t)) {
    if (!v) continue;
    const n: unknown = v.value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1) {
      c.add(
        'PACK.SHARE_RANGE',
        v.ruleId,
        `kpiTargets.${key}`,
        `${labels[key] ?? key}应为 0～1 之间的比例（0%～100%），实为 ${String(n)}`,
      );
    }
  }
}

/** Every problem that makes the pack impossible or self-contradictory; empty when it can be used. */
export function validatePack(pack: PolicyPack): PackProblem[] {
  const c = new Collector();
  if (pack.id.trim() === '') c.add('PACK.HEADER', STRUCTURE_RULE, 'id', '政策包编号不能为空');
  if (!/^\d{6}$/.test(pack.regionCode)) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'regionCode', `行政区划代码应为 6 位数字，实为"${pack.regionCode}"`);
  }
  if (!Number.isInteger(pack.year) || pack.year < 2000 || pack.year > 2100) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'year', `年度应在 2000～2100 之间，实为 ${pack.year}`);
  }
  if (!Number.isInteger(pack.version) || pack.version < 1) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'version', `版本号应为正整数，实为 ${pack.version}`);
  }
  checkRuleRefs(pack, '', c);

  const ref = pack.settings.referenceDate.value;
  if (ref.kind === 'fixed' && !parseIsoDate(ref.date)) {
    c.add(
      'PACK.BAD_DATE',
      pack.settings.referenceDate.ruleId,
      'settings.referenceDate',
      `年龄计算日期"${ref.date}"不是有效日期`,
    );
  }

  const d = pack.design;
  checkList(d.compulsoryTopics, 'design.compulsoryTopics', '必修内容', c);
  if (
    !Number.isFinite(d.practicalShareMinPct.value) ||
    d.practicalShareMinPct.value < 0 ||
    d.practicalShareMinPct.value > 100
  ) {
    c.add(
      'PACK.PRACTICAL_SHARE',
      d.practicalShareMinPct.ruleId,
      'design.practicalShareMinPct',
      `实践性课程比例应在 0%～100% 之间，实为 ${d.practicalShareMinPct.value}%`,
    );
  }

  checkPlanDesign(pack, c);

  const dl = pack.deadlines;
  checkDate(dl.applicationDue, 'deadlines.applicationDue', '申报截止日', pack.year, c);
  checkDate(dl.selectionDue, 'deadlines.selectionDue', '学员遴选截止日', pack.year, c);
  checkDate(dl.classDatesDue, 'deadlines.classDatesDue', '开班时间报送截止日', pack.year, c);
  checkOffset(dl.registrationNotice, 'deadlines.registrationNotice', '《报到通知书》报送时间', c);
  checkOffset(dl.timetable, 'deadlines.timetable', '培训课程表报送时间', c);
  checkOffset(dl.finalReports, 'deadlines.finalReports', '绩效自评报告等报送时间', c);
  c.count(dl.bulletinsMin, 'deadlines.bulletinsMin', '《工作简报》期数');

  checkClassOps(pack, c);
  checkCompletion(pack, c);
  checkKpiTargets(pack, c);

  const f = pack.funding;
  c.count(f.centralizedPerPersonDayFen, 'funding.centralizedPerPersonDayFen', '集中培训经费标准（分/人/天）');
  c.count(f.onlinePerPersonHourFen, 'funding.onlinePerPersonHourFen', '网络研修经费标准（分/学时）');
  c.count(f.studioSubsidyFen, 'funding.studioSubsidyFen', '工作室补助（分/个）');

  c.count(pack.integrityBan.years, 'integrityBan.years', '诚信限制年限', 1);
  if (pack.integrityBan.kinds.value.length === 0) {
    c.add('PACK.EMPTY_LIST', pack.integrityBan.kinds.ruleId, 'integrityBan.kinds', '诚信限制的记录类型为空');
  }

  if (pack.projectTypes.length === 0) {
    c.add('PACK.NO_PROJECT_TYPES', STRUCTURE_RULE, 'projectTypes', '政策包没有任何项目类型');
  }
  const codes = new Set<string>();
  pack.projectTypes.forEach((type, i) => {
    const path = `projectTypes[${i}]`;
    if (codes.has(type.code)) {
      c.add(
        'PACK.DUPLICATE_PROJECT_CODE',
        type.definedBy.ruleId,
        `${path}.code`,
        `项目类型代码"${type.code}"重复`,
      );
    }
    codes.add(type.code);
    checkProjectType(pack, type, path, c);
  });
  return c.problems;
}

/**
 * A draft copy of `pack` for `year`: version + 1, the same rule IDs, sources, codes and values, with the
 * absolute deadline dates moved by whole years and marked for checking against the new year's notice.
 * Project-type and track codes stay the same so a teacher's record joins across years.
 */
export function clonePackForYear(pack: PolicyPack, year: number, options: { id?: string } = {}): PolicyPack {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`year must be 2000–2100: ${year}`);
  const copy = structuredClone(pack);
  const from = String(pack.year);
  const delta = year - pack.year;
  copy.id =
    options.id ?? (pack.id.includes(from) ? pack.id.replaceAll(from, String(year)) : `${pack.id}-${year}`);
  copy.year = year;
  copy.version = pack.version + 1;
  copy.status = 'draft';
  copy.title = pack.title.replaceAll(from, String(year));
  copy.derivedFrom = { id: pack.id, version: pack.version };

  const note = `由 ${pack.year} 年版顺延 ${delta} 年，请按 ${year} 年通知核对`;
  const shift = (v: PolicyValue<string>): void => {
    if (parseIsoDate(v.value)) v.value = addYears(v.value, delta);
    v.note = v.note ? `${v.note}；${note}` : note;
  };
  shift(copy.deadlines.applicationDue);
  shift(copy.deadlines.selectionDue);
  shift(copy.deadlines.classDatesDue);
  const ref = copy.settings.referenceDate.value;
  if (ref.kind === 'fixed' && parseIsoDate(ref.date)) {
    copy.settings.referenceDate.value = { kind: 'fixed', date: addYears(ref.date, delta) };
  }
  return copy;
}
